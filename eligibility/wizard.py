"""The interview: a named-URL wizard, one question per page, saved as you go.

Signed-in people's drafts are written to the database at every step (InterviewDraft), so the
interview resumes on any device after the session has expired. Anonymous drafts live in the
session and carry over when the person signs up or logs in (the session survives the login)."""

import functools
import json
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any, cast

from django import forms as django_forms
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from formtools.wizard.storage.session import SessionStorage
from formtools.wizard.views import NamedUrlSessionWizardView, WizardView

from eligibility.engine import offense_names, offenses

from . import forms
from .models import Case, Count, Level, Person, Sentence
from .selectors import case_being_edited, interview_draft_data, person_for_request
from .services import (
    CountAnswer,
    SituationAnswer,
    case_save_from_answers,
    interview_draft_save,
    person_for_anonymous_session,
    person_for_user,
    person_update_details,
)

# (step name in the URL, form class). Order is the interview's order.
STEPS: list[tuple[str, type[django_forms.Form] | type[django_forms.BaseFormSet[Any]]]] = [
    ("county", forms.CountyForm),
    ("case-number", forms.CaseNumberForm),
    ("judgment-date", forms.JudgmentDateForm),
    ("conviction-date", forms.ConvictionDateForm),
    ("offenses", forms.CountFormSet),
    ("sentence", forms.SentenceForm),
    ("prison-term", forms.PrisonSuspendedForm),
    ("supervision", forms.SupervisionForm),
    ("realignment", forms.RealignmentForm),
    ("sentence-end", forms.SentenceEndForm),
    ("released", forms.ReleasedForm),
    ("residence", forms.ResidenceForm),
    ("probation", forms.ProbationHistoryForm),
    ("complied", forms.CompliedForm),
    ("since", forms.NewConvictionForm),
    ("fire-camp", forms.FireCampForm),
    ("right-now", forms.CurrentStatusForm),
    ("trafficking", forms.TraffickingForm),
    ("about-you", forms.AboutYouForm),
    ("check", forms.CheckForm),
]
STEP_NAMES = frozenset(name for name, _ in STEPS)
# Pages about the person, not the case: asked only until answered once (then changed from the
# results page), so whether they are counted is fixed for the whole interview.
PERSON_STEPS = frozenset({"right-now", "about-you"})
CASE_FIELD_STEPS = [name for name, _ in STEPS if name not in {"offenses", "check", *PERSON_STEPS}]
ADD_OFFENSE = "add-offense"  # the name of the offense page's "add another offense" button
EDITING_KEY = "case_id"
RETURN_TO_CHECK_KEY = "return_to_check"
DRAFT_MIRRORED_KEY = "interview_draft_mirrored_for"  # the user whose draft this session wrote


class DraftStorage(SessionStorage):
    """Session storage that mirrors a signed-in person's draft into the database.

    formtools marks the session modified whenever the wizard reads its data, so every page view
    would write the session (and the draft); here both are written only when the data changed
    (an answer, a move to another step), or once when the draft is first mirrored for a person
    (just signed in with an interview in progress)."""

    def __init__(self, prefix: str, request: HttpRequest, file_storage: Any = None) -> None:
        super().__init__(prefix, request, file_storage)
        user = request.user
        if user.is_authenticated and self.data.get(self.step_key) is None:
            draft = interview_draft_data(user=user)
            if draft and draft.get(self.step_key):
                self.data = draft
        self._saved = json.dumps(self.data, sort_keys=True)

    def _get_data(self) -> dict[str, Any]:
        return self.request.session[self.prefix]

    data = property(_get_data, SessionStorage._set_data)

    def update_response(self, response: HttpResponse) -> None:
        super().update_response(response)
        session = self.request.session
        changed = json.dumps(self.data, sort_keys=True) != self._saved
        if changed:
            session.modified = True
        user = self.request.user
        if not user.is_authenticated:
            return
        if not changed and session.get(DRAFT_MIRRORED_KEY) == user.pk:
            return
        session[DRAFT_MIRRORED_KEY] = user.pk
        empty = self.data.get(self.step_key) is None and not self.data.get(self.step_data_key)
        interview_draft_save(user=user, data=None if empty else self.data)


def _answer(wizard: "InterviewWizard", step: str, field: str) -> Any:
    data = wizard.storage.get_step_data(step)
    if data is None:
        return None
    return data.get(f"{step}-{field}")


def _sentence(wizard: "InterviewWizard") -> str | None:
    return _answer(wizard, "sentence", "sentence")


def _typed_offenses(wizard: "InterviewWizard") -> list[tuple[str, str]]:
    data = wizard.storage.get_step_data("offenses")
    if data is None:
        return []
    rows = []
    for index in range(20):
        offense = (data.get(f"offenses-{index}-offense") or "").strip()
        if offense:
            rows.append((offense, data.get(f"offenses-{index}-level") or ""))
    return rows


def _may_have_felony(wizard: "InterviewWizard") -> bool:
    return any(level in {Level.FELONY, Level.UNKNOWN} for _, level in _typed_offenses(wizard))


def _has_647b(wizard: "InterviewWizard") -> bool:
    for typed, _level in _typed_offenses(wizard):
        for match in offense_names.resolve(typed).matches:
            if match.code == "PC" and match.section.startswith("647(b)"):
                return True
    return False


CUSTODY_SENTENCES = {Sentence.COUNTY_JAIL, Sentence.STATE_PRISON}
# After deferred entry of judgment there is no sentence to carry out and no judgment to be
# convicted since: only the dismissal and its date matter (PC 1203.43).
DEJ = Sentence.DEFERRED_ENTRY_OF_JUDGMENT

CONDITIONS = {
    "prison-term": lambda w: _sentence(w) == Sentence.PROBATION and _may_have_felony(w),
    "supervision": lambda w: _sentence(w) == Sentence.COUNTY_JAIL,
    "realignment": lambda w: _sentence(w) == Sentence.STATE_PRISON,
    "sentence-end": lambda w: (
        _sentence(w) in {Sentence.PROBATION, Sentence.COUNTY_JAIL, Sentence.STATE_PRISON, DEJ}
    ),
    "probation": lambda w: _sentence(w) == Sentence.PROBATION,
    # The certificate of rehabilitation's dates (PC 4852.03(a), 4852.06).
    "released": lambda w: _sentence(w) == Sentence.STATE_PRISON,
    "residence": lambda w: _sentence(w) == Sentence.STATE_PRISON,
    "complied": lambda w: _sentence(w) != DEJ,
    "since": lambda w: _sentence(w) != DEJ,
    "fire-camp": lambda w: _sentence(w) in CUSTODY_SENTENCES,
    "trafficking": _has_647b,
    "right-now": lambda w: not w.person_has_situation(),
    "about-you": lambda w: not w.person_has_details(),
}


class InterviewWizard(NamedUrlSessionWizardView):
    storage_name = "eligibility.wizard.DraftStorage"
    form_list = STEPS
    condition_dict = CONDITIONS
    template_name = "eligibility/step.html"

    def get_prefix(self, request: HttpRequest, *args: Any, **kwargs: Any) -> str:
        return "interview"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.person = person_for_request(request=request)
        return super().dispatch(request, *args, **kwargs)

    def person_has_details(self) -> bool:
        return bool(self.person and self.person.full_name)

    def person_has_situation(self) -> bool:
        return bool(self.person and self.person.situation_answered_at)

    # --- forms --------------------------------------------------------------------------------
    def get_form_kwargs(self, step: str | None = None) -> dict[str, Any]:
        if step == "conviction-date":
            judgment = self.get_cleaned_data_for_step("judgment-date") or {}
            return {"judgment_date": judgment.get("judgment_date")}
        if step == "sentence-end":
            judgment = self.get_cleaned_data_for_step("judgment-date") or {}
            return {
                "sentence": _sentence(self) or "",
                "judgment_date": judgment.get("judgment_date"),
            }
        if step == "released":
            judgment = self.get_cleaned_data_for_step("judgment-date") or {}
            end = self.get_cleaned_data_for_step("sentence-end") or {}
            return {
                "judgment_date": judgment.get("judgment_date"),
                "sentence_end_date": end.get("sentence_end_date"),
            }
        return {}

    # --- navigation ---------------------------------------------------------------------------
    def _applicable_from(self, step: str) -> str:
        """The first step from `step` on that applies now (a page can stop applying, e.g. "about
        you" once the details were given in another tab)."""
        names = [name for name, _ in STEPS]
        applicable = self.get_form_list()
        for name in names[names.index(step) :]:
            if name in applicable:
                return name
        return self.steps.first

    def _redirect_if_not_applicable(self, step: str | None) -> HttpResponse | None:
        if step not in STEP_NAMES or step in self.get_form_list():
            return None
        target = self._applicable_from(step)
        self.storage.current_step = target
        return redirect(self.get_step_url(target))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # An old page sent again for a question that no longer applies: show the one that does.
        posted = request.POST.get(f"{self.prefix}-current_step")
        if posted is not None and posted not in STEP_NAMES:
            # A tampered form naming no question (e.g. "finished"): 400, like a missing one.
            raise SuspiciousOperation("The interview form names no question.")
        skipped = self._redirect_if_not_applicable(posted)
        if skipped:
            return skipped
        if posted == "offenses" and ADD_OFFENSE in request.POST:
            return self._add_offense_row(request)
        return super().post(request, *args, **kwargs)

    def _add_offense_row(self, request: HttpRequest) -> HttpResponse:
        """The offense page again with one more empty row (no JavaScript needed): the rows
        typed so far are kept, as answers are everywhere, but not checked yet."""
        self.storage.current_step = "offenses"
        self.storage.set_step_data("offenses", request.POST)
        try:
            shown = int(request.POST.get("offenses-TOTAL_FORMS", "1"))
        except ValueError:
            shown = 1
        rows = [
            {
                "offense": request.POST.get(f"offenses-{index}-offense", ""),
                "level": request.POST.get(f"offenses-{index}-level", ""),
            }
            for index in range(max(1, min(shown, forms.CountFormSet.max_num - 1)))
        ]
        formset = forms.CountFormSet(prefix="offenses", initial=rows)
        return self.render(formset)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if kwargs.get("step") == self.done_step_name:
            # Saving happens on the POST of "check your answers", never on a GET.
            return redirect(self.get_step_url("check"))
        skipped = self._redirect_if_not_applicable(kwargs.get("step"))
        if skipped:
            return skipped
        if request.GET.get("return") == "check":
            self.storage.extra_data = {**self.storage.extra_data, RETURN_TO_CHECK_KEY: True}
        return super().get(request, *args, **kwargs)

    def render_done(self, form: Any, **kwargs: Any) -> HttpResponse:
        return WizardView.render_done(self, form, **kwargs)

    def render_next_step(self, form: Any, **kwargs: Any) -> HttpResponse:
        if self.storage.extra_data.get(RETURN_TO_CHECK_KEY) and self._all_steps_valid():
            extra = dict(self.storage.extra_data)
            extra.pop(RETURN_TO_CHECK_KEY)
            self.storage.extra_data = extra
            return self.render_goto_step("check")
        return super().render_next_step(form, **kwargs)

    def _all_steps_valid(self) -> bool:
        for step in self.get_form_list():
            if step == "check":
                continue
            data = self.storage.get_step_data(step)
            if data is None or not self.get_form(step=step, data=data).is_valid():
                return False
        return True

    def get_context_data(self, form: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(form=form, **kwargs)
        steps = list(self.get_form_list())
        number, total = self._step_position()
        context.update(
            step_number=number,
            step_total=total,
            step_percent=round(100 * number / total),
            back_url=self.get_step_url(self.steps.prev) if self.steps.prev else None,
            editing=bool(self.storage.extra_data.get(EDITING_KEY)),
            offense_datalist=_offense_datalist() if self.steps.current == "offenses" else "",
        )
        if self.steps.current == "check":
            context["answers"] = self._answers_for_check(steps)
        return context

    def _step_position(self) -> tuple[int, int]:
        """ "Step N of M" that does not jump as answers change: M counts every case question,
        whether or not the answers so far skip it, so it stays the same through the interview;
        N is the current page's place among them, so it only moves forward."""
        applicable = self.get_form_list()
        counted = [name for name, _ in STEPS if name not in PERSON_STEPS or name in applicable]
        current = self.steps.current
        return counted.index(current) + 1 if current in counted else 1, len(counted)

    def _answers_for_check(self, steps: list[str]) -> list[dict[str, Any]]:
        """Each answered question with its shown answer and a link to change it."""
        rows = []
        for step in steps:
            if step == "check":
                continue
            form = self.get_form(step=step, data=self.storage.get_step_data(step))
            if not form.is_valid():
                continue
            change_url = self.get_step_url(step) + "?return=check"
            if step == "offenses":
                for index, row in enumerate(r for r in form.cleaned_data if r.get("offense")):
                    citation = offenses.format_citation(
                        offenses.ParsedCitation(row["code"], row["section"], row["attempt"])
                    )
                    typed = row["offense"]
                    parsed = offenses.parse_citation(typed)
                    shown = typed if parsed and str(parsed) == citation else f"{typed} ({citation})"
                    rows.append(
                        {
                            "question": f"{form.title} ({index + 1})",
                            "answer": f"{shown} · {Level(row['level']).label}",
                            "url": change_url,
                        }
                    )
                continue
            for name, field in form.fields.items():
                rows.append(
                    {
                        "question": field.label,
                        "answer": _shown_answer(form, name),
                        "url": change_url,
                    }
                )
        return rows

    # --- finishing ----------------------------------------------------------------------------
    def done(
        self, form_list: Any, form_dict: "OrderedDict[str, Any]", **kwargs: Any
    ) -> HttpResponse:
        answers: dict[str, Any] = {}
        for step in CASE_FIELD_STEPS:
            if step in form_dict:
                answers.update(form_dict[step].cleaned_data)
        situation = (
            SituationAnswer(**form_dict["right-now"].cleaned_data)
            if "right-now" in form_dict
            else None
        )
        # A question that did not apply (a skipped step) is a "no", never an "I don't know".
        for step, form_class in STEPS:
            if step in CASE_FIELD_STEPS and step not in form_dict:
                assert issubclass(form_class, django_forms.Form)  # noqa: S101  (not the formset)
                for name, field in form_class.base_fields.items():
                    answers[name] = False if isinstance(field, forms.TriStateField) else None
        counts = [
            CountAnswer(
                typed=row["offense"],
                level=row["level"],
                code=row["code"],
                section=row["section"],
                attempt=row["attempt"],
            )
            for row in form_dict["offenses"].cleaned_data
            if row.get("offense")
        ]
        with transaction.atomic():
            person = self._person_for_saving()
            if "about-you" in form_dict:
                details = {k: v for k, v in form_dict["about-you"].cleaned_data.items() if v}
                person_update_details(person=person, details=details)
            editing_id = self.storage.extra_data.get(EDITING_KEY)
            existing = case_being_edited(person=person, case_id=editing_id)
            case = case_save_from_answers(
                person=person, answers=answers, counts=counts, case=existing, situation=situation
            )
        return redirect(reverse("eligibility:results") + f"#case-{case.pk}")

    def _person_for_saving(self) -> Person:
        if self.request.user.is_authenticated:
            return person_for_user(user=self.request.user)
        return person_for_anonymous_session(session=self.request.session)


def _offense_datalist() -> SafeString:
    """The catalog as suggestions for the offense boxes (a native datalist: no JavaScript), in
    the current language."""
    from django.utils.translation import get_language

    return _offense_datalist_in((get_language() or "").startswith("es"))


@functools.cache
def _offense_datalist_in(spanish: bool) -> SafeString:
    """The datalist's options, rendered once per language (the catalog is loaded once too)."""
    return format_html_join(
        "",
        '<option value="{} {}">{}</option>',
        ((o.code, o.section, o.title_es if spanish else o.title_en) for o in offenses.catalog()),
    )


def wizard_data_for_case(case: Case) -> dict[str, Any]:
    """The wizard's stored data for an existing case, so editing starts at "check your answers"
    with every answer filled in, as if the person had just typed them."""
    step_data: dict[str, dict[str, list[str]]] = {}
    for step, form_class in STEPS:
        if step in CASE_FIELD_STEPS:
            assert issubclass(form_class, django_forms.Form)  # noqa: S101  (not the formset)
            step_data[step] = {
                f"{step}-{name}": [_raw_value(field, getattr(case, name))]
                for name, field in form_class.base_fields.items()
                if not (isinstance(field, django_forms.BooleanField) and not getattr(case, name))
            }
    counts = list(case.counts.all())
    rows = max(len(counts), 1)
    offenses_data = {
        "offenses-TOTAL_FORMS": [str(rows)],
        "offenses-INITIAL_FORMS": ["0"],
        "offenses-MIN_NUM_FORMS": ["0"],
        "offenses-MAX_NUM_FORMS": ["20"],
    }
    for index, count in enumerate(counts):
        offenses_data[f"offenses-{index}-offense"] = [count.typed]
        offenses_data[f"offenses-{index}-level"] = [count.level]
        if count.section:  # the choice made when the typed name fit several offenses
            offenses_data[f"offenses-{index}-choice"] = [_choice_for(count)]
    step_data["offenses"] = offenses_data
    step_data["check"] = {}
    return {
        "step": "check",
        "step_data": step_data,
        "step_files": {},
        "extra_data": {EDITING_KEY: case.pk},
    }


def _choice_for(count: Count) -> str:
    resolution = offense_names.resolve(count.typed)
    if resolution.unsure is not None and (resolution.unsure.code, resolution.unsure.section) == (
        count.code,
        count.section,
    ):
        return forms.UNSURE_CHOICE
    return offenses.format_citation(
        offenses.ParsedCitation(count.code, count.section, count.attempt)
    )


def _raw_value(field: Any, value: Any) -> str:
    if isinstance(field, forms.TriStateField):
        return forms.tri_state_initial(value)
    if isinstance(field, django_forms.BooleanField):
        return "on"
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _shown_answer(form: Any, name: str) -> str:
    from django.utils.formats import date_format
    from django.utils.translation import gettext

    value = form.cleaned_data.get(name)
    field = form.fields[name]
    if isinstance(field, forms.TriStateField):
        # A TriStateField's choices are the (value, label) pairs it was given.
        choices = cast("Iterable[tuple[str, object]]", field.choices)
        return str(dict(choices)[forms.tri_state_initial(value)])
    if value in (None, ""):
        return gettext("Not given")
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if hasattr(value, "isoformat"):
        return date_format(value, "DATE_FORMAT")
    choices = dict(getattr(field, "choices", ()))
    return str(choices.get(value, value))
