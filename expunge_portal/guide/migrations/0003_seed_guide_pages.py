"""The guide's first pages, from expunge_portal/guide/seed/*.md, in English and Spanish.

Pages that already exist (same slug) are left alone, so editors' changes are never overwritten.
"""

from django.db import migrations

from expunge_portal.guide.seed import load_seed_pages

FIRST_PAGES = (
    "what-clearing-means",
    "which-law-fits",
    "cannot-be-dismissed",
    "step-by-step",
    "state-prison",
    "get-help",
)


def load(apps, schema_editor):
    load_seed_pages(
        apps, reason="Loaded from expunge_portal/guide/seed by migration 0003", slugs=FIRST_PAGES
    )


class Migration(migrations.Migration):
    dependencies = [("guide", "0002_content_editor_permissions")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
