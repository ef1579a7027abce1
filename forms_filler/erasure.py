"""Erasing packets when people or cases go (a case removed, an account deleted, the stale-data
purge), in a few set-based statements whatever the number of people.

The staff-side audit rows (review events, staff looks at papers) are kept, detached from the
packet and stripped of everything that could say whose it was: what happened and when, and which
member of staff did it, stay for the clinic's audit (docs/review.md, the privacy page).

Kept apart from services.py, which imports the renderer (WeasyPrint): the daily purge need not
load it."""

import logging

from django.db.models import QuerySet

from eligibility.models import Case

from . import storage
from .models import (
    FileToDelete,
    Message,
    Packet,
    PacketVersion,
    PaperAccess,
    Reminder,
    ReviewEvent,
)

logger = logging.getLogger(__name__)


def packets_erase_for_cases(*, cases: QuerySet[Case]) -> None:
    """Delete the packets of these cases: their stored files, then messages, versions and
    packets, and the cases' reminders; keep their audit rows as kind and time (no per-row
    signals: nothing here has history or signal receivers)."""
    versions = PacketVersion.objects.filter(packet__case__in=cases)
    files_erase([name for pair in versions.values_list("file", "preview") for name in pair])
    packets = Packet.objects.filter(case__in=cases)
    audit_rows_detach(packets=packets, owners=cases.values_list("person__owner", flat=True))
    for model in (Message, PacketVersion):
        model.objects.filter(packet__in=packets)._raw_delete(model.objects.db)
    packets._raw_delete(Packet.objects.db)
    reminders = Reminder.objects.filter(case__in=cases)
    reminders._raw_delete(reminders.db)


def audit_rows_detach(*, packets: QuerySet[Packet], owners: QuerySet[Case, int | None]) -> None:
    """Keep these packets' review events and staff looks as "this happened at this time", with
    no packet, version, message, or the person themselves as the one who acted."""
    ReviewEvent.objects.filter(packet__in=packets, actor__in=owners).update(actor=None)
    ReviewEvent.objects.filter(packet__in=packets).update(packet=None, version=None, message="")
    PaperAccess.objects.filter(packet__in=packets).update(packet=None, version_number=None)


def files_erase(names: list[str]) -> None:
    """Delete these stored files now or, when the object store is down, write their names down
    to be deleted once it answers again: a person's deletion never waits for, or fails on, the
    store (the files are ciphertext meanwhile)."""
    names = [name for name in names if name]
    try:
        storage.files_delete(names)
    except storage.StorageUnavailable:
        logger.warning("Object store down: %d file deletions wait for it", len(names))
        FileToDelete.objects.bulk_create(
            [FileToDelete(name=name) for name in names], ignore_conflicts=True
        )


def files_erase_waiting() -> tuple[int, int]:
    """Delete the files whose deletion waited for the store; returns (deleted, still waiting).
    Stops at the first failure: the store is still down."""
    deleted = 0
    for row in FileToDelete.objects.order_by("pk"):
        try:
            storage.files_delete([row.name])
        except storage.StorageUnavailable:
            break
        row.delete()
        deleted += 1
    return deleted, FileToDelete.objects.count()
