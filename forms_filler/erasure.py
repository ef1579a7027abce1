"""Deleting packets in bulk, when people are erased (account deletion, the stale-data purge).

Kept apart from services.py, which imports the renderer (WeasyPrint): the daily purge need not
load it."""

from django.db.models import QuerySet

from eligibility.models import Case

from . import storage
from .models import Message, Packet, PacketVersion, PaperAccess, Reminder, ReviewEvent


def packets_erase_for_cases(*, cases: QuerySet[Case]) -> None:
    """Delete the packets of these cases in a few set-based statements: their stored files, then
    messages, review events, staff looks, versions and packets, and the cases' reminders (no
    per-row signals: nothing here has history or signal receivers)."""
    versions = PacketVersion.objects.filter(packet__case__in=cases)
    names = [name for pair in versions.values_list("file", "preview") for name in pair if name]
    store = storage.packet_storage()
    for name in names:  # delete() ignores a missing file: no exists() round trip per file
        store.delete(name)
    packets = Packet.objects.filter(case__in=cases)
    for model in (Message, ReviewEvent, PaperAccess, PacketVersion):
        model.objects.filter(packet__in=packets)._raw_delete(model.objects.db)
    packets._raw_delete(Packet.objects.db)
    reminders = Reminder.objects.filter(case__in=cases)
    reminders._raw_delete(reminders.db)
