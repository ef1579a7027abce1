"""No template shows a person words that bypass the translation machinery.

Every template of ours (the project's templates/ folder and our apps' own template folders) is cut
into tokens with Django's Lexer; letters left outside {% translate %} / {% blocktranslate %}, or
in a user-facing attribute, are reported. See template_text.py for how.
"""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from .template_text import has_words, scan, untranslated_text

ROOT = Path(settings.BASE_DIR)
OUR_APPS = ("expunge_portal.", "eligibility", "forms_filler")
TEMPLATE_SUFFIXES = {".html", ".txt"}

# Court paper: the CR-180 petition, the CR-181 order and the attachments filed with them stay in
# English, as California courts require. The cover and "no petition" pages of the same packet are
# for the person, so they are translated and checked.
COURT_PAPER = {
    "templates/forms_filler/pdf/cr180.html",
    "templates/forms_filler/pdf/cr181.html",
    "templates/forms_filler/pdf/attachment_declaration.html",
    "templates/forms_filler/pdf/attachment_offenses.html",
    "templates/forms_filler/pdf/_caption_attorney.html",
    "templates/forms_filler/pdf/_offense_head.html",
    "templates/forms_filler/pdf/_offense_row.html",
    "templates/forms_filler/pdf/_caption_parties.html",
    "templates/forms_filler/pdf/_caption_short.html",
    "templates/forms_filler/pdf/_short_title.html",
    "templates/forms_filler/pdf/_signature.html",
    "templates/forms_filler/pdf/_statement.html",
}

# Words that are the same in every language, each for a reason.
ALLOWED_WORDS = (
    "Expunge Portal",  # the brand
    "English",  # each language's own name, on the button that switches to it
    "Español",
    "SHA-256",  # names the checksum algorithm in a tooltip; it has no translation
    "PC",  # the Penal Code citation prefix on the staff review page ("PC 1203.4")
)


def our_template_dirs() -> list[Path]:
    dirs = [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    for config in apps.get_app_configs():
        if config.name.startswith(OUR_APPS) and (Path(config.path) / "templates").is_dir():
            dirs.append(Path(config.path) / "templates")
    return dirs


def our_templates() -> list[Path]:
    return sorted(
        path
        for directory in our_template_dirs()
        for path in directory.rglob("*")
        if path.is_file() and path.suffix in TEMPLATE_SUFFIXES
    )


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_templates_are_found():
    names = {relative(path) for path in our_templates()}
    assert "templates/base.html" in names
    assert "templates/emails/packet_notice_body.txt" in names


def test_no_template_holds_untranslated_text():
    paths = [path for path in our_templates() if relative(path) not in COURT_PAPER]
    findings = scan(paths, ROOT, ALLOWED_WORDS)
    assert not findings, (
        "user-facing text outside {% translate %}/{% blocktranslate %} (wrap it, then run "
        "`make messages` and translate it; see docs/translation.md):\n"
        + "\n".join(str(finding) for finding in findings)
    )


def test_the_court_paper_list_names_real_files():
    names = {relative(path) for path in our_templates()}
    assert names >= COURT_PAPER, COURT_PAPER - names


@pytest.mark.parametrize("name", sorted(COURT_PAPER))
def test_court_forms_stay_in_english(name):
    """The courts take these forms in English; a translate tag here would put Spanish on them."""
    source = (ROOT / name).read_text(encoding="utf-8")
    assert not re.search(r"{%\s*(translate|trans|blocktranslate|blocktrans)\b", source), name


# The checker itself: it must catch what it claims to catch.


def test_checker_flags_bare_text_and_accepts_translated_text():
    source = """{% load i18n %}<h1>Hello there</h1>
<p>{% translate "Already translated" %}</p>
<p>{% blocktranslate with n=count %}{{ n }} things{% endblocktranslate %}</p>"""
    assert untranslated_text(source) == [(1, "Hello there")]


def test_checker_flags_user_facing_attributes():
    source = """<img src="x.png" alt="A photo of the court">
<nav aria-label="{% translate 'Main' %}"></nav>
<input placeholder='Your name' class="wide words here">"""
    found = untranslated_text(source)
    assert (1, 'alt="A photo of the court"') in found
    assert any(line == 3 and "Your name" in text for line, text in found)
    assert not any("Main" in text for _, text in found)
    assert not any("wide" in text for _, text in found)


def test_checker_ignores_comments_scripts_styles_and_css_class_blocks():
    source = """{# An English note for developers #}
{% comment %}Longer English note{% endcomment %}
<!-- an HTML comment -->
<script>var words = "not shown";</script>
<style>.a { font-family: serif; }</style>
{% block body_class %}attachment{% endblock %}
{{ variable }} {% url 'site:home' %} 12/31 · — ·"""
    assert untranslated_text(source) == []


def test_checker_allows_only_whole_allowed_words():
    assert has_words("Expunge Portal · PC 1203.4", ALLOWED_WORDS) == ""
    assert has_words("PCs are computers", ALLOWED_WORDS) == "PCs are computers"
