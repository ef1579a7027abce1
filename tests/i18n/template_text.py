"""Find user-facing text in Django templates that is outside the translation machinery.

A template is cut into tokens with Django's own Lexer. Text tokens are kept, every tag or
variable becomes a neutral marker, and whatever sits inside {% blocktranslate %}, {% comment %}
or a {# #} comment is dropped. What is left is the HTML a translator never sees; any letters in it
(outside tags, <script>, <style> and HTML comments), or in a user-facing attribute (alt, title,
aria-label, placeholder), are reported.
"""

import html
import re
from dataclasses import dataclass
from pathlib import Path

from django.template.base import Lexer, TokenType

MARK = "\x00"  # stands for a tag or variable: never a letter, so never reported

# Tags whose content is either translated already or never shown.
_SKIPPED_BLOCKS = {
    "blocktranslate": "endblocktranslate",
    "blocktrans": "endblocktrans",
    "comment": "endcomment",
}
_USER_FACING_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
_ATTRIBUTE = re.compile(
    r"\b(?P<name>"
    + "|".join(_USER_FACING_ATTRIBUTES)
    + r""")\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')"""
)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>", re.DOTALL)
_DOCTYPE = re.compile(r"<!doctype[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def skeleton(source: str) -> str:
    """The template's literal text, tags and variables replaced by MARK, with translated blocks
    and comments removed. Newlines are kept so line numbers still match the source."""
    parts: list[str] = []
    closing: str | None = None
    for token in Lexer(source).tokenize():
        if closing is not None:
            if token.token_type == TokenType.BLOCK and token.contents.split()[0] == closing:
                closing = None
            parts.append("\n" * token.contents.count("\n") + MARK)
            continue
        if token.token_type == TokenType.TEXT:
            parts.append(token.contents)
            continue
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents.split() else ""
            closing = _SKIPPED_BLOCKS.get(name)
            if name == "block" and token.contents.split()[-1].endswith("class"):
                closing = "endblock"  # {% block body_class %}: a CSS class, not prose
        parts.append("\n" * token.contents.count("\n") + MARK)
    return "".join(parts)


def _blank(match: re.Match[str]) -> str:
    """Replace a span with as many newlines as it held, keeping line numbers right."""
    return "\n" * match.group(0).count("\n") + " "


def has_words(text: str, allowed: tuple[str, ...] = ()) -> str:
    """The words in `text` a person would read, after removing markers, entities and allowed
    phrases; an empty string when there are none."""
    text = html.unescape(text.replace(MARK, " "))
    for phrase in allowed:
        text = re.sub(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", " ", text)
    return " ".join(re.findall(r"[^\W\d_]{2,}", text))


def untranslated_text(source: str, allowed: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    """(line, text) for each run of readable words outside the translation machinery."""
    text = skeleton(source)
    text = _HTML_COMMENT.sub(_blank, text)
    text = _SCRIPT_OR_STYLE.sub(_blank, text)
    text = _DOCTYPE.sub(_blank, text)
    found: list[tuple[int, str]] = []
    for tag in _TAG.finditer(text):
        for attribute in _ATTRIBUTE.finditer(tag.group(0)):
            value = attribute.group("dq")
            if value is None:
                value = attribute.group("sq")
            if has_words(value, allowed):
                line = text.count("\n", 0, tag.start() + attribute.start()) + 1
                found.append((line, f'{attribute.group("name")}="{value.replace(MARK, "…")}"'))
    outside_tags = _TAG.sub(_blank, text)
    for number, line in enumerate(outside_tags.split("\n"), start=1):
        words = has_words(line, allowed)
        if words:
            shown = line.strip(MARK + " \t").replace(MARK, "…")
            found.append((number, " ".join(shown.split())))
    return found


def scan(paths: list[Path], root: Path, allowed: tuple[str, ...] = ()) -> list[Finding]:
    findings = []
    for path in paths:
        source = path.read_text(encoding="utf-8")
        for line, text in untranslated_text(source, allowed):
            findings.append(Finding(str(path.relative_to(root)), line, text))
    return findings
