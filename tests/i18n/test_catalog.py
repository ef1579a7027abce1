"""The Spanish catalog is complete, well-formed and current with the code.

"Complete": every entry has a Spanish text and none is fuzzy (a fuzzy entry is never used, so
the page would silently show English). "Well-formed": each translation keeps exactly the
placeholders of its English text. "Current": extracting the strings again from a copy of the
project finds nothing the committed catalog lacks.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from django.conf import settings

CATALOG = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"

# %(name)s / %(name)d from Python and {% blocktranslate %}, bare %s / %d, and {{ name }} in case
# a template placeholder ever reaches the catalog unconverted.
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{\{\s*[\w.]+\s*\}\}")

# What `make messages` ignores, plus folders that are not part of the product. The guide app has
# its own catalog (expunge_portal/guide/locale), so its Python strings never land in ours.
COPY_IGNORED = (
    ".git",
    ".venv",
    "var",
    "test-artifacts",
    "bench",
    "node_modules",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "*.mo",
    "*.pdf",
    "*.png",
    "*.ttf",
)


def load(path: Path = CATALOG) -> Catalog:
    with path.open("rb") as po_file:
        return read_po(po_file, locale="es")


def entries(catalog: Catalog) -> list:
    return [message for message in catalog if message.id]


def key(message) -> tuple[str | None, str]:
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    return message.context, msgid


def test_the_catalog_says_it_is_spanish_with_two_plural_forms():
    text = CATALOG.read_text(encoding="utf-8")
    assert '"Language: es\\n"' in text
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in text
    assert load().num_plurals == 2


def test_every_entry_is_translated():
    untranslated = []
    for message in entries(load()):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(s.strip() for s in strings):
            untranslated.append(key(message))
    assert not untranslated, f"{len(untranslated)} untranslated entries: {untranslated[:20]}"


def test_no_entry_is_fuzzy():
    catalog = load()
    fuzzy = [key(message) for message in entries(catalog) if message.fuzzy]
    assert not fuzzy, f"fuzzy entries (Django ignores them): {fuzzy[:20]}"
    assert not catalog.fuzzy, "the header is marked fuzzy"


def test_every_translation_keeps_the_placeholders_of_its_english():
    wrong = []
    for message in entries(load()):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for index, string in enumerate(strings):
            # Plural form n is compared with the singular for n == 0, the plural otherwise.
            source = ids[min(index, len(ids) - 1)]
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(string)):
                wrong.append((source, string))
    assert not wrong, "placeholders differ:\n" + "\n".join(f"{a!r} -> {b!r}" for a, b in wrong)


def test_python_format_entries_are_marked_so_msgfmt_checks_them():
    unmarked = [
        key(message)
        for message in entries(load())
        if "%(" in (message.id[0] if isinstance(message.id, tuple) else message.id)
        and "python-format" not in message.flags
    ]
    assert not unmarked, unmarked


def test_msgfmt_accepts_the_catalog():
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("GNU gettext's msgfmt is not installed")
    result = subprocess.run(  # noqa: S603 — fixed arguments, no shell
        [msgfmt, "--check", "--output-file=/dev/null", str(CATALOG)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def _copy_project(destination: Path) -> None:
    root = Path(settings.BASE_DIR)
    shutil.copytree(root, destination, ignore=shutil.ignore_patterns(*COPY_IGNORED), symlinks=True)


def test_the_catalog_holds_every_string_in_the_code(tmp_path):
    """Re-extract into a copy of the project (the working tree, so new uncommitted templates
    count too) and compare. Fails when someone adds {% translate "New text" %} or _("New text")
    without running `make messages` and translating the result."""
    if shutil.which("xgettext") is None:
        pytest.skip("GNU gettext's xgettext is not installed; makemessages needs it")
    copy = tmp_path / "project"
    _copy_project(copy)
    fresh_po = copy / "locale" / "es" / "LC_MESSAGES" / "django.po"
    fresh_po.unlink()  # extract from scratch: no msgmerge guesses carried over
    result = subprocess.run(  # our own interpreter and manage.py, no shell
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--locale",
            "es",
            "--no-obsolete",
            "--ignore",
            "test-artifacts",
            "--ignore",
            "var",
            "--ignore",
            ".venv",
            "--settings",
            "expunge_portal.settings.test",
        ],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    committed = {key(message) for message in entries(load())}
    missing = sorted(
        (key(message) for message in entries(load(fresh_po)) if key(message) not in committed),
        key=lambda item: item[1],
    )
    assert not missing, (
        "strings in the code but not in locale/es/LC_MESSAGES/django.po; run `make messages` "
        "and translate them (docs/translation.md):\n" + "\n".join(repr(m) for m in missing)
    )
