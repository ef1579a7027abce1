from django.conf import settings
from django.http import HttpRequest

from expunge_portal.accounts.roles import request_user_is_clinic_staff


def site(request: HttpRequest) -> dict[str, object]:
    return {
        "CLINIC_NAME": settings.CLINIC_NAME,
        "CLINIC_EMAIL": settings.CLINIC_EMAIL,
        "CLINIC_PHONE": settings.CLINIC_PHONE,
        "STALE_DATA_DAYS": settings.STALE_DATA_DAYS,
        # A callable: the template asks only for signed-in people, at most once per request.
        "user_is_clinic_staff": lambda: request_user_is_clinic_staff(request),
    }
