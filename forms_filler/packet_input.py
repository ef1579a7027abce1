"""Turn a case into the renderer's plain `PacketInput`: from the `build_packet` JSON, or from the
interview's stored models. The one module that builds packet inputs.

Every case goes through the eligibility engine, so the renderer only ever sees a decided case.
County filing notes and court facts come from `county_notes.county_notes_for`: the database's note,
or the court data shipped in the repository when there is no database.

    packet = packet_input_from_dict(data, as_of=date(2025, 6, 15), language="es")
    packet = packet_input_for_case(case=case, language="es")  # or PacketNotPossible
    pdf = render_packet_pdf(packet)

Invalid input raises `PacketInputError` whose `field` is a path such as `cases[0].judgment_date`.
The renderer reads no database (forms_filler.render); the stored path does the reading here: a
Case, its counts, its latest determination, the Person and the county's filing notes.
"""

import hashlib
import json
from collections.abc import Callable
from datetime import date
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.translation import gettext_noop

from eligibility.calendar import today_in_california
from eligibility.engine import CaseError, Sentence, determine, offenses, parse_case
from eligibility.models import Case, Determination, Person
from eligibility.models import Sentence as SentenceChoice
from eligibility.presentation import case_name, translatable_parts, translated_result
from eligibility.selectors import latest_determination
from expunge_portal.counties import COUNTIES

from .county_notes import county_notes_for
from .render.inputs import (
    CaseInput,
    CountInput,
    CountyNotes,
    Language,
    PacketInput,
    Petitioner,
    Service,
)

PETITIONER_FIELDS = ("name", "street", "city", "state", "zip", "phone", "email")
# The caption needs these to be a usable filing; phone and email may be left empty.
PETITIONER_REQUIRED = frozenset(("name", "street", "city", "state", "zip"))
PACKET_FIELDS = frozenset(("petitioner", "cases", "declaration"))
# Generous for real people, small enough that nobody can make a render take minutes (long text
# is laid out line by line). The renderer itself still wraps whatever it is given.
MAX_LENGTH = {"name": 200, "street": 200, "city": 100, "state": 40, "zip": 20, "phone": 40}
MAX_EMAIL = 254
MAX_CASE_NUMBER = 60
MAX_DECLARATION = 20_000
LANGUAGES: tuple[Language, ...] = ("en", "es")
# How the prosecutor is served, as staff recorded it; anything else reads as unknown.
SERVICES: dict[str, Service] = {
    "court_forwards": "court_forwards",
    "petitioner_serves": "petitioner_serves",
}
_COUNTY_BY_FOLDED_NAME = {county.casefold(): county for county in COUNTIES}

CountyNotesSource = Callable[[str], CountyNotes]


class PacketInputError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def _string(value: Any, field: str, *, required: bool, max_length: int) -> str:
    if not isinstance(value, str):
        raise PacketInputError(field, "Must be a string.")
    if required and not value.strip():
        raise PacketInputError(field, "This field is required.")
    if len(value.strip()) > max_length:
        raise PacketInputError(field, f"Must be at most {max_length} characters.")
    return value.strip()


def petitioner_from_dict(data: Any) -> Petitioner:
    if not isinstance(data, dict):
        raise PacketInputError("petitioner", "Must be a JSON object.")
    unknown = sorted(set(data) - set(PETITIONER_FIELDS))
    if unknown:
        raise PacketInputError(f"petitioner.{unknown[0]}", "Unknown field (check the spelling).")
    values = {}
    for name in PETITIONER_FIELDS:
        required = name in PETITIONER_REQUIRED
        if name not in data:
            if required:
                raise PacketInputError(f"petitioner.{name}", "This field is required.")
            values[name] = ""
            continue
        limit = MAX_LENGTH.get(name, MAX_EMAIL)
        values[name] = _string(
            data[name], f"petitioner.{name}", required=required, max_length=limit
        )
    return Petitioner(**values)


def _offense_title(offense: offenses.Offense | None, language: str) -> str:
    if offense is None:
        return ""
    return offense.title_es if language == "es" and offense.title_es else offense.title_en


def _reduction_17d2(engine_count: dict[str, Any], code: str, section: str, level: str) -> bool:
    """PC 17(d)(2) as the engine decided it; for a result stored before the engine said (engine
    versions before 2026.12.2), a catalog wobblette charged as a misdemeanor, as then."""
    if "reduction_17d2" in engine_count:
        return bool(engine_count["reduction_17d2"])
    offense = offenses.lookup(code, section) if code and section else None
    return bool(offense and offense.wobblette) and level == "misdemeanor"


def _count_input(count: dict[str, Any], *, language: str) -> CountInput:
    offense = offenses.lookup(count["code"], count["section"])
    title = _offense_title(offense, language)
    return CountInput(
        code=count["code"],
        section=count["section"],
        level=count["level"],
        title=title,
        reduction_17b=bool(count["reduction_17b"]),
        # PC 17(d)(2): a wobblette charged as a misdemeanor may be reduced to an infraction.
        reduction_17d2=_reduction_17d2(count, count["code"], count["section"], count["level"]),
        dismissable=bool(count["dismissable"]),
        reason=count.get("reason") or "",
    )


def case_input_from_dict(
    data: Any,
    *,
    as_of: date,
    language: str,
    field: str = "case",
    county_notes: CountyNotesSource = county_notes_for,
) -> CaseInput:
    """One case: a screening.md case object plus `county` and `case_number`, decided as of a day.

    `field` prefixes error paths (the CLI passes `cases[0]`).
    """
    if not isinstance(data, dict):
        raise PacketInputError(field, "Must be a JSON object.")
    case = dict(data)
    # The engine rejects fields it does not know, so the packet's own two come off first.
    raw_county = case.pop("county", None)
    raw_number = case.pop("case_number", None)
    if raw_county is None:
        raise PacketInputError(f"{field}.county", "This field is required.")
    county = _COUNTY_BY_FOLDED_NAME.get(
        _string(raw_county, f"{field}.county", required=True, max_length=40).casefold()
    )
    if county is None:
        raise PacketInputError(f"{field}.county", "Must be one of California's 58 counties.")
    if raw_number is None:
        raise PacketInputError(f"{field}.case_number", "This field is required.")
    case_number = _string(
        raw_number, f"{field}.case_number", required=True, max_length=MAX_CASE_NUMBER
    )
    # `id` is the screening CLI's echo field; a packet case is known by its number instead.
    case.setdefault("id", case_number)
    try:
        facts = parse_case(case)
    except CaseError as error:
        path = f"{field}.{error.field}" if error.field else field
        raise PacketInputError(path, error.message) from error
    result = determine(facts, as_of=as_of)
    with translation.override(language):
        notes = county_notes(county)
        determination = translated_result(result.to_dict(), translatable_parts(result))
    return CaseInput(
        county=county,
        case_number=case_number,
        judgment_date=facts.judgment_date,
        dej_dismissed_on=facts.sentence_end_date
        if facts.sentence is Sentence.DEFERRED_ENTRY_OF_JUDGMENT
        else None,
        counts=tuple(_count_input(count, language=language) for count in determination["counts"]),
        determination=determination,
        county_notes=notes,
    )


def packet_input_from_dict(
    data: Any,
    *,
    as_of: date,
    language: str,
    county_notes: CountyNotesSource = county_notes_for,
) -> PacketInput:
    """The whole `build_packet` INPUT object (packet.md) to a `PacketInput`, or PacketInputError."""
    if language not in LANGUAGES:
        raise PacketInputError("language", "Must be en or es.")
    if not isinstance(data, dict):
        raise PacketInputError("input", "Must be a JSON object.")
    unknown = sorted(set(data) - PACKET_FIELDS)
    if unknown:
        raise PacketInputError(unknown[0], "Unknown field (check the spelling).")
    if "petitioner" not in data:
        raise PacketInputError("petitioner", "This field is required.")
    petitioner = petitioner_from_dict(data["petitioner"])
    cases = data.get("cases")
    if not isinstance(cases, list) or not cases:
        raise PacketInputError("cases", "Must be a list of at least one case.")
    declaration = data.get("declaration", "")
    if declaration is None:
        declaration = ""
    declaration = _string(declaration, "declaration", required=False, max_length=MAX_DECLARATION)
    return PacketInput(
        petitioner=petitioner,
        cases=tuple(
            case_input_from_dict(
                case,
                as_of=as_of,
                language=language,
                field=f"cases[{index}]",
                county_notes=county_notes,
            )
            for index, case in enumerate(cases)
        ),
        declaration=declaration,
        language=language,
        as_of=as_of,
    )


# From the stored interview: a Case and its Person.

# Case fields that are bookkeeping, not answers: they never change what the papers say.
# Not the person's answers: keys, times, and the latest outcome the screening keeps on the case
# (the papers take the determination itself).
_NOT_ANSWERS = frozenset({"id", "person", "created_at", "updated_at", "latest_outcome"})
PERSON_DETAIL_FIELDS = ("full_name", "street", "city", "state", "zip_code", "phone", "email")


class PacketNotPossible(Exception):
    """The case cannot be turned into papers yet; the message says why, in plain words."""


NEEDS_NAME = gettext_noop("The papers need your full name.")
NOT_CHECKED = gettext_noop("This case has not been checked yet, so there are no papers.")
NO_SECTION = gettext_noop(
    "An offense in this case has no code section, and the petition must name one. Change your "
    "answers and enter the section from your court papers, like PC 484(a)."
)


def packet_language(language: str | None) -> Language:
    code = (language or "en").split("-")[0]
    return "es" if code == "es" else "en"


def case_answers(case: Case) -> dict[str, Any]:
    return {
        field.attname: getattr(case, field.attname)
        for field in Case._meta.concrete_fields
        if field.name not in _NOT_ANSWERS
    }


def answers_fingerprint(*, case: Case, language: str) -> str:
    """SHA-256 of everything the papers are made from: the same answers give the same papers, so
    the same fingerprint lets a packet version be reused instead of rendered again."""
    determination = latest_determination(case=case)
    person: Person = case.person
    material = {
        "case": case_answers(case),
        "counts": [
            [c.position, c.typed, c.code, c.section, c.attempt, c.level]
            for c in case.counts.order_by("position")
        ],
        "person": {field: getattr(person, field) for field in PERSON_DETAIL_FIELDS},
        "determination": (
            {"engine": determination.engine_version, "result": determination.result}
            if determination
            else None
        ),
        "language": packet_language(language),
    }
    encoded = json.dumps(material, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def case_input(*, case: Case, language: Language) -> CaseInput:
    determination = latest_determination(case=case)
    if determination is None:
        raise PacketNotPossible(NOT_CHECKED)
    result: dict[str, Any] = determination.result
    engine_counts = list(result.get("counts") or [])
    counts = []
    for index, count in enumerate(case.counts.order_by("position")):
        engine = engine_counts[index] if index < len(engine_counts) else {}
        code = count.code or str(engine.get("code") or "")
        section = count.section or str(engine.get("section") or "")
        if not section:  # CR-180 item 1 never goes out with a blank Section
            raise PacketNotPossible(NO_SECTION)
        level = str(engine.get("level") or count.level)
        level = level if level in ("felony", "misdemeanor", "infraction") else "felony"
        counts.append(
            CountInput(
                code=code,
                section=section,
                level=level,
                title=_offense_title(
                    offenses.lookup(code, section) if code and section else None, language
                )
                or count.typed,
                reduction_17b=bool(engine.get("reduction_17b")),
                reduction_17d2=_reduction_17d2(engine, code, section, level),
                dismissable=bool(engine.get("dismissable", True)),
                reason=str(engine.get("reason") or ""),
            )
        )
    dej = case.sentence == SentenceChoice.DEFERRED_ENTRY_OF_JUDGMENT
    return CaseInput(
        county=case.county,
        case_number=case.case_number,
        judgment_date=case.judgment_date,
        # After DEJ, item 1's date is the day DEJ was granted (the judgment date's answer).
        conviction_date=None if dej else case.conviction_date,
        conviction_date_unknown=not dej and case.conviction_date is None,
        dej_dismissed_on=case.sentence_end_date if dej and case.sentence_ended else None,
        counts=tuple(counts),
        # Reasons and assumptions in the packet's language (the cover page prints them).
        determination=_translated(determination, language, case.person),
        # The notes' translated fields are read in the active language: the packet's, here,
        # not the worker's default, or a Spanish cover would print English steps.
        county_notes=_county_notes(case.county, language),
    )


def _county_notes(county: str, language: Language) -> CountyNotes:
    with translation.override(language):
        return county_notes_for(county)


def _translated(determination: Determination, language: Language, person: Person) -> dict[str, Any]:
    with translation.override(language):
        # Reasons about the person's other cases name them as the person does, not by id.
        names = {
            str(other.pk): case_name(other) for other in person.cases.prefetch_related("counts")
        }
        return translated_result(
            determination.result,
            determination.translatable,
            determination.interview_assumptions,
            names,
        )


def petitioner(person: Person) -> Petitioner:
    return Petitioner(
        name=person.full_name,
        street=person.street,
        city=person.city,
        state=person.state,
        zip=person.zip_code,
        phone=person.phone,
        email=person.email,
    )


def packet_input_for_case(*, case: Case, language: str) -> PacketInput:
    if not case.person.full_name.strip():
        raise PacketNotPossible(NEEDS_NAME)
    lang = packet_language(language)
    return PacketInput(
        petitioner=petitioner(case.person),
        cases=(case_input(case=case, language=lang),),
        # The English version when the person gave one; otherwise their own words, flagged.
        declaration=case.statement_english.strip() or case.statement,
        declaration_language="en" if case.statement_english.strip() else lang,
        language=lang,
        as_of=today_in_california(),
    )
