"""The portal's roles. Petitioner: anyone signed in. Clinic staff: a group. Admin: superuser.

Permissions are granted to the groups by a data migration (accounts/migrations), so the roles are
the same on every installation.
"""

from django.contrib.auth.models import AnonymousUser

from .models import User

CLINIC_STAFF_GROUP = "Clinic staff"
CONTENT_EDITOR_GROUP = "Content editors"


def is_clinic_staff(user: User | AnonymousUser) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=CLINIC_STAFF_GROUP).exists()


def is_content_editor(user: User | AnonymousUser) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=CONTENT_EDITOR_GROUP).exists()
