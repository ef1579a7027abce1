from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from expunge_portal.accounts.roles import CONTENT_EDITOR_GROUP
from expunge_portal.accounts.services import user_with_role


class Command(BaseCommand):
    help = (
        "Create (or update) a content editor: verified email, staff status so the admin opens, "
        "and the Content editors group, which may edit only the guide and county filing notes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--password", required=True)

    def handle(self, *args, email: str, password: str, **options) -> None:
        try:
            user, created = user_with_role(
                email=email, password=password, group=CONTENT_EDITOR_GROUP, is_staff=True
            )
        except ValidationError as error:
            field, (message,) = next(iter(error.message_dict.items()))
            raise CommandError(f"--{field}: {message}") from error
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} content editor {user.email}")
