import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser

from forms_filler.reminders import reminders_send_due


class Command(BaseCommand):
    help = (
        "Email the reminders that are due (on or before today in California, or --today) and "
        "not yet sent or cancelled. Run it daily; running it again never sends one twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="The day to send for, YYYY-MM-DD (default: today).")

    def handle(self, *args: object, **options: object) -> None:
        today = None
        if options["today"]:
            try:
                today = datetime.date.fromisoformat(str(options["today"]))
            except ValueError as exc:
                raise CommandError("--today: Must be a real date written YYYY-MM-DD.") from exc
        sent = reminders_send_due(today=today)
        self.stdout.write(f"Reminders sent: {sent}.")
