from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from .models import Case
from .presentation import case_results
from .selectors import (
    case_for_person,
    cases_for_person,
    interview_in_progress,
    person_for_request,
)
from .services import case_delete, interview_draft_replace
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


@require_safe
def new_case(request: HttpRequest) -> HttpResponse:
    """Start the questions again for another case (the unfinished draft is discarded)."""
    interview_draft_replace(user=request.user, session=request.session, data=None)
    return redirect("eligibility:step", step="county")


@require_safe
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
            "results": [case_results(case) for case in cases],
            "signup_url": reverse("account_signup") + "?next=" + reverse("eligibility:results"),
        },
    )
