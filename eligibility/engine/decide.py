"""``determine``: decide one case, reading as the statutes read.

1. Facts: the person's "I don't know" answers read cautiously, and what the person's other cases
   say about this one (a later judgment is a new conviction since this judgment).
2. Each count: its remedy, and whether that remedy excludes it (``rules/counts.py``).
3. Each remedy the counts fall under: when it opens, which CR-180 item, what blocks it in this
   case and in the person's other cases (``rules/remedies.py``).
4. The case: the best outcome among its counts (eligible > discretionary > wait > blocked >
   not_eligible). The remedy, form item and opening date are those of the first count, in input
   order, that reaches it, except that among waiting or blocked counts the one whose remedy opens
   first is reported.
5. Then PC 1203.425 automatic relief and the alternatives.

Nothing here is cached by a hand-made key: a rule that reads a new fact cannot get a stale answer.
"""

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from .determination import OUTCOME_RANK, CountResult, Determination, Outcome, Reason
from .facts import CaseFacts, Count, Sentence
from .messages import gettext_noop
from .parse import CaseError
from .rules.alternatives import alternatives
from .rules.counts import (
    DEJ_FIRST_DAY,
    PROP_64_DAY,
    CountAssessment,
    assess_count,
    is_registrable,
)
from .rules.elsewhere import ALONE, Elsewhere
from .rules.findings import finding
from .rules.relief import AutomaticRelief, automatic_relief
from .rules.remedies import RemedyStatus, item_1203_4, remedy_status
from .rules.remedy import Remedy
from .rules.situation import Situation
from .rules.summary import CountsSummary
from .rules.unknowns import apply_cautious_readings

MSG_FUTURE_JUDGMENT = gettext_noop("The judgment date is after the screening date.")

T_COUNT_DISMISSABLE = gettext_noop("Can be dismissed under PC %(remedy)s, CR-180 item %(item)s.")
T_COUNT_DISCRETIONARY = gettext_noop(
    "Can be dismissed under PC %(remedy)s only in the court's discretion, CR-180 item %(item)s."
)
T_LATER_JUDGMENT = gettext_noop(
    "Case %(case)s was decided on %(judgment)s, after this judgment: that is a new conviction "
    "since this judgment."
)
R_REGISTRANT_PERSON = finding(
    gettext_noop(
        "You are required to register under PC 290, so this case cannot have been dismissed "
        "automatically (PC 1203.425 excludes anyone required to register)."
    ),
    "PC 1203.425",
)
A_OTHER_END_UNKNOWN = gettext_noop(
    "You do not know when the probation or sentence in another of your cases ended, so we took "
    "it to be over. If it is still running, you cannot file until it ends."
)
T_REGISTRANT_ELSEWHERE = gettext_noop(
    "Case %(case)s requires registration under PC 290, so this case cannot have been dismissed "
    "automatically (PC 1203.425 excludes anyone required to register)."
)


def check_judgment_date(facts: CaseFacts, as_of: date) -> None:
    """Raise ``CaseError`` for a judgment after the screening date (only the engine knows it)."""
    if facts.judgment_date > as_of:
        raise CaseError("judgment_date", MSG_FUTURE_JUDGMENT)


def determine(facts: CaseFacts, *, as_of: date) -> Determination:
    """Decide one case alone, as of ``as_of``. Raises ``CaseError`` for a judgment after it.
    For a person with several cases use ``determine_person`` (the cases look across each other)."""
    return decide_case(facts, as_of=as_of, elsewhere=ALONE)


@dataclass(slots=True)  # internal and short-lived
class _CountDecision:
    result: CountResult
    outcome: Outcome
    form_item: str | None
    status: RemedyStatus | None


def _decide_count(
    count: Count, assessment: CountAssessment, status: RemedyStatus | None
) -> _CountDecision:
    """The count's result under its remedy's status."""
    if status is None or assessment.excluded is not None:
        result = _count_result(
            count, assessment, dismissable=False, reason=assessment.excluded or assessment.route
        )
        return _CountDecision(result, Outcome.NOT_ELIGIBLE, None, None)
    outcome = status.outcome
    form_item = status.form_item
    template = T_COUNT_DISMISSABLE
    if assessment.discretionary_only is not None:
        # 1203.4(c)(2): the same petition, but in the interests of justice (item 2c).
        form_item = "2c"
        template = T_COUNT_DISCRETIONARY
        if outcome is Outcome.ELIGIBLE:
            outcome = Outcome.DISCRETIONARY
    elif not status.as_of_right:
        template = T_COUNT_DISCRETIONARY
    reason = _count_reason(template, status.remedy.value, form_item)
    result = _count_result(count, assessment, dismissable=True, reason=reason)
    return _CountDecision(result, outcome, form_item, status)


def _count_result(
    count: Count, assessment: CountAssessment, *, dismissable: bool, reason: Reason
) -> CountResult:
    return CountResult(
        code=count.code,
        section=count.section,
        level=count.level.value,
        dismissable=dismissable,
        reduction_17b=assessment.reduction_17b,
        reason=reason.text,
        reason_template=reason.template,
        reason_params=reason.params,
        reduction_17d2=assessment.reduction_17d2,
    )


def _better(candidate: _CountDecision, best: _CountDecision | None) -> bool:
    """A better outcome wins; between two counts that both wait (or are both blocked), the remedy
    that opens first: the case can be filed then, for that count."""
    if best is None:
        return True
    rank, best_rank = OUTCOME_RANK[candidate.outcome], OUTCOME_RANK[best.outcome]
    if rank != best_rank:
        return rank < best_rank
    new, old = candidate.status, best.status
    if new is None or old is None or new.opens_on is None:
        return False
    return old.opens_on is None or new.opens_on < old.opens_on


def _summarize(assessments: list[CountAssessment]) -> CountsSummary:
    """What the case-level rules ask about the counts, in one pass."""
    summary = CountsSummary(False, False, False, False, False, False, True)
    for a in assessments:
        summary.any_dismissable |= a.dismissable
        summary.any_17b |= a.reduction_17b
        summary.any_prop_47 |= a.prop_47
        summary.any_prop_64 |= a.prop_64
        summary.any_certificate_ok |= a.certificate_ok
        summary.any_registrable |= a.registrable
        summary.all_clean_felonies &= a.clean_felony
        summary.any_17d2 |= a.reduction_17d2
    return summary


@lru_cache(maxsize=1024)
def _count_reason(template: str, remedy: str, item: str) -> Reason:
    """A dismissable count's finding; a pure function of its arguments, so cached."""
    return finding(template, f"PC {remedy}", remedy=remedy, item=item)


def _unique(reasons: list[Reason]) -> tuple[Reason, ...]:
    seen: set[str] = set()
    unique = []
    for reason in reasons:
        if reason.text not in seen:
            seen.add(reason.text)
            unique.append(reason)
    return tuple(unique)


def _read_other_cases(facts: CaseFacts, elsewhere: Elsewhere) -> tuple[CaseFacts, list[Reason]]:
    """A later judgment in another of the person's cases is a new conviction since this one."""
    later = elsewhere.later_judgments
    if not later:
        return facts, []
    reasons = [
        finding(
            T_LATER_JUDGMENT,
            "PC 1203.4a(a)",
            case=other.case_id,
            judgment=other.judgment_date.isoformat(),
        )
        for other in later
    ]
    if facts.new_conviction_since_judgment:
        return facts, reasons
    return replace(facts, new_conviction_since_judgment=True), reasons


NO_RELIEF = AutomaticRelief(False)


def _relief_for_person(s: Situation, summary: CountsSummary) -> AutomaticRelief:
    """PC 1203.425 relief for this case: none for anyone on probation or serving a sentence now in
    another case (as ``automatic_relief`` reads those statuses for this case), nor for anyone
    required to register because of any of their cases."""
    relief = automatic_relief(s, summary)
    if not relief.possible or s.elsewhere.running:
        return NO_RELIEF
    if s.elsewhere.registrant_cases:
        case_id = s.elsewhere.registrant_cases[0]
        return AutomaticRelief(False, finding(T_REGISTRANT_ELSEWHERE, "PC 1203.425", case=case_id))
    if s.elsewhere.person_registrant:
        return AutomaticRelief(False, R_REGISTRANT_PERSON)
    return relief


def decide_case(facts: CaseFacts, *, as_of: date, elsewhere: Elsewhere) -> Determination:
    """Decide one case as of ``as_of``, knowing what the person's other cases say about it."""
    check_judgment_date(facts, as_of)

    # 1. The facts as the rules read them.
    effective, unknown_assumptions = apply_cautious_readings(facts)
    effective, later_reasons = _read_other_cases(effective, elsewhere)
    s = Situation(
        effective,
        as_of,
        end_unknown="sentence_end_date" in facts.unknown,
        elsewhere=elsewhere,
    )

    # 2. and 3. Each count under its remedy's status.
    probation_as_of_right = effective.sentence is Sentence.PROBATION and item_1203_4(s).as_of_right
    before_prop_64 = effective.judgment_date < PROP_64_DAY
    dej_before_1997 = (
        effective.sentence is Sentence.DEFERRED_ENTRY_OF_JUDGMENT
        and effective.judgment_date < DEJ_FIRST_DAY
    )
    # Registration follows a conviction: when the case requires it but no count is one the
    # catalog lists, any count may be the one.
    registrant_unexplained = effective.registrant and not any(
        is_registrable(count) for count in effective.counts
    )
    statuses: dict[Remedy, RemedyStatus] = {}
    assessments: list[CountAssessment] = []
    decisions: list[_CountDecision] = []
    best: _CountDecision | None = None
    best_index = 0
    for index, count in enumerate(effective.counts):
        assessment = assess_count(
            count,
            effective.sentence,
            effective.trafficking_victim,
            s.pre_realignment,
            registrant_unexplained,
            effective.prison_term_suspended,
            probation_as_of_right,
            before_prop_64,
            dej_before_1997,
        )
        status = None
        if assessment.dismissable and assessment.remedy is not None:
            if assessment.remedy not in statuses:
                statuses[assessment.remedy] = remedy_status(assessment.remedy, s)
            status = statuses[assessment.remedy]
        decision = _decide_count(count, assessment, status)
        assessments.append(assessment)
        decisions.append(decision)
        if _better(decision, best):
            best, best_index = decision, index
    assert best is not None  # noqa: S101  (a case has at least one count)

    # 4. The case: the best count, its remedy's reasons, then every exclusion and reduction.
    chosen = assessments[best_index]
    status = best.status
    reasons: list[Reason]
    if status is None:
        reasons = [a.excluded or a.route for a in assessments]
    else:
        reasons = [chosen.route, *status.reasons]
        if status.remedy is Remedy.PC_1203_4A:
            reasons += later_reasons
        if chosen.discretionary_only is not None:
            reasons.append(chosen.discretionary_only)
        reasons += [a.excluded for a in assessments if a.excluded is not None]
    reasons += [note for a in assessments for note in a.notes]
    reasons += [a.reduction_reason for a in assessments if a.reduction_reason is not None]
    reasons += [a.reduction_17d2_reason for a in assessments if a.reduction_17d2_reason]

    # 5. Automatic relief and the alternatives.
    summary = _summarize(assessments)
    relief = _relief_for_person(s, summary)
    if relief.reason is not None:
        reasons.append(relief.reason)

    assumptions = [
        *unknown_assumptions,
        *(status.assumptions if status is not None else ()),
        *(text for a in assessments for text in a.assumptions),
        *relief.assumptions,
    ]
    if elsewhere.end_unknown_cases and status is not None:
        assumptions.append(A_OTHER_END_UNKNOWN)
    return Determination(
        id=facts.id,
        outcome=best.outcome,
        remedy=status.remedy.value if status else None,
        form_item=best.form_item if status else None,
        eligible_on=status.opens_on if status else None,
        reduction_17b=summary.any_17b,
        automatic_relief_possible=relief.possible,
        counts=tuple(d.result for d in decisions),
        alternatives=alternatives(s, summary, status, best.outcome),
        reasons=_unique(reasons),
        assumptions=tuple(dict.fromkeys(assumptions)),
        blocked_by=status.blocked_by if status and best.outcome is Outcome.BLOCKED else (),
        reduction_17d2=summary.any_17d2,
    )
