"""The guide's first pages, as Markdown files: <slug>.en.md and <slug>.es.md.

Each file starts with a small header between "---" lines (title, summary, order), then the body.
Migration 0003 loads them; the reading-level tests read the same files. Editors change the pages
in the admin afterwards: these files are the starting text, not the live one.
"""

from dataclasses import dataclass
from pathlib import Path

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
