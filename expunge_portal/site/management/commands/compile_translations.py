from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compile every .po catalog under LOCALE_PATHS into .mo files. Unlike compilemessages "
        "it needs no GNU gettext on the machine, so a fresh checkout runs with Python alone."
    )

    def handle(self, *args, **options) -> None:
        for locale_dir in map(Path, settings.LOCALE_PATHS):
            for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
                with po_path.open("rb") as po_file:
                    catalog = read_po(po_file, locale=po_path.parent.parent.name)
                with po_path.with_suffix(".mo").open("wb") as mo_file:
                    write_mo(mo_file, catalog, use_fuzzy=False)
                self.stdout.write(f"compiled {po_path.relative_to(settings.BASE_DIR)}")
