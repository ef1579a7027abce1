from django.core.management.base import BaseCommand, CommandError

from forms_filler.services import packet_files_reencrypt


class Command(BaseCommand):
    help = (
        "Re-encrypt every stored packet PDF and preview with the first key in "
        "PACKET_ENCRYPTION_KEYS. Rotation: put a new key first (keep the old ones after it), "
        "restart, run this, then remove the old keys. Safe to run again."
    )

    def handle(self, *args: object, **options: object) -> None:
        result = packet_files_reencrypt()
        self.stdout.write(
            f"Re-encrypted {result.rewritten} files; {result.missing} already missing."
        )
        if result.damaged:
            raise CommandError(
                f"{len(result.damaged)} files failed their integrity check and were left as "
                "they are (render those packets again): " + ", ".join(result.damaged)
            )
