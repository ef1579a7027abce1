"""The answers a packet version was made from, and what changed between two versions as
old -> new values, in the reader's language.

A snapshot is plain JSON (kept on PacketVersion.answers); "I don't know" is stored as None, as the
interview stores it, and shown as such."""

from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext as _

from eligibility.facts_from_answers import PERSON_FIELDS
from eligibility.models import Case, Person
from eligibility.models import Count as CaseCount

from .packet_input import PERSON_DETAIL_FIELDS, case_answers

COUNT_FIELDS = ("typed", "code", "section", "attempt", "level")
# The person's details and the questions asked once for all their cases (they decide too).
PERSON_ANSWER_FIELDS = (*PERSON_DETAIL_FIELDS, *PERSON_FIELDS)

# What staff read of an offense (code and section follow from what was typed).
SHOWN_COUNT_FIELDS = ("typed", "level")


def _plain(value: object) -> object:
    """Dates as ISO text, so the snapshot is JSON (and compares equal after a round trip)."""
    return DjangoJSONEncoder().default(value) if hasattr(value, "isoformat") else value


def answers_snapshot(*, case: Case) -> dict[str, Any]:
    person: Person = case.person
    return {
        "case": {name: _plain(value) for name, value in case_answers(case).items()},
        "counts": {
            str(c.position): {name: getattr(c, name) for name in COUNT_FIELDS}
            for c in case.counts.order_by("position")
        },
        "person": {name: getattr(person, name) for name in PERSON_ANSWER_FIELDS},
    }


@dataclass(frozen=True)
class AnswerChange:
    label: str
    old: str
    new: str
    old_unknown: bool
    new_unknown: bool


def _field(model: type[models.Model], attname: str) -> models.Field[Any, Any]:
    for field in model._meta.concrete_fields:
        if field.attname == attname:
            return field
    raise LookupError(attname)


def _concrete_field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)  # noqa: S101  (the answers are columns, not relations)
    return field


def _shown(field: models.Field[Any, Any], value: object) -> tuple[str, bool]:
    """The value as the reader sees it, and whether it is an "I don't know"."""
    if value is None:
        return _("I don't know"), True
    if value == "unknown":
        return str(dict(field.flatchoices).get(value, _("I don't know"))), True
    if field.choices:
        return str(dict(field.flatchoices).get(value, value)), False
    if isinstance(value, bool):
        return (_("Yes") if value else _("No")), False
    if value == "":
        return "—", False
    return str(value), False


def _change(label: str, field: models.Field[Any, Any], old: object, new: object) -> AnswerChange:
    old_text, old_unknown = _shown(field, old)
    new_text, new_unknown = _shown(field, new)
    return AnswerChange(label, old_text, new_text, old_unknown, new_unknown)


def answer_changes(old: dict[str, Any], new: dict[str, Any]) -> list[AnswerChange]:
    """Every answer whose value differs between two snapshots: the case's answers in the
    interview's order, then the offenses by their place in the list, then the person's details
    and their answers about now."""
    changes: list[AnswerChange] = []
    old_case, new_case = old.get("case", {}), new.get("case", {})
    for field in Case._meta.concrete_fields:
        name = field.attname
        if old_case.get(name) != new_case.get(name):
            label = str(field.verbose_name)
            changes.append(_change(label, field, old_case.get(name), new_case.get(name)))
    old_counts, new_counts = old.get("counts", {}), new.get("counts", {})
    for position in sorted(old_counts.keys() | new_counts.keys(), key=int):
        before, after = old_counts.get(position), new_counts.get(position)
        for name in SHOWN_COUNT_FIELDS:
            field = _concrete_field(CaseCount, name)
            label = _("Offense %(number)s: %(what)s") % {
                "number": position,
                "what": field.verbose_name,
            }
            if before is None or after is None:
                value = (after or before or {}).get(name)
                shown, unknown = _shown(field, value)
                gone = _("(none)")
                if before is None:
                    changes.append(AnswerChange(label, gone, shown, False, unknown))
                else:
                    changes.append(AnswerChange(label, shown, gone, unknown, False))
            elif before.get(name) != after.get(name):
                changes.append(_change(label, field, before.get(name), after.get(name)))
    old_person, new_person = old.get("person", {}), new.get("person", {})
    for name in PERSON_ANSWER_FIELDS:
        if old_person.get(name) != new_person.get(name):
            field = _concrete_field(Person, name)
            label = str(field.verbose_name)
            changes.append(_change(label, field, old_person.get(name), new_person.get(name)))
    return changes
