"""The guide's first pages, as Markdown files: <slug>.en.md and <slug>.es.md.

Each file starts with a small header between "---" lines (title, summary, order), then the body.
Migrations 0003 and 0007 load them (``load_seed_pages``); the reading-level tests read the same
files. Editors change the pages
in the admin afterwards: these files are the starting text, not the live one.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils import timezone

SEED_DIR = Path(__file__).resolve().parent
LANGUAGES = ("en", "es")


@dataclass(frozen=True)
class SeedText:
    title: str
    summary: str
    body: str
    order: int


def read_seed_file(path: Path) -> SeedText:
    text = path.read_text(encoding="utf-8")
    _, header, body = text.split("---\n", 2)
    fields = dict(line.split(": ", 1) for line in header.strip().splitlines())
    return SeedText(
        title=fields["title"].strip(),
        summary=fields["summary"].strip(),
        body=body.strip() + "\n",
        order=int(fields["order"]),
    )


def seed_pages() -> dict[str, dict[str, SeedText]]:
    """{slug: {"en": SeedText, "es": SeedText}} for every page in this folder."""
    pages: dict[str, dict[str, SeedText]] = {}
    for path in sorted(SEED_DIR.glob("*.md")):
        slug, language, _ = path.name.rsplit(".", 2)
        if language in LANGUAGES:
            pages.setdefault(slug, {})[language] = read_seed_file(path)
    return pages


def load_seed_pages(apps: Any, *, reason: str, slugs: Iterable[str] | None = None) -> None:
    """Create the seed pages (all, or those named) that do not exist yet, each with a history row.

    Pages that already exist (same slug) are left alone, so editors' changes are never
    overwritten. ``apps`` is a migration's app registry, so this runs with historical models.
    """
    page_model = apps.get_model("guide", "GuidePage")
    history_model = apps.get_model("guide", "HistoricalGuidePage")
    wanted = set(slugs) if slugs is not None else None
    for slug, texts in seed_pages().items():
        if wanted is not None and slug not in wanted:
            continue
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
            history_change_reason=reason,
            **values,
        )
