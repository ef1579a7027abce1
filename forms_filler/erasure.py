"""Erasing packets when people or cases go (a case removed, an account deleted, the stale-data
purge), in a few set-based statements whatever the number of people.

The staff-side audit rows (review events, staff looks at papers) are kept, detached from the
packet and stripped of everything that could say whose it was: what happened and when, and which
member of staff did it, stay for the clinic's audit (docs/review.md, the privacy page).

Kept apart from services.py, which imports the renderer (WeasyPrint): the daily purge need not
load it."""

from django.db.models import QuerySet

from eligibility.models import Case

from . import storage
from .models import Message, Packet, PacketVersion, PaperAccess, Reminder, ReviewEvent


def packets_erase_for_cases(*, cases: QuerySet[Case]) -> None:
    """Delete the packets of these cases: their stored files, then messages, versions and
    packets, and the cases' reminders; keep their audit rows as kind and time (no per-row
    signals: nothing here has history or signal receivers)."""
    versions = PacketVersion.objects.filter(packet__case__in=cases)
    storage.files_delete(
        [name for pair in versions.values_list("file", "preview") for name in pair]
    )
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
