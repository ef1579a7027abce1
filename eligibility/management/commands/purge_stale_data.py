import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from eligibility.services import stale_data_purge


class Command(BaseCommand):
    help = (
        "Delete anonymous interviews (people without an account) and unfinished drafts not "
        "touched for DAYS days, expired sessions and background tasks finished before then. "
        "Run it daily (cron or a scheduler)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days", type=int, default=settings.STALE_DATA_DAYS, help="default: STALE_DATA_DAYS"
        )

    def handle(self, *args: str, days: int, **options: object) -> None:
        if days < 1:
            raise CommandError("--days: must be at least 1.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        counts = stale_data_purge(older_than=cutoff)
        self.stdout.write(
            "Deleted {people} anonymous people, {drafts} unfinished drafts, "
            "{sessions} sessions, {tasks} finished background tasks.".format(**counts)
        )
