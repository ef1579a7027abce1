"""Other routes worth mentioning beside (or instead of) a dismissal. The product refers to them with
a plain explanation; it does not prepare their papers in v1."""

from collections.abc import Callable

from ..determination import Outcome
from ..facts import Sentence
from .remedies import RemedyStatus
from .situation import Situation
from .summary import CountsSummary

CERTIFICATE_OF_REHABILITATION = "certificate_of_rehabilitation"
EARLY_TERMINATION = "early_termination"
PROP_47 = "prop_47"
PROP_64 = "prop_64"

NOT_ELIGIBLE = Outcome.NOT_ELIGIBLE
STATE_PRISON = Sentence.STATE_PRISON

AlternativeRule = Callable[[Situation, CountsSummary, RemedyStatus | None, Outcome], bool]


def certificate_of_rehabilitation(
    s: Situation, counts: CountsSummary, status: RemedyStatus | None, outcome: Outcome
) -> bool:
    """PC 4852.01: state prison cases and cases with no dismissal route, for a count it covers."""
    if s.facts.sentence is not STATE_PRISON and outcome is not NOT_ELIGIBLE:
        return False
    return counts.any_certificate_ok


def early_termination(
    s: Situation, counts: CountsSummary, status: RemedyStatus | None, outcome: Outcome
) -> bool:
    """PC 1203.3: when probation or supervision is what stands in the way."""
    return status is not None and status.suggests_early_termination


def prop_47(
    s: Situation, counts: CountsSummary, status: RemedyStatus | None, outcome: Outcome
) -> bool:
    """PC 1170.18: listed drug and theft felonies can be redesignated misdemeanors."""
    return counts.any_prop_47


def prop_64(
    s: Situation, counts: CountsSummary, status: RemedyStatus | None, outcome: Outcome
) -> bool:
    """HS 11361.8: cannabis convictions (HS 11357-11360) can be reduced or dismissed."""
    return counts.any_prop_64


ALTERNATIVE_RULES: tuple[tuple[str, AlternativeRule], ...] = (
    (CERTIFICATE_OF_REHABILITATION, certificate_of_rehabilitation),
    (EARLY_TERMINATION, early_termination),
    (PROP_47, prop_47),
    (PROP_64, prop_64),
)


def alternatives(
    s: Situation, counts: CountsSummary, status: RemedyStatus | None, outcome: Outcome
) -> tuple[str, ...]:
    return tuple(name for name, rule in ALTERNATIVE_RULES if rule(s, counts, status, outcome))
