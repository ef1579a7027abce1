"""Password rules beyond Django's validators: longer passwords for the staff roles."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import User
from .roles import has_staff_role


def staff_password_min_length() -> int:
    return int(settings.STAFF_PASSWORD_MIN_LENGTH)


class StaffMinimumLengthValidator:
    """Clinic staff, content editors and admins use at least STAFF_PASSWORD_MIN_LENGTH
    characters (everyone else: Django's minimum). A new account is a petitioner, so this applies
    when a staff member changes or resets their password, and in the create_* commands."""

    def validate(self, password: str, user: User | None = None) -> None:
        # An unsaved User has no pk yet, though the stubs type pk as always set.
        if user is None or user.pk is None or not has_staff_role(user):  # type: ignore[redundant-expr]
            return
        minimum = staff_password_min_length()
        if len(password) < minimum:
            raise ValidationError(
                ngettext(
                    "Staff passwords must have at least %(min_length)d character.",
                    "Staff passwords must have at least %(min_length)d characters.",
                    minimum,
                )
                % {"min_length": minimum},
                code="password_too_short_for_staff",
                params={"min_length": minimum},
            )

    def get_help_text(self) -> str:
        return _("Staff passwords must have at least %(min_length)d characters.") % {
            "min_length": staff_password_min_length()
        }
