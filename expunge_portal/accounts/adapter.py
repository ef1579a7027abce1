from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse

from .models import User
from .roles import is_clinic_staff


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request: HttpRequest, user: User, form, commit: bool = True) -> User:
        """New accounts remember the language the person was using when they signed up."""
        user.preferred_language = getattr(request, "LANGUAGE_CODE", "") or ""
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Clinic staff land on the review queue; everyone else on their dashboard. (A `next`
        address, when there is one, still wins: allauth reads it before asking here.)"""
        if is_clinic_staff(request.user):
            return reverse("review:queue")
        return super().get_login_redirect_url(request)
