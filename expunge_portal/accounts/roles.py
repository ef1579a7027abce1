"""The portal's roles. Petitioner: anyone signed in. Clinic staff: a group. Admin: superuser.

Permissions are granted to the groups by a data migration (accounts/migrations), so the roles are
the same on every installation.
"""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from .models import User

CLINIC_STAFF_GROUP = "Clinic staff"
CONTENT_EDITOR_GROUP = "Content editors"


def _group_names(user: User) -> frozenset[str]:
    return frozenset(user.groups.values_list("name", flat=True))


def _clinic_staff(user: User, groups: frozenset[str]) -> bool:
    return user.is_superuser or CLINIC_STAFF_GROUP in groups


def _staff_role(user: User, groups: frozenset[str]) -> bool:
    return (
        user.is_superuser
        or user.is_staff
        or not groups.isdisjoint({CLINIC_STAFF_GROUP, CONTENT_EDITOR_GROUP})
    )


def is_clinic_staff(user: User | AnonymousUser) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return _clinic_staff(user, _group_names(user))


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
    return _staff_role(user, _group_names(user))


def _request_user_groups(request: HttpRequest) -> tuple[User, frozenset[str]] | None:
    """The signed-in user and their groups' names, read at most once per request: the staff-only
    views, the session's idle limit, the staff pages' second-step check and the menu in every
    page's header all ask about the roles."""
    cache = vars(request)
    if "_user_groups" not in cache:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            cache["_user_groups"] = None
        else:
            # A superuser has every role whatever their groups: no need to ask.
            groups = frozenset() if user.is_superuser else _group_names(user)
            cache["_user_groups"] = (user, groups)
    return cache["_user_groups"]


def request_user_is_clinic_staff(request: HttpRequest) -> bool:
    """is_clinic_staff(request.user), from the groups read once per request."""
    found = _request_user_groups(request)
    return found is not None and _clinic_staff(*found)


def request_user_has_staff_role(request: HttpRequest) -> bool:
    """has_staff_role(request.user), from the groups read once per request."""
    found = _request_user_groups(request)
    return found is not None and _staff_role(*found)
