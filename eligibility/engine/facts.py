"""The facts of one case, as the interview or the screening input states them.

These are plain values: validation of raw input lives in ``parse.py``, and the rules that read the
facts live in ``rules/``.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Level(StrEnum):
    FELONY = "felony"
    MISDEMEANOR = "misdemeanor"
    INFRACTION = "infraction"


class Sentence(StrEnum):
    PROBATION = "probation"
    NO_PROBATION = "no_probation"
    COUNTY_JAIL = "county_jail"  # felony county jail under PC 1170(h)
    STATE_PRISON = "state_prison"
    # DEJ granted under former PC 1000; the charges were dismissed (PC 1000.3) on the end date.
    DEFERRED_ENTRY_OF_JUDGMENT = "deferred_entry_of_judgment"


@dataclass(frozen=True, slots=True)
class Count:
    """One conviction inside a case. ``wobbler`` overrides the catalog when not None."""

    code: str
    section: str
    level: Level
    wobbler: bool | None = None


# Fields the web interview may mark "I don't know" (see ``rules/unknowns.py`` for the cautious
# reading applied to each).
UNKNOWABLE_FIELDS = frozenset(
    {
        "prison_term_suspended",
        "mandatory_supervision",
        "sentence_end_date",
        "probation_terminated_early",
        "probation_violated",
        "sentence_complied",
        "new_conviction_since_judgment",
        "on_supervision_now",
        "serving_sentence_now",
        "pending_charges",
        "registrant",
        "pre_realignment_1170h_eligible",
        "trafficking_victim",
    }
)


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """One case (one docket number). Field meanings follow contracts/screening.md.

    ``unknown`` is not part of the screening contract: it names the fields the person answered
    "I don't know" in the web interview; the engine then applies a cautious reading and says so in
    the determination's assumptions.
    """

    id: str
    judgment_date: date
    counts: tuple[Count, ...]
    sentence: Sentence
    prison_term_suspended: bool = False
    mandatory_supervision: bool = False
    sentence_end_date: date | None = None
    probation_terminated_early: bool = False
    probation_violated: bool = False
    sentence_complied: bool = True
    new_conviction_since_judgment: bool = False
    on_supervision_now: bool = False
    serving_sentence_now: bool = False
    pending_charges: bool = False
    registrant: bool = False
    pre_realignment_1170h_eligible: bool = False
    trafficking_victim: bool = False
    unknown: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """What the person says about themselves now, once for all their cases.

    ``None`` means "I don't know": the engine reads it cautiously (as the case-level "I don't
    know" of ``rules/unknowns.py``) and says so among the assumptions. ``registrant`` is the duty
    to register under PC 290 because of any conviction.
    """

    on_supervision_now: bool | None = False
    serving_sentence_now: bool | None = False
    pending_charges: bool | None = False
    registrant: bool | None = False
