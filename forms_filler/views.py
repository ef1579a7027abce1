"""The person's packet pages: ask for papers, watch them being made, download, send for review.

Views only move data in and out; forms_filler.services and forms_filler.review do the writes."""

import re
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from eligibility.models import Case
from eligibility.selectors import latest_determination
from eligibility.services import case_set_statement, person_update_details
from expunge_portal.accounts.requests import signed_in_user

from . import review, selectors, services
from .forms import PersonDetailsForm, StatementForm
from .models import PacketVersion, RenderStatus, ReviewStatus
from .packet_input import answers_fingerprint
from .storage import packet_storage

PRIVATE_HEADERS = {"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"}


def _packet_url(case_id: int) -> str:
    return reverse("forms_filler:packet", kwargs={"case_id": case_id})


def _own_case(request: HttpRequest, case_id: int) -> Case:
    """The signed-in person's own case; staff may look but not act on someone's behalf."""
    case = selectors.case_for_viewer(user=signed_in_user(request), case_id=case_id)
    if case.person.owner_id != request.user.pk:
        raise Http404
    return case


def _case_edit_url(case: Case) -> str | None:
    try:
        return reverse("eligibility:case_edit", kwargs={"case_id": case.pk})
    except NoReverseMatch:  # the interview's edit page is not wired on this installation
        return None


def _decided_in_interests_of_justice(case: Case) -> bool:
    determination = latest_determination(case=case)
    return bool(determination and determination.outcome == "discretionary")


def _page_context(request: HttpRequest, case: Case) -> dict[str, object]:
    packet = selectors.packet_for_case(case=case)
    latest = packet.latest_version if packet else None
    state = selectors.render_state(latest)
    is_owner = case.person.owner_id == request.user.pk
    outdated = bool(
        latest
        and is_owner
        and latest.answers_fingerprint != answers_fingerprint(case=case, language=latest.language)
    )
    status = packet.review_status if packet else ReviewStatus.NOT_SUBMITTED
    can_send = bool(state and state.status == RenderStatus.READY and not outdated and is_owner)
    return {
        "case": case,
        "packet": packet,
        "latest": latest,
        "state": state,
        "is_owner": is_owner,
        "outdated": outdated,
        "needs_details": not case.person.full_name.strip(),
        "asks_for_statement": _decided_in_interests_of_justice(case),
        "review_status": ReviewStatus(status),
        "can_submit": can_send
        and review.transition_allowed(status, ReviewStatus.SUBMITTED)
        and status != ReviewStatus.CHANGES_REQUESTED,
        "can_resubmit": can_send and status == ReviewStatus.CHANGES_REQUESTED,
        "can_withdraw": is_owner
        and packet is not None
        and review.transition_allowed(status, ReviewStatus.WITHDRAWN),
        "awaiting_clinic": status in review.AWAITING_CLINIC,
        "case_edit_url": _case_edit_url(case) if status == ReviewStatus.CHANGES_REQUESTED else None,
        "timeline": selectors.timeline_for_person(packet=packet) if packet else [],
        "staff_messages": selectors.messages_for_person(packet=packet) if packet else [],
        "versions": list(packet.versions.all()) if packet else [],
        "status_url": reverse("forms_filler:status", kwargs={"case_id": case.pk}),
    }


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def packet(request: HttpRequest, case_id: int) -> HttpResponse:
    """GET: the packet's status, preview, download and review. POST: make (or reuse) the papers
    for the current answers."""
    if not request.user.is_authenticated:
        # Papers are kept per account: create one (or log in) and the answers come along.
        return redirect_to_login(request.get_full_path(), login_url=reverse("account_signup"))
    if request.method == "POST":
        case = _own_case(request, case_id)
        if not case.person.full_name.strip():
            messages.info(request, _("First, tell us your details for the court papers."))
            return redirect("forms_filler:details", case_id=case.pk)
        try:
            services.packet_request(case=case, user=request.user, language=get_language())
        except services.PacketNotPossible as exc:
            messages.error(request, _(str(exc)))
        return redirect(_packet_url(case.pk))
    case = selectors.case_for_viewer(user=request.user, case_id=case_id)
    return render(request, "forms_filler/packet.html", _page_context(request, case))


@never_cache
@login_required
@require_safe
def packet_status(request: HttpRequest, case_id: int) -> JsonResponse:
    """The status region as JSON, polled by static/js/packet-status.js."""
    case = selectors.case_for_viewer(user=signed_in_user(request), case_id=case_id)
    context = _page_context(request, case)
    state = cast("selectors.RenderState | None", context["state"])
    response = JsonResponse(
        {
            "status": state.status if state else "none",
            "label": state.label if state else "",
            "done": state.done if state else True,
            "retryable": state.retryable if state else False,
            "review_status": str(context["review_status"]),
            "html": render_to_string("forms_filler/_status.html", context, request=request),
            "review_html": render_to_string(
                "forms_filler/_review_actions.html", context, request=request
            ),
        }
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def packet_retry(request: HttpRequest, case_id: int) -> HttpResponse:
    case = selectors.case_for_viewer(user=signed_in_user(request), case_id=case_id)
    packet = selectors.packet_for_case(case=case)
    latest = packet.latest_version if packet else None
    if latest is None:
        raise Http404
    try:
        services.packet_version_retry(version=latest, user=signed_in_user(request))
    except services.RenderRefused as exc:
        messages.error(request, _(str(exc)))
    except PermissionError as exc:
        raise Http404 from exc
    return redirect(_packet_url(case.pk))


def _review_door(request: HttpRequest, case_id: int, door: str) -> HttpResponse:
    case = _own_case(request, case_id)
    packet = selectors.packet_for_case(case=case)
    if packet is None:
        raise Http404
    try:
        if door == "submit":
            event = review.packet_submit(packet=packet, user=signed_in_user(request))
            if event:
                messages.success(request, _("Your papers were sent to the clinic for review."))
            else:
                messages.info(request, _("The clinic already has your papers."))
        elif door == "resubmit":
            event = review.packet_resubmit(packet=packet, user=signed_in_user(request))
            if event:
                messages.success(request, _("Your changed papers were sent to the clinic."))
            else:
                messages.info(request, _("The clinic already has your papers."))
        else:
            review.packet_withdraw(packet=packet, user=signed_in_user(request))
            messages.success(request, _("You took your papers back from review."))
    except review.ReviewRefused as exc:
        messages.error(request, str(exc))
    return redirect(_packet_url(case.pk))


@login_required
@require_POST
def packet_submit(request: HttpRequest, case_id: int) -> HttpResponse:
    return _review_door(request, case_id, "submit")


@login_required
@require_POST
def packet_resubmit(request: HttpRequest, case_id: int) -> HttpResponse:
    return _review_door(request, case_id, "resubmit")


@login_required
@require_POST
def packet_withdraw(request: HttpRequest, case_id: int) -> HttpResponse:
    return _review_door(request, case_id, "withdraw")


def download_filename(version: PacketVersion) -> str:
    """A clean, ASCII-only name such as petition-San-Luis-Obispo-24CR001234-v2.pdf."""

    def clean(text: str) -> str:
        return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")

    case = version.packet.case
    parts = ["petition", clean(case.county), clean(case.case_number), f"v{version.number}"]
    return "-".join(part for part in parts if part) + ".pdf"


def _ready_file(
    request: HttpRequest, case_id: int, number: int, which: str
) -> tuple[PacketVersion, str]:
    """The ready version and the stored name of its `which` file ("file" or "preview"), or 404."""
    version = selectors.version_for_viewer(
        user=signed_in_user(request), case_id=case_id, number=number
    )
    name = getattr(version, which).name
    if version.status != RenderStatus.READY or not name or not packet_storage().exists(name):
        raise Http404
    return version, name


@never_cache
@login_required
@require_safe
def version_download(request: HttpRequest, case_id: int, number: int) -> FileResponse:
    version, name = _ready_file(request, case_id, number, "file")
    response = FileResponse(
        packet_storage().open(name, "rb"),
        as_attachment=True,
        filename=download_filename(version),
        content_type="application/pdf",
    )
    for header, value in PRIVATE_HEADERS.items():
        response[header] = value
    return response


@never_cache
@login_required
@require_safe
def version_preview(request: HttpRequest, case_id: int, number: int) -> FileResponse:
    _version, name = _ready_file(request, case_id, number, "preview")
    response = FileResponse(packet_storage().open(name, "rb"), content_type="image/png")
    for header, value in PRIVATE_HEADERS.items():
        response[header] = value
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def statement(request: HttpRequest, case_id: int) -> HttpResponse:
    """The person's statement to the judge, attached to discretionary petitions."""
    case = _own_case(request, case_id)
    form = StatementForm(request.POST or None, initial={"statement": case.statement})
    if request.method == "POST" and form.is_valid():
        case_set_statement(case=case, statement=form.cleaned_data["statement"])
        messages.success(
            request, _("Your statement is saved. Make your papers again to include it.")
        )
        return redirect(_packet_url(case.pk))
    return render(
        request,
        "forms_filler/statement.html",
        {"form": form, "case": case, "back_url": _packet_url(case.pk)},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def details(request: HttpRequest, case_id: int) -> HttpResponse:
    """The person's details for the court papers' caption and signature."""
    case = _own_case(request, case_id)
    form = PersonDetailsForm(request.POST or None, instance=case.person)
    if request.method == "POST" and form.is_valid():
        person_update_details(
            person=case.person, details={f: form.cleaned_data[f] for f in form.Meta.fields}
        )
        messages.success(request, _("Your details are saved."))
        return redirect(_packet_url(case.pk))
    return render(
        request,
        "forms_filler/details.html",
        {"form": form, "case": case, "back_url": _packet_url(case.pk)},
    )
