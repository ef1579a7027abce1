"""The offense catalog, the citation parser and the offense search.

The catalog itself is data (``data/offenses.json``) so a lawyer can review every flag beside its
citation in a diff; this module only loads, indexes and queries it. Pure Python, stdlib only: the
rules engine and the bulk screener import it without Django.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

DATA_FILE = Path(__file__).with_name("data") / "offenses.json"

LEVELS = frozenset({"felony", "misdemeanor", "infraction"})

# Every boolean flag of an Offense. In the data file a flag is True exactly when it appears in the
# entry's "flags" object, and its value there is the citation that makes it True.
FLAG_NAMES: tuple[str, ...] = (
    "wobbler",
    "wobblette",
    "straight_felony_before_prop_64",
    "excluded_1203_4b",
    "excluded_1203_4b_felony_only",
    "vc_42002_1",
    "vc_42001_infraction",
    "excluded_1203_4a",
    "discretionary_vc_12810",
    "serious_1192_7c",
    "violent_667_5c",
    "registrable_290",
    "excluded_cert_rehab",
    "degree_needed",
    "prop_47",
    "prop_64",
)

CODE_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "PC": "Penal Code",
        "VC": "Vehicle Code",
        "HS": "Health and Safety Code",
        "BP": "Business and Professions Code",
        "WI": "Welfare and Institutions Code",
    }
)


@dataclass(frozen=True, slots=True)
class Offense:
    code: str
    section: str
    title_en: str
    title_es: str
    levels: frozenset[str]
    wobbler: bool = False
    wobblette: bool = False
    straight_felony_before_prop_64: bool = False
    excluded_1203_4b: bool = False
    excluded_1203_4b_felony_only: bool = False
    vc_42002_1: bool = False
    vc_42001_infraction: bool = False
    excluded_1203_4a: bool = False
    discretionary_vc_12810: bool = False
    serious_1192_7c: bool = False
    violent_667_5c: bool = False
    registrable_290: bool = False
    excluded_cert_rehab: bool = False
    # The section alone does not say the degree (bare PC 459): the interview should ask for it.
    degree_needed: bool = False
    prop_47: bool = False
    prop_64: bool = False
    # Flag name -> citation, for every flag that is True. Not part of equality or the hash: it is
    # commentary on the flags, which already are.
    citations: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    # Empty when the entry is certain; otherwise what a lawyer should check. Shown to staff as a
    # stated assumption whenever a determination relies on this entry.
    verify: str = field(default="", compare=False, repr=False)

    @property
    def citation(self) -> str:
        """Display form, e.g. "PC 245(a)(1)"."""
        return f"{self.code} {self.section}"


@dataclass(frozen=True, slots=True)
class ParsedCitation:
    code: str
    section: str
    attempt: bool

    def __str__(self) -> str:
        return format_citation(self)


# --- Loading ------------------------------------------------------------------------------------


def _offense_from_record(record: Mapping[str, object]) -> Offense:
    flags = record.get("flags") or {}
    if not isinstance(flags, dict):
        raise ValueError(f"{record.get('code')} {record.get('section')}: flags must be an object")
    unknown = set(flags) - set(FLAG_NAMES)
    if unknown:
        raise ValueError(f"{record['code']} {record['section']}: unknown flags {sorted(unknown)}")
    for name, cite in flags.items():
        if not isinstance(cite, str) or not cite.strip():
            raise ValueError(f"{record['code']} {record['section']}: flag {name} has no citation")
    raw_levels = record["levels"]
    if not isinstance(raw_levels, list):
        raise ValueError(f"{record['code']} {record['section']}: levels must be a list")
    levels = frozenset(raw_levels)
    if not levels or not levels <= LEVELS:
        raise ValueError(f"{record['code']} {record['section']}: bad levels {sorted(levels)}")
    section = normalize_section(str(record["section"]))
    if section is None or section != record["section"]:
        raise ValueError(f"{record['code']} {record['section']}: section is not normalized")
    return Offense(
        code=str(record["code"]),
        section=section,
        title_en=str(record["title_en"]),
        title_es=str(record["title_es"]),
        levels=levels,
        citations=MappingProxyType(dict(flags)),
        verify=str(record.get("verify", "")),
        **{name: name in flags for name in FLAG_NAMES},
    )


@functools.cache
def catalog() -> tuple[Offense, ...]:
    """Every catalog entry, in file order. Loaded once per process."""
    records = json.loads(DATA_FILE.read_text(encoding="utf-8"))["offenses"]
    return tuple(_offense_from_record(record) for record in records)


def verify_note(offense: Offense) -> str:
    """The catalog's open question about an entry, as the engine states it among assumptions.
    It is data for clinic staff and lawyers, in English, not a sentence for petitioners."""
    return f"{offense.code} {offense.section}: {offense.verify}"


@functools.cache
def verify_notes() -> frozenset[str]:
    return frozenset(verify_note(offense) for offense in catalog() if offense.verify)


@functools.cache
def _index() -> Mapping[tuple[str, str], Offense]:
    index: dict[tuple[str, str], Offense] = {}
    for offense in catalog():
        key = (offense.code, offense.section)
        if key in index:
            raise ValueError(f"duplicate catalog entry {offense.code} {offense.section}")
        index[key] = offense
    return MappingProxyType(index)


# --- Lookup -------------------------------------------------------------------------------------


def _parents(section: str) -> list[str]:
    """ "288(c)(1)" -> ["288(c)(1)", "288(c)", "288"]. Only parenthesised subdivisions are
    stripped: "11351.5" and "288a" are sections of their own, not subdivisions of 11351 or 288."""
    chain = [section]
    while chain[-1].endswith(")"):
        chain.append(chain[-1][: chain[-1].rindex("(")])
    return chain


@functools.lru_cache(maxsize=1 << 16)
def lookup(code: str, section: str) -> Offense | None:
    """The catalog entry for a count: the exact section if listed, else its nearest listed parent
    (a statute that lists a section covers its subdivisions). None when nothing matches.

    Cached because the bulk screener calls it for every count it reads."""
    index = _index()
    code_key = code.strip().upper()
    hit = index.get((code_key, section))
    if hit is not None:
        return hit
    normalized = normalize_section(section)
    if normalized is None:
        return None
    for candidate in _parents(normalized):
        hit = index.get((code_key, candidate))
        if hit is not None:
            return hit
    return None


# --- Parsing ------------------------------------------------------------------------------------

# What people type for each code, with everything but letters removed ("Pen. Code §" -> "pencode").
_CODE_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(("pc", "pen", "penal", "pencode", "penalcode", "cpc", "calpc"), "PC"),
        **dict.fromkeys(("vc", "veh", "vehicle", "vehcode", "vehiclecode", "cvc"), "VC"),
        **dict.fromkeys(
            (
                "hs",
                "hsc",
                "hands",
                "handsc",
                "healthsafety",
                "healthandsafety",
                "healthsafetycode",
                "healthandsafetycode",
                "healthsaf",
                "healthandsaf",
                "healthsafcode",
                "healthandsafcode",
            ),
            "HS",
        ),
        **dict.fromkeys(
            (
                "bp",
                "bpc",
                "bandp",
                "bandpc",
                "busprof",
                "busprofcode",
                "busandprofcode",
                "businessprofessionscode",
                "businessandprofessionscode",
            ),
            "BP",
        ),
        **dict.fromkeys(
            (
                "wi",
                "wic",
                "wandi",
                "wandic",
                "welfinst",
                "welfinstcode",
                "welfandinstcode",
                "welfareinstitutionscode",
                "welfareandinstitutionscode",
            ),
            "WI",
        ),
    }
)

# Words that may surround a section number without changing what it means.
_FILLER = re.compile(r"§|\b(?:sections?|secs?|sect|no|number|code)\b\.?|\bof\b|\bthe\b", re.ASCII)

# A section: 1-5 digits not starting with 0, an optional letter (288a, 476a), an optional decimal
# part (11351.5, 1203.4a); then parenthesised subdivisions, "(a)(1)", "(A)", with spaces allowed.
_SECTION = r"[1-9]\d{0,4}[a-z]?(?:\.\d{1,3}[a-z]?)?(?:\s*\(\s*[a-z0-9]{1,4}\s*\))*"
_SECTION_RE = re.compile(r"(?P<base>[1-9]\d{0,4}[a-z]?(?:\.\d{1,3}[a-z]?)?)(?P<subs>.*)", re.ASCII)
_SUB_RE = re.compile(r"\(\s*([a-z0-9]{1,4})\s*\)", re.ASCII)
# PC 664 (attempt) written before the attempted section: "664/211", "664-211", "664 / 211".
_CITATION_RE = re.compile(
    rf"(?P<pre>[a-z.&\s]*?)\s*(?P<attempt>664\s*[/-]\s*)?(?P<section>{_SECTION})\s*(?P<post>[a-z.&\s]*)",
    re.ASCII,
)


def normalize_section(text: object) -> str | None:
    """ "245 (A)(1)" -> "245(a)(1)"; None when the text is not a section number."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    compact = text.strip().lower()
    match = _SECTION_RE.fullmatch(compact)
    if match is None:
        return None
    subs_text = match["subs"]
    subs = _SUB_RE.findall(subs_text)
    if _SUB_RE.sub("", subs_text).strip():
        return None
    return match["base"] + "".join(f"({sub})" for sub in subs)


def _code_from_words(words: str) -> str | None:
    """The code named by the words around a section, "" when there are none."""
    letters = re.sub(r"[^a-z]", "", _FILLER.sub(" ", words))
    # "Cal. Penal Code", "California Vehicle Code": the state adds nothing.
    for state in ("california", "cal"):
        if letters.startswith(state) and letters[len(state) :] in _CODE_ALIASES:
            letters = letters[len(state) :]
            break
    if not letters:
        return ""
    return _CODE_ALIASES.get(letters)


def parse_citation(text: object) -> ParsedCitation | None:
    """Normalize what people type: "Pen. Code § 459", "459 PC", "pc459", "664/211", "H&S 11350".

    A bare number is a Penal Code section. Returns None, never raises, for anything else."""
    if not isinstance(text, str) or len(text) > 120:
        return None
    # Fold to ASCII: accents and full-width digits become plain; "§" is only filler, so losing it
    # is correct.
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = folded.lower().replace(",", " ").strip()
    match = _CITATION_RE.fullmatch(folded)
    if match is None:
        return None
    pre = _code_from_words(match["pre"])
    post = _code_from_words(match["post"])
    if pre is None or post is None or (pre and post and pre != post):
        return None
    section = normalize_section(match["section"])
    if section is None:
        return None
    return ParsedCitation(code=pre or post or "PC", section=section, attempt=bool(match["attempt"]))


def format_citation(parsed: ParsedCitation) -> str:
    """Canonical display form: "PC 664/211", "VC 23152(b)"."""
    attempt = "664/" if parsed.attempt else ""
    return f"{parsed.code} {attempt}{parsed.section}"
