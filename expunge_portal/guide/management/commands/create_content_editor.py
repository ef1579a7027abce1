from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email

from expunge_portal.accounts.models import User
from expunge_portal.accounts.roles import CONTENT_EDITOR_GROUP


class Command(BaseCommand):
    help = (
        "Create (or update) a content editor: verified email, staff status so the admin opens, "
        "and the Content editors group, which may edit only the guide and county filing notes."
    )

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
        user.is_staff = True
        user.save()
        user.groups.add(Group.objects.get(name=CONTENT_EDITOR_GROUP))
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} content editor {user.email}")
