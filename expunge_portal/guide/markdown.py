"""Markdown to safe HTML, for text that editors write in the admin.

The pipeline: Markdown (raw HTML passes through) → nh3 with a short allow-list → links to other
sites marked → nh3 again, so whatever the marking added is itself checked. Only http, https,
mailto and tel links survive; scripts, event handlers, style attributes, frames, images, SVG and
MathML are removed, and the text inside script, style, frames, SVG and MathML with them.
"""

import re
from functools import lru_cache
from html import unescape
from urllib.parse import urlsplit

import markdown
import nh3
from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

TAGS = frozenset(
    {
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "ul", "ol", "li", "a", "strong", "em", "b",
        "i", "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tfoot", "tr", "th",
        "td", "caption",
    }
)  # fmt: skip
# Removed with everything inside them, not only the tags.
DROP_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "frame", "frameset", "object", "embed", "noscript", "svg",
     "math", "template", "textarea", "select", "applet", "noembed", "noframes", "xmp"}
)  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"scope"}}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

EXTERNAL_CLASS = "external-link"
MARKER_CLASS = "external-marker"
# The second pass allows only what _mark_links adds (classes are listed apart, as nh3 wants).
_MARKED_ATTRIBUTES = {
    **ATTRIBUTES,
    "a": {"href", "title", "rel"},
    "span": set(),
    "div": set(),
}
_MARKED_CLASSES = {"a": {EXTERNAL_CLASS}, "span": {MARKER_CLASS}, "div": {"table-scroll"}}
# nh3 writes every attribute as name="value" with quotes escaped inside values, so this matches
# whole opening tags of its output exactly.
_A_TAG = re.compile(r'<a((?:\s+[a-z-]+="[^"]*")*)\s*>(.*?)</a>', re.DOTALL)
_HREF = re.compile(r'\shref="([^"]*)"')


_URL_NOISE = re.compile(r"[\s\x00-\x1f\x7f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def _safe_href(tag: str, attribute: str, value: str) -> str | None:
    """nh3 already drops unknown schemes; this also drops hrefs that only look relative once
    blanks are taken out ("java script:"), which browsers or Markdown could turn into a scheme."""
    if attribute != "href":
        return value
    squeezed = _URL_NOISE.sub("", value).lower()
    scheme = _SCHEME.match(squeezed)
    if scheme and scheme.group(1) not in URL_SCHEMES:
        return None
    if "script:" in squeezed or squeezed.startswith("data:"):
        return None
    return value


def _our_hosts() -> frozenset[str]:
    hosts = {h.lower() for h in settings.ALLOWED_HOSTS if h and not h.startswith(".") and h != "*"}
    site_host = urlsplit(settings.SITE_URL).hostname
    if site_host:
        hosts.add(site_host.lower())
    return frozenset(hosts)


def _is_external(href: str, our_hosts: frozenset[str]) -> bool:
    # Browsers read "//host" and "\\host" as "another host, same scheme".
    parts = urlsplit(href.replace("&amp;", "&").strip().replace("\\", "/"))
    protocol_relative = not parts.scheme and bool(parts.netloc)
    if parts.scheme.lower() not in {"http", "https"} and not protocol_relative:
        return False
    return (parts.hostname or "").lower() not in our_hosts


def _mark_links(html: str, marker: str, language: str, our_hosts: frozenset[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        attributes, inner = match.group(1), match.group(2)
        href = _HREF.search(attributes)
        if not href or not _is_external(href.group(1), our_hosts):
            return match.group(0)
        return (
            f'<a{attributes} class="{EXTERNAL_CLASS}" rel="noopener noreferrer nofollow">'
            f'{inner}<span class="{MARKER_CLASS}" lang="{escape(language)}">'
            f" ({escape(marker)})</span></a>"
        )

    return _A_TAG.sub(replace, html)


def _clean(
    html: str,
    *,
    attributes: dict[str, set[str]],
    classes: dict[str, set[str]],
    values: dict[str, dict[str, set[str]]] | None = None,
) -> str:
    return nh3.clean(
        html,
        tags=set(TAGS) | set(attributes),
        clean_content_tags=set(DROP_WITH_CONTENT),
        attributes=attributes,
        allowed_classes=classes,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
        attribute_filter=_safe_href,
        tag_attribute_values=values or {},
    )


@lru_cache(maxsize=512)
def _render(text: str, marker: str, language: str, our_hosts: frozenset[str]) -> str:
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    html = _clean(html, attributes=ATTRIBUTES, classes={})
    html = _mark_links(html, marker, language, our_hosts)
    html = html.replace("<table>", '<div class="table-scroll"><table>').replace(
        "</table>", "</table></div>"
    )
    marker_language = {"span": {"lang": {code for code, _ in settings.LANGUAGES}}}
    return _clean(
        html, attributes=_MARKED_ATTRIBUTES, classes=_MARKED_CLASSES, values=marker_language
    )


def render_markdown(text: str) -> SafeString:
    """Editor-written Markdown as HTML that is safe to put in a page.

    Links to other sites get rel="noopener noreferrer nofollow", the class "external-link" and a
    visible "(external link)" in the active language (marked with its lang, as the text around
    it may be an English fallback).
    """
    if not text:
        return mark_safe("")
    marker = gettext("external link")
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return mark_safe(_render(text, marker, language, _our_hosts()))  # noqa: S308 - sanitized by nh3


def plain_text(text: str) -> str:
    """Editor-written text with every tag removed, for places that print text, not HTML (the
    packet's cover and court boxes). Scripts, styles and the like go with their content; the
    entities nh3 writes are turned back into characters, since the caller escapes once more."""
    cleaned = nh3.clean(
        text, tags=set(), clean_content_tags=set(DROP_WITH_CONTENT), strip_comments=True
    )
    return unescape(cleaned).strip()
