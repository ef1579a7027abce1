from expunge_portal.accounts.models import User


def packet_files_delete_for_user(*, user: User) -> None:
    """Packets do not exist yet; nothing is stored for anyone."""


def packet_files_delete_for_case(*, case) -> None:
    """Packets do not exist yet; nothing is stored for any case."""
