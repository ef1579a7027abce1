"""What goes into a packet, in which order, and the template context for each part.

A packet is a list of parts; each part is one template rendered to one HTML document, so that each
court form counts its own pages ("Page 2 of 3") the way the official form does.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _

from .inputs import CaseInput, CountInput, PacketInput

PartKind = Literal["cover", "cr180", "cr181", "declaration", "attachment", "not_eligible"]

# CR-180's item 1 table has five rows; more offenses continue on Attachment 1 (MC-025 style).
FORM_ROWS = 5
# A statement this short fits the writing space under the checked item (about eight lines there).
INLINE_STATEMENT_CHARS = 600
INLINE_STATEMENT_LINES = 6

# The CR-180 item each remedy is filed under, for when the engine names the remedy but not a box.
REMEDY_ITEM = {
    "1203.4": "2",
    "1203.4a": "3",
    "1203.49": "4",
    "1203.41": "5",
    "1203.42": "6",
    "1203.43": "7",
}
ALL_BOXES = ("2", "2a", "2b", "2c", "3", "3a", "3b", "4", "5", "5a", "5b", "5c", "6")
# Item 7 (deferred entry of judgment, PC 1203.43): the engine names item 7; the packet checks 7a
# ("court records are available showing the case resolution"), the usual case, and leaves 7b and
# its (1)/(2) for the person or staff when the court no longer has the records (the engine states
# this among the assumptions; docs/packets.md).
ITEM7_BOXES = ("7", "7a", "7b", "7b1", "7b2")
ITEM7_CHECKED = frozenset({"7", "7a"})
DASH = "\u2013"  # en dash, in titles
CHECKED = "☒"
EMPTY = "☐"
ORDER_SECTIONS = ("1203.4", "1203.4a", "1203.41", "1203.42", "1203.43", "1203.49")
EMPTY_ROW = dict.fromkeys(("code", "section", "level", "reduce_17b", "reduce_17d2"), "")
LANGUAGE_NAMES_EN = {"en": "English", "es": "Spanish"}
LEVELS_EN = {"felony": "Felony", "misdemeanor": "Misdemeanor", "infraction": "Infraction"}


@dataclass(frozen=True)
class Part:
    kind: PartKind
    template: str
    language: str  # court papers are English whatever the person's language
    context: dict[str, Any]


def checkbox_glyphs(*, form_item: str | None, remedy: str | None) -> dict[str, str]:
    """☒ for the engine's item and its parent item (e.g. 2 and 2a), ☐ for every other box."""
    item = form_item or ""
    parent = item[:1] or REMEDY_ITEM.get(remedy or "", "")
    checked = {box for box in (item, parent) if box}
    glyphs = {box: CHECKED if box in checked else EMPTY for box in ALL_BOXES}
    item7 = "7" in checked
    glyphs.update(
        {box: CHECKED if item7 and box in ITEM7_CHECKED else EMPTY for box in ITEM7_BOXES}
    )
    return glyphs


def statement_placement(
    *, case: CaseInput, declaration: str, language: str = "en"
) -> dict[str, Any]:
    """Where the interests-of-justice statement goes: inline, on a declaration, or nowhere.

    Only discretionary items take a statement (mandatory relief needs none). The declaration is
    attached whenever there is a statement, because packet.md asks for it and a statement under
    penalty of perjury carries weight; a short statement also appears in the item's writing space.
    """
    text = declaration.strip()
    if not text or not case.is_discretionary:
        return {
            "item": None,
            "text": "",
            "inline": False,
            "declaration": False,
            "not_english": False,
        }
    item = (case.form_item or "")[:1] or REMEDY_ITEM.get(case.determination.get("remedy") or "", "")
    not_english = language != "en"
    fits = len(text) <= INLINE_STATEMENT_CHARS and text.count("\n") < INLINE_STATEMENT_LINES
    # Text in another language stays off the court form itself: only the flagged declaration.
    return {
        "item": item or None,
        "text": text,
        "inline": fits and not not_english,
        "declaration": True,
        "not_english": not_english,
    }


def _row(count: CountInput) -> dict[str, str]:
    return {
        "code": count.code,
        "section": count.section,
        "level": LEVELS_EN.get(count.level, count.level),
        "reduce_17b": "Yes" if count.reduction_17b else "No",
        "reduce_17d2": "Yes" if count.reduction_17d2 else "No",
    }


def petition_counts(case: CaseInput) -> list[CountInput]:
    """The counts item 1 lists: those the petition asks relief for (an excluded count is left out,
    since relief is count by count); all of them if the engine marked none."""
    covered = [
        count
        for count in case.counts
        if count.dismissable or count.reduction_17b or count.reduction_17d2
    ]
    return covered or list(case.counts)


def _date_display(value: date | str | None) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        try:
            return formats.date_format(date.fromisoformat(value), "DATE_FORMAT")
        except ValueError:
            return value
    return formats.date_format(value, "DATE_FORMAT")


def _level_display(level: str) -> str:
    names = {"felony": _("felony"), "misdemeanor": _("misdemeanor"), "infraction": _("infraction")}
    return names.get(level, level)


def alternative_texts(codes: list[str]) -> list[str]:
    texts = {
        "certificate_of_rehabilitation": _(
            "A certificate of rehabilitation (Penal Code section 4852.01 and following), filed in "
            "the county where you live after some years of living in California without trouble."
        ),
        "early_termination": _(
            "Asking the court to end your probation early (Penal Code section 1203.3). Once it "
            "ends, you can ask for a dismissal."
        ),
        "prop_47": _(
            "Proposition 47 (Penal Code section 1170.18): some drug and theft felonies can be "
            "changed to misdemeanors."
        ),
        "prop_64": _(
            "Proposition 64 (Health and Safety Code section 11361.8, forms CR-400 and CR-401): "
            "many cannabis convictions can be reduced, dismissed or sealed."
        ),
    }
    return [texts.get(code, code) for code in codes]


def _common(packet: PacketInput, case: CaseInput) -> dict[str, Any]:
    return {
        "petitioner": packet.petitioner,
        "case": case,
        "notes": case.county_notes,
        "conviction_date": ""
        if case.conviction_date_unknown
        else (case.conviction_date or case.judgment_date).strftime("%m/%d/%Y"),
        "dej_dismissed_on": case.dej_dismissed_on.strftime("%m/%d/%Y")
        if case.dej_dismissed_on and case.form_item == "7"
        else "",
    }


def _guide_context(
    packet: PacketInput,
    case: CaseInput,
    *,
    declaration_attached: bool,
    declaration_not_english: bool = False,
) -> dict[str, Any]:
    determination = case.determination
    return {
        "lang": packet.language,
        "title": _("Next steps: case %(number)s") % {"number": case.case_number},
        "petitioner": packet.petitioner,
        "case": case,
        "notes": case.county_notes,
        "counts": [
            {**count.__dict__, "level_display": _level_display(count.level)}
            for count in case.counts
        ],
        "remedy": determination.get("remedy") or "",
        "reasons": determination.get("reasons") or [],
        "assumptions": determination.get("assumptions") or [],
        "alternatives": alternative_texts(list(determination.get("alternatives") or [])),
        "automatic_relief_possible": bool(determination.get("automatic_relief_possible")),
        "eligible_on_display": _date_display(determination.get("eligible_on")),
        "as_of_display": _date_display(packet.as_of),
        "declaration_attached": declaration_attached,
        "declaration_not_english": declaration_not_english,
        # A fee note that already names the waiver form says what the general sentence would.
        "fee_waiver_in_note": "FW-001" in case.county_notes.fees,
        "ask_clerk": _("We don't have this court's details yet: ask the criminal clerk's office."),
        "court_name_default": _("Superior Court of California, County of %(county)s")
        % {"county": case.county},
        "clinic_name": settings.CLINIC_NAME,
        "clinic_email": settings.CLINIC_EMAIL,
        "clinic_phone": settings.CLINIC_PHONE,
    }


def case_parts(packet: PacketInput, case: CaseInput) -> list[Part]:
    """One case's parts in packet.md's order. Call with the person's language active."""
    if not case.is_petition:
        context = _guide_context(packet, case, declaration_attached=False)
        context["title"] = _("No petition: case %(number)s") % {"number": case.case_number}
        template = "forms_filler/pdf/not_eligible.html"
        return [Part("not_eligible", template, packet.language, context)]

    statement = statement_placement(
        case=case, declaration=packet.declaration, language=packet.declaration_language
    )
    counts = petition_counts(case)
    rows = [_row(count) for count in counts]
    form_rows = rows[:FORM_ROWS] + [EMPTY_ROW] * (FORM_ROWS - len(rows))
    common = _common(packet, case)
    petition = {
        **common,
        "lang": "en",
        "title": f"CR-180 Petition for Dismissal {DASH} {case.county} {case.case_number}",
        "form_rows": form_rows,
        "attachment_rows": rows[FORM_ROWS:],
        "boxes": checkbox_glyphs(form_item=case.form_item, remedy=case.determination.get("remedy")),
        "statement": statement,
    }
    parts = [
        Part(
            "cover",
            "forms_filler/pdf/cover.html",
            packet.language,
            _guide_context(
                packet,
                case,
                declaration_attached=statement["declaration"],
                declaration_not_english=statement["not_english"],
            ),
        ),
        Part("cr180", "forms_filler/pdf/cr180.html", "en", petition),
        Part(
            "cr181",
            "forms_filler/pdf/cr181.html",
            "en",
            {
                **common,
                "lang": "en",
                "title": f"CR-181 Order for Dismissal {DASH} {case.county} {case.case_number}",
                "order_sections": ORDER_SECTIONS,
            },
        ),
    ]
    if statement["declaration"]:
        parts.append(
            Part(
                "declaration",
                "forms_filler/pdf/attachment_declaration.html",
                "en",
                {
                    **common,
                    "lang": packet.language,
                    "title": f"Attached Declaration {DASH} {case.county} {case.case_number}",
                    "declaration": statement["text"],
                    "statement": statement,
                    "declaration_language_name": LANGUAGE_NAMES_EN.get(
                        packet.declaration_language, packet.declaration_language
                    ),
                },
            )
        )
    if petition["attachment_rows"]:
        parts.append(
            Part(
                "attachment",
                "forms_filler/pdf/attachment_offenses.html",
                "en",
                {
                    **common,
                    "lang": "en",
                    "title": f"Attachment 1 {DASH} {case.county} {case.case_number}",
                    "attachment_rows": petition["attachment_rows"],
                },
            )
        )
    return parts


def packet_parts(packet: PacketInput) -> list[Part]:
    """Every case's parts, cases in input order. Call with the person's language active."""
    return [part for case in packet.cases for part in case_parts(packet, case)]


def packet_title(packet: PacketInput) -> str:
    """The PDF's title: what it is and which cases. Call with the person's language active."""
    cases = "; ".join(f"{case.county} {case.case_number}" for case in packet.cases)
    # The dashes are literal: xgettext does not decode "\u2013", so the catalog would not match.
    if any(case.is_petition for case in packet.cases):
        return _("Petition for Dismissal – %(cases)s") % {"cases": cases}  # noqa: RUF001
    return _("Record clearance results – %(cases)s") % {"cases": cases}  # noqa: RUF001
