"""Glue from the interview's stored models to the renderer's plain inputs.

The renderer reads no database (forms_filler.render); this module does the reading: a Case, its
counts, its latest determination, the Person and the county's filing notes become a PacketInput."""

import hashlib
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.translation import gettext_noop

from eligibility.engine import offenses
from eligibility.models import Case, Determination, Person
from eligibility.presentation import translated_result
from eligibility.selectors import latest_determination
from eligibility.services import today_in_california
from forms_filler.render.inputs import (
    CaseInput,
    CountInput,
    CountyNotes,
    Language,
    PacketInput,
    Petitioner,
)

from .packet_input import county_notes_for

# Case fields that are bookkeeping, not answers: they never change what the papers say.
_NOT_ANSWERS = frozenset({"id", "person", "created_at", "updated_at"})
PERSON_DETAIL_FIELDS = ("full_name", "street", "city", "state", "zip_code", "phone", "email")
LANGUAGES: tuple[Language, ...] = ("en", "es")


class PacketNotPossible(Exception):
    """The case cannot be turned into papers yet; the message says why, in plain words."""


NEEDS_NAME = gettext_noop("The papers need your full name.")
NOT_CHECKED = gettext_noop("This case has not been checked yet, so there are no papers.")


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


def _offense_title(code: str, section: str, language: Language) -> str:
    offense = offenses.lookup(code, section) if code and section else None
    if offense is None:
        return ""
    return offense.title_es if language == "es" and offense.title_es else offense.title_en


def case_input(*, case: Case, language: Language) -> CaseInput:
    determination = latest_determination(case=case)
    if determination is None:
        raise PacketNotPossible(
            gettext_noop("This case has not been checked yet, so there are no papers.")
        )
    result: dict[str, Any] = determination.result
    engine_counts = list(result.get("counts") or [])
    counts = []
    for index, count in enumerate(case.counts.order_by("position")):
        engine = engine_counts[index] if index < len(engine_counts) else {}
        code = count.code or str(engine.get("code") or "")
        section = count.section or str(engine.get("section") or "")
        level = str(engine.get("level") or count.level)
        counts.append(
            CountInput(
                code=code,
                section=section,
                level=level if level in ("felony", "misdemeanor", "infraction") else "felony",
                title=_offense_title(code, section, language) or count.typed,
                reduction_17b=bool(engine.get("reduction_17b")),
                dismissable=bool(engine.get("dismissable", True)),
                reason=str(engine.get("reason") or ""),
            )
        )
    return CaseInput(
        county=case.county,
        case_number=case.case_number,
        judgment_date=case.judgment_date,
        counts=tuple(counts),
        # Reasons and assumptions in the packet's language (the cover page prints them).
        determination=_translated(determination, language),
        # The notes' translated fields are read in the active language: the packet's, here,
        # not the worker's default, or a Spanish cover would print English steps.
        county_notes=_county_notes(case.county, language),
    )


def _county_notes(county: str, language: Language) -> CountyNotes:
    with translation.override(language):
        return county_notes_for(county)


def _translated(determination: Determination, language: Language) -> dict[str, Any]:
    with translation.override(language):
        return translated_result(
            determination.result, determination.translatable, determination.interview_assumptions
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
