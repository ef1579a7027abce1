from django.core.management import call_command
from django.core.management.base import BaseCommand

DEMO_STAFF = ("staff@example.org", "demo-staff-password")


class Command(BaseCommand):
    help = (
        "Load demo content for local use: a clinic staff login. The guide pages and county "
        "filing notes come with the migrations. Safe to run again."
    )

    def handle(self, *args: str, **options: object) -> None:
        email, password = DEMO_STAFF
        call_command("create_clinic_staff", email=email, password=password, stdout=self.stdout)
        self.stdout.write(f"Demo clinic staff login: {email} / {password}")
