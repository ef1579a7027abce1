from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from expunge_portal.accounts.middleware import CLEAR_SITE_DATA

from .facts_from_answers import PERSON_FIELDS
from .forms import TRI_STATE_CHOICES, CurrentStatusForm, tri_state_initial
from .models import Case, Person
from .presentation import person_results
from .selectors import (
    anonymous_work_summary,
    case_for_person,
    cases_for_person,
    interview_in_progress,
    person_for_request,
)
from .services import (
    SituationAnswer,
    anonymous_work_discard,
    anonymous_work_settle,
    case_delete,
    interview_draft_replace,
    person_update_situation,
)
from .wizard import InterviewWizard, wizard_data_for_case

interview = InterviewWizard.as_view(url_name="eligibility:step", done_step_name="finished")


def _owned_case(request: HttpRequest, case_id: int) -> Case:
    person = person_for_request(request=request)
    if person is None:
        raise Http404
    return case_for_person(person=person, case_id=case_id)


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    """Resume the unfinished interview, or begin one."""
    if interview_in_progress(request=request):
        return interview(request)
    return redirect("eligibility:step", step="county")


@require_http_methods(["GET", "POST"])
def new_case(request: HttpRequest) -> HttpResponse:
    """POST: start the questions again for another case (the unfinished draft is discarded).
    GET changes nothing: with unfinished answers it asks first, otherwise it starts."""
    if request.method == "POST":
        interview_draft_replace(user=request.user, session=request.session, data=None)
    elif interview_in_progress(request=request):
        return render(request, "eligibility/new_case.html")
    return redirect("eligibility:step", step="county")


@require_POST
def case_edit(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _owned_case(request, case_id)
    interview_draft_replace(
        user=request.user, session=request.session, data=wizard_data_for_case(case)
    )
    return redirect("eligibility:step", step="check")


@require_http_methods(["GET", "POST"])
def case_remove(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _owned_case(request, case_id)
    if request.method == "POST":
        case_delete(case=case)
        messages.success(request, _("The case was removed."))
        return redirect("eligibility:results")
    return render(request, "eligibility/case_remove.html", {"case": case})


@require_safe
def results(request: HttpRequest) -> HttpResponse:
    person = person_for_request(request=request)
    cases = list(cases_for_person(person=person)) if person else []
    return render(
        request,
        "eligibility/results.html",
        {
            "person": person,
            "results": person_results(cases),
            "situation": _situation_rows(person) if person and cases else [],
            "signup_url": reverse("account_signup") + "?next=" + reverse("eligibility:results"),
        },
    )


def _situation_rows(person: Person) -> list[dict[str, str]]:
    """The person-wide answers as the results page lists them."""
    form = CurrentStatusForm()
    choices = dict(TRI_STATE_CHOICES)
    return [
        {
            "question": str(form.fields[name].label),
            "answer": str(choices[tri_state_initial(getattr(person, name))]),
        }
        for name in PERSON_FIELDS
    ]


@require_http_methods(["GET", "POST"])
def person_situation(request: HttpRequest) -> HttpResponse:
    """Change the questions asked once for all the person's cases; every case is screened
    again with the new answers."""
    person = person_for_request(request=request)
    if person is None:
        raise Http404
    if request.method == "POST":
        form = CurrentStatusForm(request.POST)
        if form.is_valid():
            person_update_situation(person=person, situation=SituationAnswer(**form.cleaned_data))
            messages.success(request, _("Your answers were saved. Your cases were checked again."))
            return redirect("eligibility:results")
    else:
        form = CurrentStatusForm(
            initial={name: tri_state_initial(getattr(person, name)) for name in PERSON_FIELDS}
            if person.situation_answered_at
            else {}
        )
    return render(request, "eligibility/situation.html", {"form": form})


@require_http_methods(["GET", "POST"])
def carry_over(request: HttpRequest) -> HttpResponse:
    """After signing in on a browser where someone answered without an account: add those
    answers to the account only if the person says they are theirs, otherwise discard them."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    summary = anonymous_work_summary(session=request.session)
    next_url = _safe_next(request)
    if summary is None:  # nothing left to ask about (e.g. purged since): stop asking
        anonymous_work_settle(user=request.user, session=request.session, keep=False)
        return redirect(next_url)
    if request.method == "POST":
        keep = request.POST.get("choice") == "add"
        anonymous_work_settle(user=request.user, session=request.session, keep=keep)
        if keep:
            messages.success(request, _("The answers were added to your account."))
        else:
            messages.info(request, _("The answers were discarded."))
        return redirect(next_url)
    return render(
        request, "eligibility/carry_over.html", {"summary": summary, "next_url": next_url}
    )


@require_POST
def finish(request: HttpRequest) -> HttpResponse:
    """ "This is a shared computer: I am done." Deletes what was answered here without an
    account and empties the browser's storage of this site."""
    if request.user.is_authenticated:
        return redirect("account_logout")
    anonymous_work_discard(session=request.session)
    request.session.flush()
    response = redirect("site:home")
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


def _safe_next(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}):
        return candidate
    return reverse("site:dashboard")
