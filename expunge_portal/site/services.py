"""Writes that span the apps: deleting an account with everything it owns."""

from django.db import transaction

from expunge_portal.accounts.models import User
from forms_filler.services import packet_files_delete_for_user


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete the account and everything it owns (the database cascades to the person's
    records; stored files are removed by the storage cleanup of the apps that own them)."""
    packet_files_delete_for_user(user=user)
    user.delete()
