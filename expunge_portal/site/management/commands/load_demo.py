from django.core.management import call_command
from django.core.management.base import BaseCommand

from expunge_portal.accounts.models import User
from expunge_portal.accounts.services import user_set_totp_secret

DEMO_STAFF = ("staff@example.org", "demo-staff-password")
# Published on purpose: staff sign in with an authenticator code, and the demo login must work
# on any machine. Add it to an authenticator app, or compute a code with
# `oathtool --totp -b JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP`.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 - published for the demo


class Command(BaseCommand):
    help = (
        "Load demo content for local use: a clinic staff login with a known authenticator "
        "secret, and the shipped court data copied into the county filing notes "
        "(load_court_data; notes staff edited are kept). The guide pages and county filing notes "
        "come with the migrations. Safe to run again."
    )

    def handle(self, *args: str, **options: object) -> None:
        email, password = DEMO_STAFF
        call_command("load_court_data", stdout=self.stdout)
        call_command("create_clinic_staff", email=email, password=password, stdout=self.stdout)
        user_set_totp_secret(user=User.objects.get(email=email), secret=DEMO_TOTP_SECRET)
        self.stdout.write(f"Demo clinic staff login: {email} / {password}")
        self.stdout.write(
            f"Its authenticator secret (demo only): {DEMO_TOTP_SECRET} "
            f"(e.g. oathtool --totp -b {DEMO_TOTP_SECRET})"
        )
