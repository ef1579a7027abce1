"""``determine_person``: one person's cases, decided together (contracts/screening.md, "One
person's cases").

The statutes look across a person's cases: PC 1203.4(a)(1), 1203.41(a)(3) and 1203.42(a) require
that the person is not on probation for, serving a sentence for, or charged with *any* offense;
1203.4a(a) names a sentence being served and charges, and an honest and upright life since
judgment; PC 1203.425 excludes anyone required to register under PC 290. So, for each case:

- what the person says about now (``PersonFacts``) and what any case says about now
  (``on_supervision_now``, ``serving_sentence_now``, ``pending_charges``) holds for every case;
- another case whose probation or sentence is still running blocks this one as far as each
  remedy's clause reaches, until the day after it ends (``rules/elsewhere.py``);
- another case decided later is a new conviction since this judgment;
- a registrant (``PersonFacts.registrant``, or any case's ``registrant`` or PC 290 count) cannot
  have had automatic relief on any case.
"""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from .decide import check_judgment_date, decide_case
from .determination import Determination
from .facts import CaseFacts, PersonFacts, Sentence
from .rules.counts import is_registrable
from .rules.elsewhere import (
    ALONE,
    Elsewhere,
    LaterJudgment,
    RunningCase,
    end_unknown,
    is_conviction,
    still_running,
)

# PersonFacts fields that are also CaseFacts fields meaning "in any case".
_STATUS_FIELDS = ("on_supervision_now", "serving_sentence_now", "pending_charges")


def _requires_registration(facts: CaseFacts) -> bool:
    """The case makes the person a PC 290 registrant: they said so, or a count is one PC 290(c)
    lists (the offense catalog's ``registrable_290``)."""
    if facts.registrant and "registrant" not in facts.unknown:
        return True
    return any(is_registrable(count) for count in facts.counts)


def _with_person_status(facts: CaseFacts, known_true: set[str], unknown: set[str]) -> CaseFacts:
    """The case's "now" flags as the person's: true when any case or the person says so; "I don't
    know" (read cautiously, with its assumption) when the person does not know and no case says
    so."""
    add_unknown = unknown - known_true - facts.unknown
    if not add_unknown and all(getattr(facts, name) for name in known_true):
        return facts
    return replace(
        facts,
        on_supervision_now=facts.on_supervision_now or "on_supervision_now" in known_true,
        serving_sentence_now=facts.serving_sentence_now or "serving_sentence_now" in known_true,
        pending_charges=facts.pending_charges or "pending_charges" in known_true,
        unknown=facts.unknown | add_unknown,
    )


def determine_person(
    cases: Sequence[CaseFacts], *, as_of: date, person: PersonFacts | None = None
) -> tuple[Determination, ...]:
    """Decide one person's cases together, as of ``as_of``; results in input order.

    Raises ``CaseError`` (field ``judgment_date``) when any case's judgment is after ``as_of``:
    check each case first with ``check_judgment_date`` to report it per case."""
    for facts in cases:
        check_judgment_date(facts, as_of)
    if person is None and len(cases) == 1:
        return (decide_case(cases[0], as_of=as_of, elsewhere=ALONE),)  # nothing to look across

    known_true = {
        name
        for name in _STATUS_FIELDS
        if any(getattr(f, name) and name not in f.unknown for f in cases)
        or (person is not None and getattr(person, name) is True)
    }
    unknown = {
        name for name in _STATUS_FIELDS if person is not None and getattr(person, name) is None
    }
    if person is not None and person.registrant is None:
        unknown.add("registrant")
    registrant_person = person is not None and person.registrant is True

    running = {
        index: RunningCase(f.id, f.sentence is Sentence.PROBATION, f.sentence_end_date)
        for index, f in enumerate(cases)
        if still_running(f, as_of)
    }
    registrants = [_requires_registration(f) for f in cases]

    results = []
    for index, facts in enumerate(cases):
        others = [other for i, other in enumerate(cases) if i != index]
        elsewhere = Elsewhere(
            running=tuple(running[i] for i in running if i != index),
            later_judgments=tuple(
                LaterJudgment(other.id, other.judgment_date)
                for other in others
                if other.judgment_date > facts.judgment_date and is_conviction(other)
            ),
            registrant_cases=tuple(
                cases[i].id for i, registers in enumerate(registrants) if registers and i != index
            ),
            end_unknown_cases=tuple(other.id for other in others if end_unknown(other)),
            # The duty to register need not come from a case given; PC 1203.425 is about the person.
            person_registrant=registrant_person,
        )
        case_unknown = unknown - {"registrant"} if registrants[index] else unknown
        merged = _with_person_status(facts, known_true, case_unknown)
        results.append(decide_case(merged, as_of=as_of, elsewhere=elsewhere))
    return tuple(results)
