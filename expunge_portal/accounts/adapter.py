from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django import forms
from django.http import HttpRequest
from django.urls import reverse

from .models import User
from .roles import has_staff_role, is_clinic_staff


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

    def save_user(
        self, request: HttpRequest, user: User, form: forms.Form, commit: bool = True
    ) -> User:
        """New accounts remember the language the person was using when they signed up."""
        user.preferred_language = getattr(request, "LANGUAGE_CODE", "") or ""
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Clinic staff land on the review queue; everyone else on their dashboard. (A `next`
        address, when there is one, still wins: allauth reads it before asking here.)"""
        if is_clinic_staff(request.user):
            return reverse("review:queue")
        return super().get_login_redirect_url(request)


class MfaAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff roles cannot turn their second step off (an admin can reset it in the admin)."""
        return not has_staff_role(authenticator.user)
