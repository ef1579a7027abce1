from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.http import HttpRequest

from .models import User
from .roles import has_staff_role


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Rendered here (the templates need the request), sent by the worker."""
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        from .tasks import send_account_email

        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": get_current_site(request)}
            | context,
        )
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        send_account_email.enqueue(
            subject=str(message.subject),
            body=str(message.body),
            from_email=str(message.from_email),
            to=[str(address) for address in message.to],
            html=str(html),
        )

    def save_user(self, request: HttpRequest, user: User, form, commit: bool = True) -> User:
        """New accounts remember the language the person was using when they signed up."""
        user.preferred_language = getattr(request, "LANGUAGE_CODE", "") or ""
        return super().save_user(request, user, form, commit=commit)


class MfaAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff roles cannot turn their second step off (an admin can reset it in the admin)."""
        return not has_staff_role(authenticator.user)
