"""The guide's first pages, from expunge_portal/guide/seed/*.md, in English and Spanish.

Pages that already exist (same slug) are left alone, so editors' changes are never overwritten.
"""

from django.db import migrations
from django.utils import timezone

from expunge_portal.guide.seed import seed_pages

REASON = "Loaded from expunge_portal/guide/seed by migration 0003"


def load(apps, schema_editor):
    page_model = apps.get_model("guide", "GuidePage")
    history_model = apps.get_model("guide", "HistoricalGuidePage")
    for slug, texts in seed_pages().items():
        if page_model.objects.filter(slug=slug).exists():
            continue
        en, es = texts["en"], texts.get("es")
        values = {
            "slug": slug,
            "order": en.order,
            "published": True,
            "title": en.title,
            "title_en": en.title,
            "title_es": es.title if es else None,
            "summary": en.summary,
            "summary_en": en.summary,
            "summary_es": es.summary if es else None,
            "body": en.body,
            "body_en": en.body,
            "body_es": es.body if es else None,
        }
        page = page_model.objects.create(**values)
        history_model.objects.create(
            id=page.pk,
            created_at=page.created_at,
            updated_at=page.updated_at,
            history_date=timezone.now(),
            history_type="+",
            history_change_reason=REASON,
            **values,
        )


class Migration(migrations.Migration):
    dependencies = [("guide", "0002_content_editor_permissions")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
