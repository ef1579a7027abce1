from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from .models import InterviewDraft
from .presentation import case_results
from .selectors import case_for_person, cases_for_person, person_for_request
from .services import case_delete
from .wizard import InterviewWizard, wizard_data_for_case

WIZARD_SESSION_KEY = "wizard_interview"

interview = InterviewWizard.as_view(url_name="eligibility:step", done_step_name="finished")


def _owned_case(request: HttpRequest, case_id: int):
    from django.http import Http404

    person = person_for_request(request=request)
    if person is None:
        raise Http404
    return case_for_person(person=person, case_id=case_id)


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    """Resume the unfinished interview, or begin one."""
    return redirect("eligibility:step", step="county") if _fresh(request) else interview(request)


def _fresh(request: HttpRequest) -> bool:
    stored = request.session.get(WIZARD_SESSION_KEY) or {}
    if stored.get("step"):
        return False
    if request.user.is_authenticated:
        return not InterviewDraft.objects.filter(owner=request.user).exists()
    return True


@require_safe
def new_case(request: HttpRequest) -> HttpResponse:
    """Start the questions again for another case (the unfinished draft is discarded)."""
    request.session.pop(WIZARD_SESSION_KEY, None)
    if request.user.is_authenticated:
        InterviewDraft.objects.filter(owner=request.user).delete()
    return redirect("eligibility:step", step="county")


@require_safe
def case_edit(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _owned_case(request, case_id)
    request.session[WIZARD_SESSION_KEY] = wizard_data_for_case(case)
    if request.user.is_authenticated:
        InterviewDraft.objects.update_or_create(
            owner=request.user, defaults={"data": request.session[WIZARD_SESSION_KEY]}
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
