"""render_markdown: every payload of a small XSS corpus is removed; the harmless text stays."""

import re

import pytest
from django.test import override_settings
from django.utils import translation
from django.utils.safestring import SafeString

from expunge_portal.guide.markdown import render_markdown

# (Markdown or HTML an editor might paste, harmless text that must survive)
XSS_CORPUS = [
    ("<script>alert(1)</script>Before and after", "Before and after"),
    ("<SCRIPT SRC=https://evil.example/x.js></SCRIPT>kept", "kept"),
    ('<img src=x onerror="alert(1)">Picture text', "Picture text"),
    ('<p onclick="alert(1)" onmouseover="alert(2)">Click text</p>', "Click text"),
    ('<body onload="alert(1)">Body text', "Body text"),
    ('<a href="javascript:alert(1)">JS link</a>', "JS link"),
    ('<a href="JaVaScRiPt:alert(1)">Mixed case link</a>', "Mixed case link"),
    ('<a href="jav&#x61;script:alert(1)">Entity link</a>', "Entity link"),
    ('<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">Dec</a>', "Dec"),
    ('<a href=" javascript:alert(1)">Space link</a>', "Space link"),
    ('<a href="java\tscript:alert(1)">Tab link</a>', "Tab link"),
    ('<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Data link</a>', "Data"),
    ('<a href="DATA:text/html,<script>alert(1)</script>">Upper data</a>', "Upper data"),
    ("[Markdown JS](javascript:alert(1))", "Markdown JS"),
    ("[Markdown data](data:text/html,hi)", "Markdown data"),
    ("<javascript:alert(1)> autolink text", "autolink text"),
    ('<svg onload="alert(1)"><circle r="5"/></svg>Svg after', "Svg after"),
    ("<svg><script>alert(1)</script></svg>Svg script after", "Svg script after"),
    ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>Math after', "Math after"),
    ('<p style="background:url(javascript:alert(1))">Styled text</p>', "Styled text"),
    ("<style>body{display:none}</style>Style block after", "Style block after"),
    ('<iframe src="https://evil.example/"></iframe>Frame after', "Frame after"),
    ('<iframe srcdoc="<script>alert(1)</script>"></iframe>Frame doc after', "Frame doc after"),
    ('<object data="x.swf"></object><embed src="x.swf">Object after', "Object after"),
    ('<form action="https://evil.example"><input name="x"></form>Form after', "Form after"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">Meta after', "Meta after"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">Link after', "Link after"),
    ("<!-- <script>alert(1)</script> -->Comment after", "Comment after"),
    ('<div id="x" class="admin">Div text</div>', "Div text"),
    ("<base href=https://evil.example/>Base after", "Base after"),
]
FORBIDDEN = re.compile(
    r"<\s*(script|style|iframe|object|embed|svg|math|img|form|input|meta|link|base|body|div)\b"
    r"|\son\w+\s*="
    r"|javascript:|data:|style=|srcdoc|xlink"
    r"|alert\(",
    re.IGNORECASE,
)


@pytest.mark.parametrize(("payload", "harmless"), XSS_CORPUS)
def test_sanitizer_removes_payload_and_keeps_text(payload: str, harmless: str):
    html = str(render_markdown(payload))
    assert not FORBIDDEN.search(html), html
    assert harmless in html


def test_allowed_markup_survives():
    text = (
        "## Heading\n\nA **strong** and *em* word, `code`.\n\n- one\n- two\n\n1. first\n\n"
        "> quoted\n\n---\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n"
        '[Guide](/guide/ "Our guide") and [mail](mailto:help@example.org)'
    )
    html = str(render_markdown(text))
    for fragment in (
        "<h2>Heading</h2>",
        "<strong>strong</strong>",
        "<em>em</em>",
        "<code>code</code>",
        "<ul>",
        "<ol>",
        "<blockquote>",
        "<hr>",
        "<th>A</th>",
        '<a href="/guide/" title="Our guide">Guide</a>',
        '<a href="mailto:help@example.org">mail</a>',
    ):
        assert fragment in html


def test_returns_safe_string():
    assert isinstance(render_markdown("Hello"), SafeString)
    assert render_markdown("") == ""


@override_settings(SITE_URL="https://portal.example.org", ALLOWED_HOSTS=["portal.example.org"])
@translation.override("en")
def test_external_links_are_marked_and_internal_ones_are_not():
    html = str(
        render_markdown(
            "[Courts](https://selfhelp.courts.ca.gov/) [Ours](https://portal.example.org/guide/) "
            "[Relative](/guide/which-law-fits/)"
        )
    )
    external = re.search(r"<a [^>]*selfhelp[^>]*>.*?</a>", html).group(0)
    assert 'rel="noopener noreferrer nofollow"' in external
    assert 'class="external-link"' in external
    assert "(external link)" in external
    internal_links = re.findall(r'<a href="(?:https://portal.example.org)?/guide/[^<]*</a>', html)
    assert len(internal_links) == 2
    for internal in internal_links:
        assert "external" not in internal
        assert "rel=" not in internal


def test_editor_cannot_fake_the_external_marker_or_rel():
    html = str(
        render_markdown(
            '<a href="/x" class="external-link" rel="opener">x</a>'
            '<span class="external-marker">fake</span>'
        )
    )
    assert "external" not in html
    assert "opener" not in html
    assert "fake" in html
