"""What a person's other cases say about one case (contracts/screening.md, "One person's cases").

PC 1203.4(a)(1), 1203.41(a)(3) and 1203.42(a) require that the person is not on probation for,
serving a sentence for, or charged with *any* offense; 1203.4a(a) names a sentence being served
and charges. So a case whose probation or sentence is still running blocks the person's other
cases, and a later judgment in another case is a new conviction since this judgment (1203.4a(a):
"lived an honest and upright life ... since the pronouncement of judgment").
"""

from dataclasses import dataclass
from datetime import date

from ..facts import CaseFacts, Sentence


@dataclass(frozen=True, slots=True)
class RunningCase:
    """Another case of the person whose probation or sentence is still running."""

    case_id: str
    probation: bool  # probation; otherwise a county jail or prison sentence (with supervision)
    ends_on: date | None  # the day it is due to end; None when not known


@dataclass(frozen=True, slots=True)
class LaterJudgment:
    """Another case of the person decided after this case's judgment."""

    case_id: str
    judgment_date: date


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """Everything the person's other cases say about this one. Empty for a case decided alone."""

    running: tuple[RunningCase, ...] = ()
    later_judgments: tuple[LaterJudgment, ...] = ()
    # Other cases that require registration under PC 290 (so no PC 1203.425 relief anywhere).
    registrant_cases: tuple[str, ...] = ()
    person_registrant: bool = False  # the person says they must register (no case named)
    # Other cases whose probation or sentence has an end the person does not know: taken as over.
    end_unknown_cases: tuple[str, ...] = ()


ALONE = Elsewhere()

# Sentences that run for no period the other cases must wait out: none at all, or deferred entry
# of judgment (no judgment; the contract names only probation, county jail and prison as running).
_NOT_A_SENTENCE = frozenset({Sentence.NO_PROBATION, Sentence.DEFERRED_ENTRY_OF_JUDGMENT})


def is_conviction(facts: CaseFacts) -> bool:
    """A judgment was entered: after deferred entry of judgment the charges were dismissed (or
    are still pending), so there is no conviction."""
    return facts.sentence is not Sentence.DEFERRED_ENTRY_OF_JUDGMENT


def still_running(facts: CaseFacts, as_of: date) -> bool:
    """The case's probation, county jail or prison sentence is not over on ``as_of``: no end date
    (and the person did not answer "I don't know"), or an end date after ``as_of``."""
    if facts.sentence in _NOT_A_SENTENCE:
        return False
    end = facts.sentence_end_date
    if end is None:
        return "sentence_end_date" not in facts.unknown
    return end > as_of


def end_unknown(facts: CaseFacts) -> bool:
    return (
        facts.sentence not in _NOT_A_SENTENCE
        and facts.sentence_end_date is None
        and "sentence_end_date" in facts.unknown
    )
