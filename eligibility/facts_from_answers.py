"""Turn a stored case (with its "I don't know" answers as NULL) into the engine's facts.

The engine applies a cautious reading to each unknown field; the only unknowns resolved here are
the ones the engine cannot take: an offense level the person did not know."""

import datetime
from dataclasses import dataclass

from eligibility.engine import offenses
from eligibility.engine.dates import anniversary
from eligibility.engine.facts import (
    UNKNOWABLE_FIELDS,
    CaseFacts,
    Count,
    Level,
    PersonFacts,
    Sentence,
)
from eligibility.engine.messages import gettext_noop

from .models import Case, Person
from .models import Count as CaseCount
from .models import Level as LevelChoice
from .models import Sentence as SentenceChoice

LEVEL_GUESSED_FROM_CATALOG = gettext_noop(
    "You did not know the level of %(offense)s; it can only be a %(level)s, so we used that."
)
# The level words put into sentences, so the Spanish sentence gets the Spanish word.
LEVEL_WORDS = {
    Level.FELONY: gettext_noop("felony"),
    Level.MISDEMEANOR: gettext_noop("misdemeanor"),
    Level.INFRACTION: gettext_noop("infraction"),
}
LEVEL_ASSUMED_FELONY = gettext_noop(
    "You did not know whether %(offense)s was a felony or a misdemeanor. We assumed a felony, "
    "which is the cautious reading. Your court records (the minute order or docket) say which."
)


# The questions asked once per person (stored on Person), not per case.
PERSON_FIELDS = ("on_supervision_now", "serving_sentence_now", "pending_charges", "registrant")


@dataclass(frozen=True)
class InterviewAssumption:
    """A sentence template and its values; values that are words of ours (LEVEL_WORDS) are
    translated too when the sentence is shown."""

    template: str
    params: dict[str, str]

    def as_dict(self) -> dict[str, object]:
        return {"template": self.template, "params": self.params}


def case_to_facts(case: Case) -> tuple[CaseFacts, list[InterviewAssumption]]:
    """The engine's facts for a case whose sentence is known."""
    if case.sentence == SentenceChoice.UNKNOWN:
        raise ValueError("A case with an unknown sentence cannot be screened.")
    counts: list[Count] = []
    assumptions: list[InterviewAssumption] = []
    for count in case.counts.all():
        level, assumption = _level_for(count)
        counts.append(Count(code=count.code or "PC", section=count.section, level=level))
        if assumption:
            assumptions.append(assumption)

    values: dict[str, object] = {}
    unknown: set[str] = set()
    for field in UNKNOWABLE_FIELDS - {"sentence_end_date", *PERSON_FIELDS}:
        value = getattr(case, field)
        if value is None:
            unknown.add(field)
        else:
            values[field] = value
    # Ended on a date, or still running until a date (None: running, end not known); "I don't
    # know whether it ended", or ended on a day not known, is the engine's unknown end date.
    if case.sentence_ended is None or (case.sentence_ended and case.sentence_end_date is None):
        unknown.add("sentence_end_date")
    else:
        values["sentence_end_date"] = case.sentence_end_date

    facts = CaseFacts(
        id=str(case.pk),
        judgment_date=case.judgment_date,
        counts=tuple(counts),
        sentence=Sentence(case.sentence),
        unknown=frozenset(unknown),
        **values,  # type: ignore[arg-type]  # each value read from its own field of the case
    )
    return facts, assumptions


def person_to_facts(person: Person) -> PersonFacts:
    """The person-wide answers; a question not answered yet reads as "I don't know"."""
    return PersonFacts(**{field: getattr(person, field) for field in PERSON_FIELDS})


def _level_for(count: CaseCount) -> tuple[Level, InterviewAssumption | None]:
    if count.level != LevelChoice.UNKNOWN:
        return Level(count.level), None
    name = f"{count.code} {count.section}".strip() or count.typed
    offense = offenses.lookup(count.code, count.section) if count.section else None
    if offense is not None and len(offense.levels) == 1:
        (only,) = offense.levels
        return Level(only), InterviewAssumption(
            LEVEL_GUESSED_FROM_CATALOG, {"offense": name, "level": LEVEL_WORDS[Level(only)]}
        )
    return Level.FELONY, InterviewAssumption(LEVEL_ASSUMED_FELONY, {"offense": name})


def certificate_dates(case: Case) -> tuple[datetime.date | None, datetime.date | None]:
    """The day the person left prison and the day their continuous California residence began,
    for the certificate of rehabilitation (None: not known or not asked). Residence was given in
    full years on a day: it began at the latest that many years before that day."""
    resident_since = None
    if case.ca_residence_years is not None and case.ca_residence_answered_on is not None:
        resident_since = anniversary(case.ca_residence_answered_on, -case.ca_residence_years)
    return case.released_on, resident_since
