"""Hostile strings for every free-text field, and checks that a page shows them only as text."""

import re

from django.utils.html import escape

PAYLOADS: dict[str, str] = {
    "script": "<script>alert(1)</script>",
    "attribute": '"><img src=x onerror=alert(1)>',
    "js-url": "javascript:alert(1)",
    "template-var": "{{7*7}}",
    "template-tag": "{% debug %}",
    "sql": "'; DROP TABLE eligibility_case; --",
    "rtl-override": "Ana \u202eRuiz",
    "long": "A" * 10_000,
    "nul": "Ana\x00Ruiz",
    "emoji": "Rosa 🌹 Díaz 👩🏽‍⚖️",
}

# Markup that must never reach a page unescaped, whatever field it came through.
LIVE_MARKUP = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{% debug %}</")


def assert_inert(html: str, payload: str) -> None:
    """The payload is nowhere in the page as markup; where it is shown, it is escaped text."""
    for markup in LIVE_MARKUP:
        if markup in payload:
            assert markup not in html, f"unescaped markup in the page: {markup}"
    assert 'href="javascript:' not in html
    # {% debug %} would dump the template context (settings, the request) if ever evaluated.
    assert "sql_queries" not in html
    assert "&#x27;DJANGO_SETTINGS_MODULE" not in html


def shown_escaped(html: str, payload: str) -> bool:
    return escape(payload) in html or escape(payload).replace("&#x27;", "&#39;") in html


def error_beside(html: str, field_id: str) -> bool:
    """An error message tied to the field (its <ul class="errorlist" id="..._error">)."""
    return bool(re.search(rf'id="{re.escape(field_id)}_error"', html))
