"""Plain-data packets for the renderer tests, and helpers that read a PDF back."""

import functools
import re
from datetime import date
from io import BytesIO
from typing import Any

import pypdf

from forms_filler.render import CaseInput, CountInput, CountyNotes, PacketInput, Petitioner

AS_OF = date(2025, 6, 15)
CHECKED, EMPTY = "☒", "☐"

# CR-180 (Rev. January 1, 2024): the words right after each box, as the official form has them.
CR180_BOX_LABELS = {
    "2": "Felony or misdemeanor with probation granted",
    "2a": "has fulfilled the conditions of probation for the entire period thereof.",
    "2b": "has been discharged from probation prior to the termination",
    "2c": "should be granted relief in the interests of justice. (Please note: You may explain why "
    "granting a dismissal would be in the interests of justice. You can provide that information "
    "by writing in the space below, or",
    "3": "Misdemeanor or infraction with sentence other than probation",
    "3a": "has lived an honest and upright life since pronouncement of judgment",
    "3b": "should be granted relief in the interests of justice. (Please note: You may explain why "
    "granting a dismissal would be in the interests of justice. You can provide that information "
    "by writing in the space below or",
    "4": "Misdemeanor conviction under Penal Code section 647(b)",
    "5": "Felony county jail sentence under Penal Code section 1170(h)(5) or felony state prison",
    "5a": "more than one year has elapsed since petitioner completed the felony county jail",
    "5b": "more than two years have elapsed since petitioner completed the felony county jail",
    "5c": "more than two years have elapsed since petitioner completed the felony state prison",
    "6": "Felony prison sentence that would have been eligible for a felony county jail sentence",
    "7": "Deferred entry of judgment",
}
REMEDY_FOR_ITEM = {"2": "1203.4", "3": "1203.4a", "4": "1203.49", "5": "1203.41", "6": "1203.42"}


# The petitioner as the build_packet command reads it (the JSON input's "petitioner").
PETITIONER_JSON = {
    "name": "Ana Ruiz",
    "street": "1 A Street",
    "city": "Sacramento",
    "state": "CA",
    "zip": "95814",
    "phone": "(916) 555-0100",
    "email": "ana@example.org",
}


def petitioner(**overrides: str) -> Petitioner:
    values = {
        "name": "Ana María Ruiz",
        "street": "1200 J Street, Apt. 4",
        "city": "Sacramento",
        "state": "CA",
        "zip": "95814",
        "phone": "(916) 555-0100",
        "email": "ana@example.org",
        **overrides,
    }
    return Petitioner(**values)


def count(
    section: str = "487(a)", level: str = "felony", *, code: str = "PC", **overrides: Any
) -> CountInput:
    values = {"title": "Grand theft", "reduction_17b": False, **overrides}
    return CountInput(code=code, section=section, level=level, **values)


def determination(
    outcome: str = "eligible", form_item: str | None = "2a", **overrides: Any
) -> dict[str, Any]:
    remedy = REMEDY_FOR_ITEM.get((form_item or "")[:1]) if outcome != "not_eligible" else None
    return {
        "outcome": outcome,
        "remedy": remedy,
        "form_item": form_item,
        "eligible_on": "2024-03-02",
        "reduction_17b": False,
        "automatic_relief_possible": False,
        "counts": [],
        "alternatives": [],
        "reasons": [
            {"text": "Probation ended on 2024-03-01.", "citation": "Pen. Code § 1203.4(a)(1)"}
        ],
        "assumptions": [],
        **overrides,
    }


def case(
    *,
    case_number: str = "22FE012345",
    county: str = "Sacramento",
    counts: tuple[CountInput, ...] | None = None,
    **determination_overrides: Any,
) -> CaseInput:
    return CaseInput(
        county=county,
        case_number=case_number,
        judgment_date=date(2021, 3, 4),
        counts=counts if counts is not None else (count(),),
        determination=determination(**determination_overrides),
        county_notes=CountyNotes.for_unknown_county(county),
    )


def packet(
    *cases: CaseInput, declaration: str = "", language: str = "en", **person: str
) -> PacketInput:
    return PacketInput(
        petitioner=petitioner(**person),
        cases=cases or (case(),),
        declaration=declaration,
        language=language,  # type: ignore[arg-type]
        as_of=AS_OF,
    )


def normalized(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@functools.cache
def page_texts(pdf: bytes) -> tuple[str, ...]:
    """Each page's text with runs of whitespace made single spaces (lines wrap differently).

    Cached: pypdf takes about 0.1 s a page, and several tests read the same packet.
    """
    reader = pypdf.PdfReader(BytesIO(pdf))
    return tuple(normalized(page.extract_text()) for page in reader.pages)


def page_kind(text: str) -> str:
    """Which packet part a page belongs to, by words only that part carries."""
    markers = (
        ("declaration", "ATTACHED DECLARATION"),
        ("attachment", "ATTACHMENT 1"),
        ("cr181", "ORDER FOR DISMISSAL"),
        ("cr180", "PETITION FOR DISMISSAL"),
        ("not_eligible", "no petition for dismissal"),
        ("cover", "Your next steps:"),
    )
    for kind, marker in markers:
        if marker in text:
            return kind
    return "unknown"


def part_sequence(pdf: bytes) -> list[str]:
    """The packet's parts in order, one entry per part however many pages it has.

    Cover and not-eligible markers are headings on a part's first page only, so each one starts a
    part; a page with no marker continues the part before it.
    """
    sequence: list[str] = []
    for text in page_texts(pdf):
        kind = page_kind(text)
        if kind == "unknown":
            continue
        if not sequence or sequence[-1] != kind or kind in ("cover", "not_eligible"):
            sequence.append(kind)
    return sequence


def box_beside(text: str, label: str) -> str:
    """The checkbox glyph printed right before `label` ("" when there is none)."""
    match = re.search(r"([☒☐]) ?" + re.escape(label), text)
    return match.group(1) if match else ""
