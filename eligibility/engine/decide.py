"""``determine``: put the count rules, the remedy rules, automatic relief and the alternatives
together into one ``Determination``.

The case outcome is the best outcome among its counts (eligible > discretionary > wait > blocked >
not_eligible); the remedy, form item and opening date are those of the first count, in input order,
that reaches it, except that among waiting or blocked counts the one whose remedy opens first
is reported.

This is the bulk screener's hot path, hence the module-level enum members (enum attribute access
is comparatively slow) and the per-assessment memo of count results.
"""

from datetime import date

from .determination import (
    OUTCOME_RANK,
    CountResult,
    Determination,
    Outcome,
    Reason,
    count_json,
)
from .facts import CaseFacts, Count
from .messages import gettext_noop
from .parse import CaseError
from .rules.alternatives import alternatives
from .rules.counts import CountAssessment, assess_count
from .rules.findings import finding
from .rules.relief import automatic_relief
from .rules.remedies import RemedyStatus, remedy_status
from .rules.remedy import Remedy
from .rules.situation import Situation
from .rules.summary import CountsSummary
from .rules.unknowns import apply_cautious_readings

MSG_FUTURE_JUDGMENT = gettext_noop("The judgment date is after the screening date.")

T_COUNT_DISMISSABLE = gettext_noop("Can be dismissed under PC %(remedy)s, CR-180 item %(item)s.")
T_COUNT_DISCRETIONARY = gettext_noop(
    "Can be dismissed under PC %(remedy)s only in the court's discretion, CR-180 item %(item)s."
)

ELIGIBLE = Outcome.ELIGIBLE
DISCRETIONARY = Outcome.DISCRETIONARY
NOT_ELIGIBLE = Outcome.NOT_ELIGIBLE


def _count_result(
    count: Count, assessment: CountAssessment, status: RemedyStatus | None
) -> tuple[CountResult, Outcome, str | None, str]:
    """The count's result under its remedy's status; depends only on the assessment and the
    status's item, outcome and kind, so it is memoized on the (cached) assessment."""
    memo_key = (status.form_item, status.outcome, status.as_of_right) if status else None
    found = assessment.results.get(memo_key)
    if found is None:
        result, outcome, form_item = _new_count_result(count, assessment, status)
        found = assessment.results[memo_key] = (result, outcome, form_item, count_json(result))
    return found  # type: ignore[return-value]


def _new_count_result(
    count: Count, assessment: CountAssessment, status: RemedyStatus | None
) -> tuple[CountResult, Outcome, str | None]:
    if status is None or assessment.excluded is not None:
        reason = assessment.excluded or assessment.route
        result = CountResult(
            code=count.code,
            section=count.section,
            level=count.level.value,
            dismissable=False,
            reduction_17b=assessment.reduction_17b,
            reason=reason.text,
            reason_template=reason.template,
            reason_params=reason.params,
        )
        return result, NOT_ELIGIBLE, None
    outcome = status.outcome
    form_item = status.form_item
    template = T_COUNT_DISMISSABLE
    if assessment.discretionary_only is not None:
        # 1203.4(c)(2): the same petition, but in the interests of justice (item 2c).
        form_item = "2c"
        template = T_COUNT_DISCRETIONARY
        if outcome is ELIGIBLE:
            outcome = DISCRETIONARY
    elif not status.as_of_right:
        template = T_COUNT_DISCRETIONARY
    reason = finding(
        template, f"PC {status.remedy.value}", remedy=status.remedy.value, item=form_item
    )
    result = CountResult(
        code=count.code,
        section=count.section,
        level=count.level.value,
        dismissable=True,
        reduction_17b=assessment.reduction_17b,
        reason=reason.text,
        reason_template=reason.template,
        reason_params=reason.params,
    )
    return result, outcome, form_item


def _opens_sooner(status: RemedyStatus | None, best: RemedyStatus | None) -> bool:
    """Between two counts that both wait (or are both blocked), report the remedy that opens
    first: the case can be filed then, for that count."""
    if status is None or best is None or status.opens_on is None:
        return False
    return best.opens_on is None or status.opens_on < best.opens_on


def _unique_reasons(reasons: list[Reason]) -> tuple[Reason, ...]:
    seen: set[str] = set()
    unique = []
    for reason in reasons:
        if reason.text not in seen:
            seen.add(reason.text)
            unique.append(reason)
    return tuple(unique)


def determine(facts: CaseFacts, *, as_of: date) -> Determination:
    """Decide one case as of ``as_of``. Raises ``CaseError`` for a judgment after ``as_of``."""
    if facts.judgment_date > as_of:
        raise CaseError("judgment_date", MSG_FUTURE_JUDGMENT)
    if facts.unknown:
        effective, assumptions = apply_cautious_readings(facts)
        s = Situation(effective, as_of, end_unknown="sentence_end_date" in facts.unknown)
    else:
        effective, assumptions = facts, ()
        s = Situation(facts, as_of)

    statuses: dict[Remedy, RemedyStatus] = {}
    assessed: list[CountAssessment] = []
    results: list[CountResult] = []
    fragments: list[str] = []
    best_rank = 99
    best_index = 0
    best_outcome = NOT_ELIGIBLE
    best_item: str | None = None
    best_status: RemedyStatus | None = None
    sentence = effective.sentence
    trafficking = effective.trafficking_victim
    pre_realignment = s.pre_realignment
    registrant = effective.registrant
    suspended = effective.prison_term_suspended
    any_dismissable = any_17b = any_47 = any_64 = any_certificate = any_registrable = False
    all_clean = True
    excluded: list[Reason] = []
    reductions: list[Reason] = []
    count_assumptions: list[str] = []
    for index, count in enumerate(effective.counts):
        assessment = assess_count(
            count, sentence, trafficking, pre_realignment, registrant, suspended
        )
        assessed.append(assessment)
        any_dismissable |= assessment.dismissable
        any_17b |= assessment.reduction_17b
        any_47 |= assessment.prop_47
        any_64 |= assessment.prop_64
        any_certificate |= assessment.certificate_ok
        any_registrable |= assessment.registrable
        all_clean &= assessment.clean_felony
        if assessment.excluded is not None:
            excluded.append(assessment.excluded)
        if assessment.reduction_reason is not None:
            reductions.append(assessment.reduction_reason)
        if assessment.assumptions:
            count_assumptions.extend(assessment.assumptions)
        status: RemedyStatus | None = None
        if assessment.dismissable:
            remedy: Remedy = assessment.remedy  # type: ignore[assignment]
            status = statuses.get(remedy)
            if status is None:
                status = statuses[remedy] = remedy_status(remedy, s)
        result, outcome, form_item, fragment = _count_result(count, assessment, status)
        results.append(result)
        fragments.append(fragment)
        rank = OUTCOME_RANK[outcome]
        if rank < best_rank or (rank == best_rank and _opens_sooner(status, best_status)):
            best_rank, best_index, best_outcome, best_item = rank, index, outcome, form_item
            best_status = status

    chosen = assessed[best_index]
    chosen_status = None
    reasons: list[Reason]
    if best_outcome is NOT_ELIGIBLE:
        reasons = [a.excluded or a.route for a in assessed]
    else:
        chosen_status = best_status
        assert chosen_status is not None  # noqa: S101  (an outcome other than not_eligible)
        reasons = [chosen.route, *chosen_status.reasons]
        if chosen.discretionary_only is not None:
            reasons.append(chosen.discretionary_only)
        reasons += excluded
    reasons += reductions
    summary = CountsSummary(
        any_dismissable, any_17b, any_47, any_64, any_certificate, any_registrable, all_clean
    )
    relief = automatic_relief(s, summary)
    if relief.reason is not None:
        reasons.append(relief.reason)

    all_assumptions = [
        *assumptions,
        *(chosen_status.assumptions if chosen_status is not None else ()),
        *count_assumptions,
        *relief.assumptions,
    ]

    return Determination(
        id=facts.id,
        outcome=best_outcome,
        remedy=chosen_status.remedy.value if chosen_status else None,
        form_item=best_item if chosen_status else None,
        eligible_on=chosen_status.opens_on if chosen_status else None,
        reduction_17b=any_17b,
        automatic_relief_possible=relief.possible,
        counts=tuple(results),
        alternatives=alternatives(s, summary, chosen_status, best_outcome),
        reasons=_unique_reasons(reasons),
        assumptions=tuple(dict.fromkeys(all_assumptions)) if all_assumptions else (),
        counts_json="[" + ",".join(fragments) + "]",
    )
