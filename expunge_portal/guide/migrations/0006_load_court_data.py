"""Fill the county filing notes' court facts from the reviewed file guide/data/courts.json.

Later changes to the file reach the database through `manage.py load_court_data`; notes a person
has edited in the admin are never overwritten.
"""

from django.db import migrations


def load(apps, schema_editor):
    from expunge_portal.guide.court_data import load_courts
    from expunge_portal.guide.services import court_data_apply

    court_data_apply(
        records=load_courts(),
        note_model=apps.get_model("guide", "CountyFilingNote"),
        history_model=apps.get_model("guide", "HistoricalCountyFilingNote"),
    )


class Migration(migrations.Migration):
    dependencies = [("guide", "0005_court_addresses_and_fact_sources")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
