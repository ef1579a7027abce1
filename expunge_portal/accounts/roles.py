"""The portal's roles. Petitioner: anyone signed in. Clinic staff: a group. Admin: superuser.

Permissions are granted to the groups by a data migration (accounts/migrations), so the roles are
the same on every installation.
"""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from .models import User

CLINIC_STAFF_GROUP = "Clinic staff"
CONTENT_EDITOR_GROUP = "Content editors"


def is_clinic_staff(user: User | AnonymousUser) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=CLINIC_STAFF_GROUP).exists()


def request_user_is_clinic_staff(request: HttpRequest) -> bool:
    """is_clinic_staff(request.user), asked of the database at most once per request (the
    staff-only views and the menu in every page's header both ask)."""
    cache = vars(request)
    if "_user_is_clinic_staff" not in cache:
        user = getattr(request, "user", None)
        cache["_user_is_clinic_staff"] = user is not None and is_clinic_staff(user)
    return bool(cache["_user_is_clinic_staff"])


def is_content_editor(user: User | AnonymousUser) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=CONTENT_EDITOR_GROUP).exists()


def has_staff_role(user: User | AnonymousUser) -> bool:
    """Clinic staff, content editors, admins and anyone the admin lets in: the accounts that
    see other people's records or change the site, so they sign in with a second step and idle
    out sooner."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    return user.groups.filter(name__in=(CLINIC_STAFF_GROUP, CONTENT_EDITOR_GROUP)).exists()


def request_user_has_staff_role(request: HttpRequest) -> bool:
    """has_staff_role(request.user), asked of the database at most once per request."""
    if not hasattr(request, "_user_has_staff_role"):
        user = getattr(request, "user", None)
        # A per-request cache, kept on the request itself.
        request._user_has_staff_role = user is not None and has_staff_role(user)  # type: ignore[attr-defined]
    return request._user_has_staff_role  # type: ignore[attr-defined]
