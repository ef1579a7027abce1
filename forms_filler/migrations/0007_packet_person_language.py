from django.db import migrations, models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce


def person_language_backfill(apps, schema_editor):
    """Each packet's person's language on the portal ("" without an account), in one UPDATE."""
    Packet = apps.get_model("forms_filler", "Packet")
    Case = apps.get_model("eligibility", "Case")
    language = Case.objects.filter(pk=OuterRef("case_id")).values(
        "person__owner__preferred_language"
    )[:1]
    Packet.objects.update(person_language=Coalesce(Subquery(language), Value("")))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_user_superuser_idx"),
        ("eligibility", "0010_case_latest_outcome"),
        ("forms_filler", "0006_files_to_delete"),
    ]

    operations = [
        migrations.AddField(
            model_name="packet",
            name="person_language",
            field=models.CharField(blank=True, default="", editable=False, max_length=8),
        ),
        migrations.RunPython(person_language_backfill, migrations.RunPython.noop),
    ]
