"""Turn a stored determination into what the results page says, in the reader's language.

The engine writes English templates marked for translation; here each one is translated with
gettext and filled with its parameters."""

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from eligibility.engine import Determination as EngineDetermination
from eligibility.engine.offenses import verify_notes

from .models import Case, Determination, Sentence
from .selectors import latest_determination

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
HEADLINES = {
    "eligible": _("You can ask the court to dismiss this conviction now."),
    "discretionary": _("You can ask the court now. The judge decides."),
    "wait": _("You can ask the court later."),
    "blocked": _("Not yet: something going on now must end first."),
    "not_eligible": _("This conviction cannot be dismissed under these laws."),
}
EXPLANATIONS = {
    "eligible": _(
        "The law says the court must grant the dismissal when you meet these conditions. "
        "The next step is to prepare your papers."
    ),
    "discretionary": _(
        "The judge will decide if a dismissal is fair (“in the interests of justice”). It helps "
        "to explain what you have done since: work, school, family, treatment, volunteering."
    ),
    "wait": _("Only time is missing. You can file on or after %(date)s."),
    "wait_unknown": _(
        "Only time is missing, but we do not know the date it opens. Find out the date your "
        "sentence or probation ended."
    ),
    "blocked": _(
        "You cannot file while this is true. When it changes, come back and update your answers."
    ),
    "not_eligible": _(
        "That does not mean nothing can help. See the other options below, and talk to the clinic."
    ),
}
# The outcome's name for clinic staff, beside the reasons (people read HEADLINES instead).
OUTCOME_NAMES = {
    "eligible": _("Eligible: the court must grant"),
    "discretionary": _("Eligible: the judge decides"),
    "wait": _("Must wait"),
    "blocked": _("Blocked for now"),
    "not_eligible": _("Not eligible"),
}
REMEDY_NAMES = {
    "1203.4": _("Penal Code 1203.4 (you had probation)"),
    "1203.4a": _("Penal Code 1203.4a (misdemeanor or infraction without probation)"),
    "1203.41": _("Penal Code 1203.41 (felony county jail or state prison)"),
    "1203.42": _("Penal Code 1203.42 (state prison before realignment)"),
    "1203.49": _("Penal Code 1203.49 (human trafficking survivors)"),
}
ALTERNATIVES = {
    "certificate_of_rehabilitation": _(
        "A certificate of rehabilitation (Penal Code 4852.01 and following): a court order that "
        "you have been rehabilitated, and a step toward a governor's pardon."
    ),
    "early_termination": _(
        "Asking the court to end your probation early (Penal Code 1203.3). Then you can file."
    ),
    "prop_47": _(
        "Proposition 47 (Penal Code 1170.18): some drug and theft felonies can be changed to "
        "misdemeanors."
    ),
    "prop_64": _(
        "Proposition 64 (Health and Safety Code 11361.8): many cannabis convictions can be "
        "reduced, dismissed or sealed."
    ),
}


@dataclass
class CaseResult:
    case: Case
    determination: Determination | None
    outcome: str = ""
    headline: str = ""
    explanation: str = ""
    remedy_name: str = ""
    form_item: str = ""
    eligible_on: datetime.date | None = None
    reduction_17b: bool = False
    automatic_relief_possible: bool = False
    reasons: list[dict[str, str]] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    counts: list[dict[str, Any]] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    needs_sentence: bool = False


def _param(value: str) -> str:
    """One parameter as the reader reads it: a date (the engine writes ISO dates) in the
    language's own format, one of our marked words (an offense level) translated, the rest as is."""
    if ISO_DATE.fullmatch(value):
        try:
            return formats.date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
        except ValueError:
            return value
    return gettext(value)


def _fill(template: str, params: dict[str, str], fallback: str) -> str:
    """The template in the reader's language, filled in."""
    if not template:
        return fallback
    try:
        return gettext(template) % {name: _param(value) for name, value in params.items()}
    except (KeyError, TypeError, ValueError):
        return fallback


def _translated(translatable: dict[str, Any], kind: str, index: int, english: str) -> str:
    """The index-th reason of a kind in the reader's language, or the stored English."""
    items = translatable.get(kind, [])
    if index >= len(items):
        return english
    return _fill(items[index]["template"], items[index]["params"], english)


def translatable_parts(determination: EngineDetermination) -> dict[str, list[dict[str, Any]]]:
    """The untranslated templates behind a determination's reasons, stored beside its result."""
    return {
        "reasons": [
            {"template": r.template, "params": dict(r.params)} for r in determination.reasons
        ],
        "counts": [
            {"template": c.reason_template, "params": dict(c.reason_params)}
            for c in determination.counts
        ],
    }


def translated_result(
    result: Mapping[str, Any],
    translatable: dict[str, Any],
    interview_assumptions: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """A copy of a screening result for the person: reasons, count reasons and assumptions in
    the active language (the PDF cover uses it; the results page goes through case_results)."""
    return {
        **result,
        "reasons": [
            {"text": _translated(translatable, "reasons", i, r["text"]), "citation": r["citation"]}
            for i, r in enumerate(result["reasons"])
        ],
        "counts": [
            {**count, "reason": _translated(translatable, "counts", i, count["reason"])}
            for i, count in enumerate(result["counts"])
        ],
        "assumptions": [
            _fill(item["template"], item["params"], item["template"])
            for item in interview_assumptions
        ]
        # The catalog's open questions are for clinic staff (the review page shows them all).
        + [gettext(text) for text in result["assumptions"] if text not in verify_notes()],
    }


def staff_result(determination: Determination) -> dict[str, Any]:
    """What the review page shows clinic staff, in their language: the outcome's name, the
    reasons as the person reads them, and every assumption, the offense catalog's open
    questions included (the person's pages leave those out)."""
    result = determination.result
    shown = translated_result(
        result, determination.translatable or {}, determination.interview_assumptions
    )
    open_questions = [gettext(text) for text in result["assumptions"] if text in verify_notes()]
    return {
        "outcome_name": str(OUTCOME_NAMES.get(result["outcome"], result["outcome"])),
        "reasons": shown["reasons"],
        "assumptions": shown["assumptions"] + open_questions,
    }


def case_results(case: Case) -> CaseResult:
    determination = latest_determination(case=case)
    if determination is None:
        return CaseResult(
            case=case, determination=None, needs_sentence=case.sentence == Sentence.UNKNOWN
        )
    result = determination.result
    translatable = determination.translatable or {}
    outcome = result["outcome"]
    eligible_on = (
        datetime.date.fromisoformat(result["eligible_on"]) if result.get("eligible_on") else None
    )
    if outcome == "wait":
        explanation = (
            EXPLANATIONS["wait"] % {"date": eligible_on.strftime("%m/%d/%Y")}
            if eligible_on
            else str(EXPLANATIONS["wait_unknown"])
        )
    else:
        explanation = str(EXPLANATIONS[outcome])
    shown = translated_result(result, translatable, determination.interview_assumptions)
    return CaseResult(
        case=case,
        determination=determination,
        outcome=outcome,
        headline=str(HEADLINES[outcome]),
        explanation=explanation,
        remedy_name=str(REMEDY_NAMES.get(result["remedy"] or "", "")),
        form_item=result["form_item"] or "",
        eligible_on=eligible_on,
        reduction_17b=result["reduction_17b"],
        automatic_relief_possible=result["automatic_relief_possible"],
        reasons=shown["reasons"],
        assumptions=shown["assumptions"],
        counts=shown["counts"],
        alternatives=[str(ALTERNATIVES[a]) for a in result["alternatives"] if a in ALTERNATIVES],
    )
