"""Turn a stored determination into what the results page says, in the reader's language.

The engine writes English templates marked for translation; here each one is translated with
gettext and filled with its parameters."""

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import formats
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from eligibility.engine import CertificateStatus, Outcome, certificate_of_rehabilitation
from eligibility.engine import Determination as EngineDetermination
from eligibility.engine.offenses import verify_notes
from expunge_portal.guide.court_data import court_record

from .calendar import today_in_california
from .facts_from_answers import case_to_facts, certificate_dates
from .models import Case, Determination, Sentence
from .selectors import latest_determination

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Outcomes a petition can be filed for today; papers are made for these only.
FILABLE_OUTCOMES = frozenset({"eligible", "discretionary"})
# Outcomes that may become filable later ("not yet"): the packet page offers a reminder instead
# of papers, and the person is told when they can file.
WAITING_OUTCOMES = frozenset({"wait", "blocked"})
HEADLINES = {
    "eligible": _("You can ask the court to dismiss this conviction now."),
    "discretionary": _("You can ask the court now. The judge decides."),
    "wait": _("You can ask the court later."),
    "blocked": _("Not yet: something must end first."),
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
HEADLINE_BLOCKED_ELSEWHERE = _("Not yet: another of your cases must end first.")
BLOCKED_BY = {
    True: _("Blocked by the probation in your case for %(case)s."),
    False: _("Blocked by the sentence in your case for %(case)s."),
}
FILE_FROM = _("You can file from %(date)s.")
FILE_FROM_UNKNOWN = _(
    "You can file from the day after it ends. When you know that date, change the answers of "
    "that case to see it here."
)
# The one-line status of each case in the summary at the top of the results.
SUMMARY = {
    "eligible": _("You can file now."),
    "discretionary": _("You can file now. The judge decides."),
    "wait": _("Later: you can file from %(date)s."),
    "wait_unknown": _("Later: only time is missing."),
    "blocked": _("Not yet: you can file from %(date)s."),
    "blocked_unknown": _("Not yet: something must end first."),
    "not_eligible": _("Cannot be dismissed under these laws."),
    "needs_sentence": _("We need to know your sentence."),
}
# Engine sentences that speak of relief as of right; while the case waits or is blocked they
# would contradict "not yet", so the person reads them in the future tense.
NOT_YET_WORDING = {
    "The conditions of probation were fulfilled for the entire period, so dismissal is a "
    "right.": gettext_noop(
        "The conditions of probation were fulfilled for the entire period, so dismissal will "
        "be a right once nothing else stands in the way."
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
    "1203.43": _("Penal Code 1203.43 (deferred entry of judgment)"),
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


CERTIFICATE_HEADLINES = {
    CertificateStatus.CAN_FILE: _("You can ask for a certificate of rehabilitation now."),
    CertificateStatus.WAIT: _("You can ask for a certificate of rehabilitation from %(date)s."),
    CertificateStatus.UNKNOWN: _(
        "We cannot tell yet when you can ask for a certificate of rehabilitation."
    ),
    CertificateStatus.BARRED: _("A certificate of rehabilitation is not open for this case."),
}


@dataclass
class CertificateView:
    """The certificate of rehabilitation for a case whose route it is, as the results page
    shows it: the earliest filing day (or why there is none), and the county's own form."""

    status: str
    headline: str
    earliest: datetime.date | None
    reasons: list[dict[str, str]]
    assumptions: list[str]
    county: str
    county_form: str  # "" when the court data names none: the page says to ask the clerk

    @property
    def barred(self) -> bool:
        return self.status == CertificateStatus.BARRED


def certificate_view(case: Case, determination: Determination) -> CertificateView | None:
    """Worked out when the page is read, from the stored answers: the filing day moves from
    "wait" to "now" with the calendar, not with a new screening."""
    outcome = Outcome(determination.result["outcome"])
    if case.sentence != Sentence.STATE_PRISON and outcome is not Outcome.NOT_ELIGIBLE:
        return None  # not the certificate's route (the engine says the same, at more cost)
    facts, _assumptions = case_to_facts(case)
    released_on, resident_since = certificate_dates(case)
    person = case.person
    found = certificate_of_rehabilitation(
        facts,
        outcome=outcome,
        released_on=released_on,
        resident_since=resident_since,
        as_of=today_in_california(),
        registrant=person.registrant,
        on_supervision_now=person.on_supervision_now,
    )
    if found is None:
        return None
    headline = str(CERTIFICATE_HEADLINES[found.status])
    if found.earliest_filing_date is not None and found.status is CertificateStatus.WAIT:
        headline = headline % {"date": _date(found.earliest_filing_date)}
    record = court_record(county=case.county)
    form = record.certificate_form.value if record and record.certificate_form.known else None
    return CertificateView(
        status=str(found.status),
        headline=headline,
        earliest=found.earliest_filing_date,
        reasons=[
            {"text": _fill(r.template, dict(r.params), r.text), "citation": r.citation}
            for r in found.reasons
        ],
        assumptions=[gettext(text) for text in found.assumptions],
        county=case.county,
        county_form=form or "",
    )


@dataclass(frozen=True)
class Route:
    """Another route named beside the result: what it is, the section, and its guide page."""

    text: str
    citation: str
    guide_slug: str = ""  # "": no guide page (early termination is explained in the text)


# The routes beside a dismissal (issue 19, part 4), each with its section and its guide page.
ROUTES = {
    "certificate_of_rehabilitation": ("PC 4852.01", "certificate-of-rehabilitation"),
    "early_termination": ("PC 1203.3", ""),
    "prop_47": ("PC 1170.18", "prop-47"),
    "prop_64": ("HS 11361.8", "prop-64"),
    "trafficking_vacatur": ("PC 236.14", "trafficking-survivors"),
    "fire_camp": ("PC 1203.4b", "fire-camp"),
}
# Routes the interview's answers point to, beside those the engine names: the engine's contract
# has no field for them (contracts/screening.md), so they are read from the case's answers.
ANSWER_ROUTES = {
    "trafficking_vacatur": _(
        "Vacating a conviction for a survivor of human trafficking (Penal Code 236.14): for an "
        "offense that was a direct result of being trafficked. You do not need to have finished "
        "probation."
    ),
    "fire_camp": _(
        "Relief for people who served on a fire crew or at a fire camp while in custody (Penal "
        "Code 1203.4b)."
    ),
}


def routes_for(case: Case, engine_alternatives: Sequence[str]) -> list[Route]:
    """The routes beside this case's result: the engine's alternatives, then the ones the answers
    point to (a "yes" only: "I don't know" points nowhere)."""
    texts = {**ALTERNATIVES, **ANSWER_ROUTES}
    codes = [code for code in engine_alternatives if code in ALTERNATIVES]
    if case.trafficking_victim is True:
        codes.append("trafficking_vacatur")
    if case.fire_camp is True:
        codes.append("fire_camp")
    return [Route(str(texts[code]), *ROUTES[code]) for code in codes]


@dataclass
class CaseResult:
    case: Case
    determination: Determination | None
    label: str = ""
    summary: str = ""
    blocked_by: list[str] = field(default_factory=list)
    outcome: str = ""
    headline: str = ""
    explanation: str = ""
    remedy_name: str = ""
    form_item: str = ""
    eligible_on: datetime.date | None = None
    reduction_17b: bool = False
    reduction_17d2: bool = False
    automatic_relief_possible: bool = False
    reasons: list[dict[str, str]] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    counts: list[dict[str, Any]] = field(default_factory=list)
    alternatives: list[Route] = field(default_factory=list)
    needs_sentence: bool = False
    certificate: CertificateView | None = None

    @property
    def can_file(self) -> bool:
        return self.outcome in FILABLE_OUTCOMES

    @property
    def is_waiting(self) -> bool:
        return self.outcome in WAITING_OUTCOMES


def _param(name: str, value: str, case_names: Mapping[str, str]) -> str:
    """One parameter as the reader reads it: another case (the engine names it by its id) by
    what the person calls it, a date (the engine writes ISO dates) in the language's own format,
    one of our marked words (an offense level) translated, the rest as is."""
    if name == "case" and value in case_names:
        return case_names[value]
    if ISO_DATE.fullmatch(value):
        try:
            return formats.date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
        except ValueError:
            return value
    return gettext(value)


def _fill(
    template: str,
    params: dict[str, str],
    fallback: str,
    case_names: Mapping[str, str] | None = None,
) -> str:
    """The template in the reader's language, filled in."""
    if not template:
        return fallback
    names = case_names or {}
    try:
        return gettext(template) % {
            name: _param(name, value, names) for name, value in params.items()
        }
    except (KeyError, TypeError, ValueError):
        return fallback


def _translated(
    translatable: dict[str, Any],
    kind: str,
    index: int,
    english: str,
    case_names: Mapping[str, str] | None = None,
    not_yet: bool = False,
) -> str:
    """The index-th reason of a kind in the reader's language, or the stored English."""
    items = translatable.get(kind, [])
    if index >= len(items):
        return english
    template = items[index]["template"]
    if not_yet:
        template = NOT_YET_WORDING.get(template, template)
    return _fill(template, items[index]["params"], english, case_names)


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
    interview_assumptions: list[dict[str, Any]] = (),  # type: ignore[assignment]
    case_names: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """A copy of a screening result for the person: reasons, count reasons and assumptions in
    the active language (the PDF cover uses it; the results page goes through case_results).
    ``case_names``: what the person calls each of their cases, by the engine's case id."""
    not_yet = result["outcome"] in WAITING_OUTCOMES
    return {
        **result,
        "reasons": [
            {
                "text": _translated(
                    translatable, "reasons", i, r["text"], case_names, not_yet=not_yet
                ),
                "citation": r["citation"],
            }
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


def case_name(case: Case) -> str:
    """What the person calls a case: its first offense as they typed it, and where it was,
    e.g. "DUI (Los Angeles County, 24TR9)"."""
    counts = list(case.counts.all())
    where = (
        gettext("%(county)s County, %(number)s")
        % {"county": case.county, "number": case.case_number}
        if case.case_number
        else gettext("%(county)s County") % {"county": case.county}
    )
    if not counts:
        return where
    return f"{counts[0].typed} ({where})"


def person_results(cases: Sequence[Case]) -> list[CaseResult]:
    """Each of a person's cases as the results page shows it, blockers named by the person's
    own words for the other cases."""
    names = {str(case.pk): case_name(case) for case in cases}
    by_id = {str(case.pk): case for case in cases}
    return [case_results(case, case_names=names, cases_by_id=by_id) for case in cases]


def _date(value: datetime.date) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def case_results(
    case: Case,
    *,
    case_names: Mapping[str, str] | None = None,
    cases_by_id: Mapping[str, Case] | None = None,
) -> CaseResult:
    names = case_names or {str(case.pk): case_name(case)}
    label = names.get(str(case.pk)) or case_name(case)
    determination = latest_determination(case=case)
    if determination is None:
        return CaseResult(
            case=case,
            determination=None,
            label=label,
            summary=str(SUMMARY["needs_sentence"]),
            needs_sentence=case.sentence == Sentence.UNKNOWN,
        )
    result = determination.result
    translatable = determination.translatable or {}
    outcome = result["outcome"]
    eligible_on = (
        datetime.date.fromisoformat(result["eligible_on"]) if result.get("eligible_on") else None
    )
    blockers = [
        cases_by_id[case_id]
        for case_id in result.get("blocked_by", [])
        if cases_by_id and case_id in cases_by_id
    ]
    blocked_by = [
        str(BLOCKED_BY[other.sentence == Sentence.PROBATION])
        % {"case": names.get(str(other.pk), "")}
        for other in blockers
    ]
    headline = str(HEADLINES[outcome])
    if outcome == "wait":
        explanation = (
            EXPLANATIONS["wait"] % {"date": eligible_on.strftime("%m/%d/%Y")}
            if eligible_on
            else str(EXPLANATIONS["wait_unknown"])
        )
    elif outcome == "blocked":
        opens = FILE_FROM % {"date": _date(eligible_on)} if eligible_on else ""
        if blocked_by:
            headline = str(HEADLINE_BLOCKED_ELSEWHERE)
            explanation = " ".join([*blocked_by, opens or str(FILE_FROM_UNKNOWN)])
        else:
            explanation = " ".join(filter(None, [str(EXPLANATIONS["blocked"]), opens]))
    else:
        explanation = str(EXPLANATIONS[outcome])
    if outcome not in WAITING_OUTCOMES:
        summary = str(SUMMARY[outcome])
    elif eligible_on is None:
        summary = str(SUMMARY[f"{outcome}_unknown"])
    else:
        summary = str(SUMMARY[outcome]) % {"date": _date(eligible_on)}
    if blocked_by:
        summary = " ".join([summary, *blocked_by])
    shown = translated_result(result, translatable, determination.interview_assumptions, names)
    certificate = certificate_view(case, determination)
    # The certificate's own section says more (and says so when it is barred): not listed twice.
    alternatives = [
        a
        for a in result["alternatives"]
        if not (certificate and a == "certificate_of_rehabilitation")
    ]
    return CaseResult(
        case=case,
        determination=determination,
        label=label,
        summary=summary,
        blocked_by=blocked_by,
        outcome=outcome,
        headline=headline,
        explanation=explanation,
        remedy_name=str(REMEDY_NAMES.get(result["remedy"] or "", "")),
        form_item=result["form_item"] or "",
        eligible_on=eligible_on,
        reduction_17b=result["reduction_17b"],
        reduction_17d2=bool(result.get("reduction_17d2")),
        automatic_relief_possible=result["automatic_relief_possible"],
        reasons=shown["reasons"],
        assumptions=shown["assumptions"],
        counts=shown["counts"],
        alternatives=routes_for(case, alternatives),
        certificate=certificate,
    )
