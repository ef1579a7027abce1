"""Guide pages for the routes beside dismissal: the certificate of rehabilitation (PC 4852.01 ff.),
vacatur for trafficking survivors (PC 236.14), fire-crew dismissal (PC 1203.4b), Prop 47
(PC 1170.18) and Prop 64 (HS 11361.8). Existing pages with these slugs are left alone.
"""

from django.db import migrations

from expunge_portal.guide.seed import load_seed_pages

ROUTE_PAGES = (
    "certificate-of-rehabilitation",
    "trafficking-survivors",
    "fire-camp",
    "prop-47",
    "prop-64",
)


def load(apps, schema_editor):
    load_seed_pages(
        apps, reason="Loaded from expunge_portal/guide/seed by migration 0007", slugs=ROUTE_PAGES
    )


class Migration(migrations.Migration):
    dependencies = [("guide", "0006_load_court_data")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
