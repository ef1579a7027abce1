from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email

from expunge_portal.accounts.models import User
from expunge_portal.accounts.roles import CLINIC_STAFF_GROUP


class Command(BaseCommand):
    help = "Create (or update) a clinic staff user with a verified email, for demos and setup."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--password", required=True)

    def handle(self, *args, email: str, password: str, **options) -> None:
        from allauth.account.models import EmailAddress

        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"--email: {email!r} is not an email address.") from error
        if len(password) < 8:
            raise CommandError("--password: use at least 8 characters.")
        user, created = User.objects.get_or_create(email=email.lower())
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name=CLINIC_STAFF_GROUP))
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} clinic staff user {user.email}")
