from django.conf import settings
from django.http import HttpRequest

from expunge_portal.accounts.roles import is_clinic_staff


def site(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    return {
        "CLINIC_NAME": settings.CLINIC_NAME,
        "CLINIC_EMAIL": settings.CLINIC_EMAIL,
        "CLINIC_PHONE": settings.CLINIC_PHONE,
        "STALE_DATA_DAYS": settings.STALE_DATA_DAYS,
        "user_is_clinic_staff": user is not None and is_clinic_staff(user),
    }
