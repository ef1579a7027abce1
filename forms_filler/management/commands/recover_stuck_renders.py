from django.core.management.base import BaseCommand

from forms_filler.erasure import files_erase_waiting
from forms_filler.render_limits import render_timeout
from forms_filler.services import recover_stuck_renders


class Command(BaseCommand):
    help = (
        "Queue again the packet renders left 'rendering' by a worker that died (older than "
        "PACKET_RENDER_TIMEOUT_MINUTES); mark them failed once out of attempts. Delete the "
        "files whose deletion waited for the object store. Safe to run often, e.g. every few "
        "minutes from cron and before starting a worker."
    )

    def handle(self, *args: object, **options: object) -> None:
        requeued, failed = recover_stuck_renders()
        self.stdout.write(
            f"Stuck renders (older than {render_timeout()}): {requeued} queued again, "
            f"{failed} marked failed."
        )
        deleted, waiting = files_erase_waiting()
        self.stdout.write(f"Files waiting for the store: {deleted} deleted, {waiting} still wait.")
