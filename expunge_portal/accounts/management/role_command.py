"""The shared body of the commands that make a login in a role group (clinic staff, editors)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from expunge_portal.accounts.services import user_with_role


class RoleUserCommand(BaseCommand):
    group = ""
    is_staff = False
    is_superuser = False
    role_name = ""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--password", required=True)

    def handle(self, *args: str, email: str, password: str, **options: object) -> None:
        try:
            user, created = user_with_role(
                email=email,
                password=password,
                group=self.group,
                is_staff=self.is_staff,
                is_superuser=self.is_superuser,
            )
        except ValidationError as error:
            field, (message,) = next(iter(error.message_dict.items()))
            raise CommandError(f"--{field}: {message}") from error
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} {self.role_name} {user.email}")
