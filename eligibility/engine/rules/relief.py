"""PC 1203.425 automatic relief (Clean Slate): may the Department of Justice already have cleared
the case? Informational only: filing can still help (for example to ask for 17(b)), as CR-180's own
note says. The answer is "possible" only when every condition is known to hold.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..dates import anniversary
from ..determination import Reason
from ..facts import Sentence
from ..messages import gettext_noop
from .findings import finding
from .situation import Situation
from .summary import CountsSummary

FIRST_CONVICTION_DAY = date(1973, 1, 1)
FELONY_RELIEF_START = date(2023, 7, 1)  # SB 731's felony relief took effect on this day
FELONY_CONVICTION_START = date(2005, 1, 1)  # [verify] see A_FELONY_SINCE_2005

R_AUTOMATIC = finding(
    gettext_noop(
        "This conviction may already have been dismissed automatically by the Department of "
        "Justice; filing a petition can still help, for example to ask for a PC 17(b) reduction."
    ),
    "PC 1203.425(a)(1)",
)
A_FELONY_SINCE_2005 = gettext_noop(
    "Automatic felony relief was taken to cover convictions since 1 January 2005, four years "
    "after the sentence (with any supervision) was completed, with no new felony. Staff should "
    "confirm these conditions in the current text of PC 1203.425."
)

# Statuses the person must be known not to have, and facts they must know, for relief to be
# possible: an "I don't know" answer means we cannot say it was possible.
_MUST_KNOW = frozenset(
    {
        "registrant",
        "on_supervision_now",
        "serving_sentence_now",
        "pending_charges",
        "sentence_end_date",
        "probation_violated",
        "sentence_complied",
        "new_conviction_since_judgment",
    }
)


@dataclass(frozen=True, slots=True)
class AutomaticRelief:
    possible: bool
    reason: Reason | None = None
    assumptions: tuple[str, ...] = ()


NOT_POSSIBLE = AutomaticRelief(False)
POSSIBLE = AutomaticRelief(True, R_AUTOMATIC)
POSSIBLE_FELONY = AutomaticRelief(True, R_AUTOMATIC, (A_FELONY_SINCE_2005,))

PathRule = Callable[[Situation, CountsSummary], AutomaticRelief | None]


def probation_completed_without_revocation(
    s: Situation, counts: CountsSummary
) -> AutomaticRelief | None:
    f = s.facts
    if f.sentence is not Sentence.PROBATION or f.probation_violated:
        return None
    if f.sentence_end_date is None or f.sentence_end_date >= s.as_of:
        return None
    return POSSIBLE if counts.any_dismissable else None


def misdemeanor_one_year_after_judgment(
    s: Situation, counts: CountsSummary
) -> AutomaticRelief | None:
    f = s.facts
    if f.sentence is not Sentence.NO_PROBATION or not f.sentence_complied:
        return None
    if s.as_of < anniversary(f.judgment_date, 1):
        return None
    return POSSIBLE if counts.any_dismissable else None


def felony_four_years_after_completion(
    s: Situation, counts: CountsSummary
) -> AutomaticRelief | None:
    f = s.facts
    if f.sentence not in (Sentence.COUNTY_JAIL, Sentence.STATE_PRISON):
        return None
    if s.as_of < FELONY_RELIEF_START or f.judgment_date < FELONY_CONVICTION_START:
        return None
    if f.new_conviction_since_judgment or f.sentence_end_date is None:
        return None
    if s.as_of < anniversary(f.sentence_end_date, 4):
        return None
    # An offense missing from the catalog cannot be ruled out as serious, violent or registrable.
    return POSSIBLE_FELONY if counts.all_clean_felonies else None


PATHS: tuple[PathRule, ...] = (
    probation_completed_without_revocation,
    misdemeanor_one_year_after_judgment,
    felony_four_years_after_completion,
)


def automatic_relief(s: Situation, counts: CountsSummary) -> AutomaticRelief:
    f = s.facts
    if f.registrant or f.on_supervision_now or f.serving_sentence_now or f.pending_charges:
        return NOT_POSSIBLE
    if f.judgment_date < FIRST_CONVICTION_DAY or (f.unknown & _MUST_KNOW):
        return NOT_POSSIBLE
    if counts.any_registrable:
        return NOT_POSSIBLE
    for path in PATHS:
        found = path(s, counts)
        if found is not None:
            return found
    return NOT_POSSIBLE
