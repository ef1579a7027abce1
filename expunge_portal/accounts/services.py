from django.db import transaction

from .models import User


def user_set_language(*, user: User, language: str) -> None:
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete the account and everything it owns (the database cascades to the person's
    records; stored files are removed by the storage cleanup of the apps that own them)."""
    from forms_filler.services import packet_files_delete_for_user

    packet_files_delete_for_user(user=user)
    user.delete()
