"""What a person types for an offense ("petty theft", "DUI", "PC 484/488", "11350 HS"), resolved
to offense catalog entries.

No match means the person is asked for the code section; one match is the count; several mean the
person picks one (a bare "459" or "burglary" asks the degree: PC 460 divides burglary into two).
The names people use are data (``data/offense_names.json``), reviewed beside the catalog. Pure
Python, stdlib only.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from . import offenses

DATA_FILE = Path(__file__).with_name("data") / "offense_names.json"
MAX_CHOICES = 8


@dataclass(frozen=True, slots=True)
class OffenseMatch:
    """One reading of what the person typed. The titles are empty for a section the catalog
    does not list (the person typed a code section: it is taken as written)."""

    code: str
    section: str
    attempt: bool
    title_en: str
    title_es: str

    @property
    def citation(self) -> str:
        """ "PC 460(b)", "PC 664/211": the value a choice carries through the form."""
        return offenses.format_citation(
            offenses.ParsedCitation(code=self.code, section=self.section, attempt=self.attempt)
        )

    def title(self, language: str) -> str:
        return self.title_es if language == "es" else self.title_en


@dataclass(frozen=True, slots=True)
class Resolution:
    """``matches``: () nothing fits, one: this is it, several: the person picks one.
    ``unsure``: what to record when the person does not know which (None: they must pick)."""

    matches: tuple[OffenseMatch, ...]
    unsure: OffenseMatch | None = None


NOTHING = Resolution(matches=())


def _key(text: str) -> str:
    """Lower case, no accents, single spaces; citations in their canonical form."""
    parts = [offenses.parse_citation(part) for part in text.split("/")]
    cited = [part for part in parts if part is not None]
    if len(cited) == len(parts) > 1:
        # "PC 484/488", "484/488 PC", "Penal Code 484(a)/488": one code for the whole pair (a
        # bare number reads as the Penal Code, so any other code named wins).
        code = next((part.code for part in cited if part.code != "PC"), "PC")
        return "/".join(f"{code} {part.section}" for part in cited)
    if len(cited) == len(parts) == 1:
        return str(cited[0])
    return " ".join(_WORD_RE.findall(fold(text)))


def _match(citation: str) -> OffenseMatch:
    parsed = offenses.parse_citation(citation)
    if parsed is None:
        raise ValueError(f"{DATA_FILE.name}: {citation!r} is not a citation")
    entry = offenses.lookup(parsed.code, parsed.section)
    return OffenseMatch(
        code=parsed.code,
        section=parsed.section,
        attempt=parsed.attempt,
        title_en=entry.title_en if entry else "",
        title_es=entry.title_es if entry else "",
    )


def _catalog_match(entry: offenses.Offense) -> OffenseMatch:
    return OffenseMatch(entry.code, entry.section, False, entry.title_en, entry.title_es)


@functools.cache
def _names() -> Mapping[str, Resolution]:
    records = json.loads(DATA_FILE.read_text(encoding="utf-8"))["names"]
    table: dict[str, Resolution] = {}
    for record in records:
        resolution = Resolution(
            matches=tuple(_match(citation) for citation in record["offenses"]),
            unsure=_match(record["unsure"]) if record.get("unsure") else None,
        )
        for name in record["names"]:
            key = _key(name)
            if key in table:
                raise ValueError(f"{DATA_FILE.name}: {name!r} is listed twice")
            table[key] = resolution
    return MappingProxyType(table)


def resolve(text: object, *, language: str = "en") -> Resolution:
    """The catalog entries ``text`` can mean, best first."""
    if not isinstance(text, str) or not text.strip() or len(text) > 120:
        return NOTHING
    named = _names().get(_key(text))
    if named is not None:
        return named
    parsed = offenses.parse_citation(text)
    if parsed is not None:
        entry = offenses.lookup(parsed.code, parsed.section)
        # A section as typed is kept, more precise than the listed parent that gives its title.
        return Resolution(
            matches=(
                OffenseMatch(
                    parsed.code,
                    parsed.section,
                    parsed.attempt,
                    entry.title_en if entry else "",
                    entry.title_es if entry else "",
                ),
            )
        )
    found = _search_titles(text, language=language)
    # A section that itself needs a choice (PC 459: which degree?) is offered as its choices.
    return Resolution(
        matches=tuple(_catalog_match(entry) for entry in found if not _needs_choice(entry))
    )


def _needs_choice(entry: offenses.Offense) -> bool:
    named = _names().get(entry.citation)
    return named is not None and len(named.matches) > 1


# --- Words of the catalog's titles ---------------------------------------------------------------

_WORD_RE = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower case without accents, so "robo", "Robó" and "ROBO" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.cache
def _title_words() -> tuple[tuple[offenses.Offense, frozenset[str], frozenset[str]], ...]:
    return tuple(
        (
            offense,
            frozenset(_WORD_RE.findall(fold(offense.title_en))),
            frozenset(_WORD_RE.findall(fold(offense.title_es))),
        )
        for offense in offenses.catalog()
    )


def _words_match(query_words: list[str], title_words: frozenset[str]) -> int:
    """How well the title matches: 0 unless every query word starts some title word; more for
    whole-word matches."""
    score = 0
    for word in query_words:
        if word in title_words:
            score += 2
        elif any(title_word.startswith(word) for title_word in title_words):
            score += 1
        else:
            return 0
    return score


def _search_titles(query: str, *, language: str) -> list[offenses.Offense]:
    """Catalog entries whose title (English or Spanish, accents ignored) has every word typed,
    best first."""
    query_words = _WORD_RE.findall(fold(query))[:8]
    if not query_words:
        return []
    scored: list[tuple[int, int, int, offenses.Offense]] = []
    for position, (offense, words_en, words_es) in enumerate(_title_words()):
        first, second = (words_es, words_en) if language == "es" else (words_en, words_es)
        # The reader's language ranks first; the other still finds what a bilingual person types.
        score = max(_words_match(query_words, first) * 2, _words_match(query_words, second))
        if score:
            # Among equal scores the shorter title is the closer match.
            scored.append((-score, len(first), position, offense))
    scored.sort(key=lambda item: item[:3])
    return [item[3] for item in scored[:MAX_CHOICES]]
