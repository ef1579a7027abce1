from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand

OUR_PACKAGES = {"expunge_portal", "eligibility", "forms_filler"}


class Command(BaseCommand):
    help = (
        "Compile the project's .po catalogs (LOCALE_PATHS and our apps' locale folders) into .mo "
        "files. Unlike compilemessages, "
        "it needs no GNU gettext on the machine, so a fresh checkout runs with Python alone."
    )
    requires_system_checks = []

    def handle(self, *args: str, **options: object) -> None:
        app_dirs = [
            Path(config.path) / "locale"
            for config in apps.get_app_configs()
            if config.name.split(".")[0] in OUR_PACKAGES
        ]
        for locale_dir in [*map(Path, settings.LOCALE_PATHS), *app_dirs]:
            for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
                with po_path.open("rb") as po_file:
                    catalog = read_po(po_file, locale=po_path.parent.parent.name)
                with po_path.with_suffix(".mo").open("wb") as mo_file:
                    write_mo(mo_file, catalog, use_fuzzy=False)
                self.stdout.write(f"compiled {po_path.relative_to(settings.BASE_DIR)}")
