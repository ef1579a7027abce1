"""Other routes worth mentioning beside (or instead of) a dismissal. The product refers to them with
a plain explanation; it does not prepare their papers in v1."""

from collections.abc import Callable, Sequence

from ..determination import Outcome
from ..facts import Count, Level, Sentence
from .counts import CountAssessment
from .remedies import RemedyStatus
from .situation import Situation

CERTIFICATE_OF_REHABILITATION = "certificate_of_rehabilitation"
EARLY_TERMINATION = "early_termination"
PROP_47 = "prop_47"
PROP_64 = "prop_64"

AlternativeRule = Callable[
    [Situation, Sequence[Count], Sequence[CountAssessment], RemedyStatus | None, Outcome], bool
]


def certificate_of_rehabilitation(
    s: Situation,
    counts: Sequence[Count],
    assessed: Sequence[CountAssessment],
    status: RemedyStatus | None,
    outcome: Outcome,
) -> bool:
    """PC 4852.01: prison cases and cases with no dismissal route; felonies (and PC 290
    misdemeanors), except the offenses PC 4852.01 excludes (286(c), 288, 287(c), 288.5, 289(j))."""
    if s.facts.sentence is not Sentence.STATE_PRISON and outcome is not Outcome.NOT_ELIGIBLE:
        return False
    for count, assessment in zip(counts, assessed, strict=True):
        offense = assessment.match.offense
        if offense is not None and offense.excluded_cert_rehab:
            continue
        registrable = offense is not None and offense.registrable_290
        if count.level is Level.FELONY or registrable:
            return True
    return False


def early_termination(
    s: Situation,
    counts: Sequence[Count],
    assessed: Sequence[CountAssessment],
    status: RemedyStatus | None,
    outcome: Outcome,
) -> bool:
    """PC 1203.3: when probation or supervision is what stands in the way."""
    return status is not None and status.suggests_early_termination


def prop_47(
    s: Situation,
    counts: Sequence[Count],
    assessed: Sequence[CountAssessment],
    status: RemedyStatus | None,
    outcome: Outcome,
) -> bool:
    """PC 1170.18: listed drug and theft felonies can be redesignated misdemeanors."""
    return any(
        count.level is Level.FELONY and a.match.offense is not None and a.match.offense.prop_47
        for count, a in zip(counts, assessed, strict=True)
    )


def prop_64(
    s: Situation,
    counts: Sequence[Count],
    assessed: Sequence[CountAssessment],
    status: RemedyStatus | None,
    outcome: Outcome,
) -> bool:
    """HS 11361.8: cannabis convictions (HS 11357-11360) can be reduced or dismissed."""
    return any(a.match.offense is not None and a.match.offense.prop_64 for a in assessed)


ALTERNATIVE_RULES: tuple[tuple[str, AlternativeRule], ...] = (
    (CERTIFICATE_OF_REHABILITATION, certificate_of_rehabilitation),
    (EARLY_TERMINATION, early_termination),
    (PROP_47, prop_47),
    (PROP_64, prop_64),
)


def alternatives(
    s: Situation,
    counts: Sequence[Count],
    assessed: Sequence[CountAssessment],
    status: RemedyStatus | None,
    outcome: Outcome,
) -> tuple[str, ...]:
    return tuple(
        name for name, rule in ALTERNATIVE_RULES if rule(s, counts, assessed, status, outcome)
    )
