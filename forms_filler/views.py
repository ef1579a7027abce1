"""The person's packet pages: ask for papers, watch them being made, download, send for review.

Views only move data in and out; forms_filler.services and forms_filler.review do the writes."""

import re
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from eligibility.models import Case
from eligibility.presentation import case_results
from eligibility.services import case_set_statement, person_update_details
from expunge_portal.accounts.requests import signed_in_user
from expunge_portal.accounts.roles import is_clinic_staff

from . import reminders, review, selectors, services, storage
from .forms import PersonDetailsForm, ReplyForm, StatementForm
from .models import Packet, PacketVersion, PaperAccess, RenderStatus, ReviewStatus
from .packet_input import packet_language

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


def _page_context(
    request: HttpRequest, case: Case, reply_form: ReplyForm | None = None
) -> dict[str, object]:
    packet = selectors.packet_for_case(case=case)
    latest = packet.latest_version if packet else None
    state = selectors.render_state(latest)
    is_owner = case.person.owner_id == request.user.pk
    result = case_results(case)
    versions = list(packet.versions.all()) if packet else []
    not_to_file = selectors.versions_not_to_file(
        case=case, versions=versions, can_file=result.can_file
    )
    # The newest papers no longer fit: they stay downloadable, marked "do not file".
    do_not_file = bool(latest and latest.number in not_to_file)
    # Answers changed but the case can still be filed: new papers can be made.
    outdated = do_not_file and result.can_file and is_owner
    status = packet.review_status if packet else ReviewStatus.NOT_SUBMITTED
    can_send = bool(state and state.status == RenderStatus.READY and not do_not_file and is_owner)
    changes_requested = status == ReviewStatus.CHANGES_REQUESTED
    return {
        "case": case,
        "packet": packet,
        "latest": latest,
        "state": state,
        "is_owner": is_owner,
        "result": result,
        "can_make": result.can_file and is_owner,
        "do_not_file": do_not_file,
        "outdated": outdated,
        "needs_details": not case.person.full_name.strip(),
        "asks_for_statement": result.outcome == "discretionary",
        "review_status": ReviewStatus(status),
        "can_submit": can_send
        and review.transition_allowed(status, ReviewStatus.SUBMITTED)
        and not changes_requested,
        # After a change request one button makes the new papers and sends them back.
        "can_remake_and_resend": is_owner and changes_requested and result.can_file,
        "resend_pending": bool(packet and packet.resend_when_ready),
        "can_withdraw": is_owner
        and packet is not None
        and review.transition_allowed(status, ReviewStatus.WITHDRAWN),
        "awaiting_clinic": status in review.AWAITING_CLINIC,
        "case_edit_url": _case_edit_url(case) if changes_requested else None,
        "timeline": selectors.timeline_for_person(packet=packet) if packet else [],
        "conversation": selectors.messages_for_person(packet=packet) if packet else [],
        "can_reply": is_owner and status in review.SENT_FOR_REVIEW,
        "reply_form": reply_form or ReplyForm(),
        "versions": versions,
        "not_to_file": not_to_file,
        "reminder_dates": reminders.reminder_dates(case=case) if result.is_waiting else None,
        "pending_reminders": list(reminders.pending_reminders(case=case))
        if result.is_waiting
        else [],
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
        if not case.person.full_name.strip() and services.case_is_filable(case):
            messages.info(request, _("First, tell us your details for the court papers."))
            return redirect("forms_filler:details", case_id=case.pk)
        try:
            services.packet_request(case=case, user=request.user, language=get_language())
        except services.PacketNotPossible as exc:
            messages.error(request, _(str(exc)))
        return redirect(_packet_url(case.pk))
    case = selectors.case_for_viewer(user=request.user, case_id=case_id)
    context = _page_context(request, case)
    shown = cast("Packet | None", context["packet"])
    _record_staff_look(request, case, shown, PaperAccess.Kind.PACKET_PAGE)
    return render(request, "forms_filler/packet.html", context)


def _record_staff_look(
    request: HttpRequest, case: Case, packet: Packet | None, kind: str, number: int | None = None
) -> None:
    """A look at someone else's papers (only staff get this far) goes to the trail."""
    if packet is not None and case.person.owner_id != request.user.pk:
        review.paper_access_record(
            packets=[packet],
            user=signed_in_user(request),
            kind=kind,
            version_numbers={packet.pk: number} if number else None,
        )


@login_required
@require_POST
def reply(request: HttpRequest, case_id: int) -> HttpResponse:
    """The person writes back to the clinic. An empty or too long reply shows the page again with
    the error next to the box and the text kept."""
    case = _own_case(request, case_id)
    packet = Packet.objects.filter(case=case).first()
    if packet is None:
        raise Http404
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            review.message_reply(
                packet=packet, user=signed_in_user(request), body=form.cleaned_data["body"]
            )
        except review.ReviewRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Your reply was sent to the clinic."))
        return redirect(_packet_url(case.pk) + "#conversation-title")
    context = _page_context(request, case, reply_form=form)
    return render(request, "forms_filler/packet.html", context)


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


# The doors that send the papers to review: the service, and what the person is told once sent.
SEND_DOORS = {
    "submit": (
        review.packet_submit,
        gettext_lazy("Your papers were sent to the clinic for review."),
    ),
    "resubmit": (
        review.packet_resubmit,
        gettext_lazy("Your changed papers were sent to the clinic."),
    ),
}


@login_required
@require_POST
def packet_review_door(request: HttpRequest, case_id: int, door: str) -> HttpResponse:
    """The person's doors to review: "submit", "resubmit" (after changes) or "withdraw"; the URL
    names the door."""
    case = _own_case(request, case_id)
    packet = selectors.packet_for_case(case=case)
    if packet is None:
        raise Http404
    user = signed_in_user(request)
    try:
        if door == "withdraw":
            review.packet_withdraw(packet=packet, user=user)
            messages.success(request, _("You took your papers back from review."))
        else:
            send, sent = SEND_DOORS[door]
            if send(packet=packet, user=user):
                messages.success(request, sent)
            else:
                messages.info(request, _("The clinic already has your papers."))
    except review.ReviewRefused as exc:
        messages.error(request, str(exc))
    return redirect(_packet_url(case.pk))


@login_required
@require_POST
def packet_remake_and_resend(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _own_case(request, case_id)
    try:
        services.packet_remake_and_resend(
            case=case, user=signed_in_user(request), language=get_language()
        )
    except (services.PacketNotPossible, review.ReviewRefused) as exc:
        messages.error(request, _(str(exc)))
    else:
        messages.success(
            request,
            _(
                "We are making your new papers. They go back to the clinic as soon as they are "
                "ready."
            ),
        )
    return redirect(_packet_url(case.pk))


@login_required
@require_POST
def reminder_request(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _own_case(request, case_id)
    try:
        reminders.reminder_request(case=case, user=signed_in_user(request))
    except reminders.ReminderNotPossible as exc:
        messages.error(request, _(str(exc)))
    else:
        messages.success(request, _("We will email you. The email will not name your case."))
    return redirect(_packet_url(case.pk))


@login_required
@require_POST
def reminder_cancel(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _own_case(request, case_id)
    reminders.reminder_cancel(case=case, user=signed_in_user(request))
    messages.success(request, _("We will not send you reminders about this case."))
    return redirect(_packet_url(case.pk))


# Mail providers POST here for one-click unsubscribe (RFC 8058) with no session and no CSRF
# token: the signed token in the address is what authorizes it, and it can only cancel mail.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def reminder_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (link checkers open links; they must not unsubscribe anyone)."""
    valid = reminders.unsubscribe_token_valid(token=token)
    done = False
    if valid and request.method == "POST":
        reminders.reminders_unsubscribe(token=token)
        done = True
    return render(
        request,
        "forms_filler/unsubscribe.html",
        {"done": done, "valid": valid},
        status=200 if valid else 400,
    )


def download_filename(version: PacketVersion) -> str:
    """A clean, ASCII-only name such as petition-San-Luis-Obispo-24CR001234-v2.pdf."""

    def clean(text: str) -> str:
        return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")

    case = version.packet.case
    parts = ["petition", clean(case.county), clean(case.case_number), f"v{version.number}"]
    return "-".join(part for part in parts if part) + ".pdf"


def _file_problem(
    request: HttpRequest, case_id: int, *, heading: str, explanation: str, status: int
) -> HttpResponse:
    response = render(
        request,
        "forms_filler/file_problem.html",
        {"heading": heading, "explanation": explanation, "back_url": _packet_url(case_id)},
        status=status,
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _stored_file(
    request: HttpRequest, case_id: int, number: int, which: str, look: str
) -> tuple[PacketVersion, bytes] | HttpResponse:
    """The version and its decrypted file, or the page that says why it cannot be had. A damaged
    file is news for staff (it can be rendered again); to anyone else it simply is not there.
    A staff member's look at someone's papers (`look`, a PaperAccess kind) goes to the trail."""
    version = selectors.version_for_viewer(
        user=signed_in_user(request), case_id=case_id, number=number
    )
    name = getattr(version, which).name
    if version.status != RenderStatus.READY or not name:
        raise Http404
    try:
        data = storage.file_read(name)
    except storage.FileMissing as exc:
        raise Http404 from exc
    except storage.FileTampered as exc:
        if not is_clinic_staff(request.user):
            raise Http404 from exc
        return _file_problem(
            request,
            case_id,
            heading=_("This file is damaged"),
            explanation=_(
                "The stored file failed its integrity check: it was changed or damaged after it "
                "was made. Do not use it. Make the papers again to get a new version."
            ),
            status=409,
        )
    except storage.StorageUnavailable:
        response = _file_problem(
            request,
            case_id,
            heading=_("Try again soon"),
            explanation=_(
                "Our file storage is not answering right now. Your papers are safe; please try "
                "again in a minute."
            ),
            status=503,
        )
        response["Retry-After"] = "30"
        return response
    packet = version.packet
    _record_staff_look(request, packet.case, packet, look, number)
    return version, data


def _private(response: HttpResponse) -> HttpResponse:
    for header, value in PRIVATE_HEADERS.items():
        response[header] = value
    return response


@never_cache
@login_required
@require_safe
def version_download(request: HttpRequest, case_id: int, number: int) -> HttpResponse:
    found = _stored_file(request, case_id, number, "file", PaperAccess.Kind.DOWNLOAD)
    if isinstance(found, HttpResponse):
        return found
    version, data = found
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=download_filename(version)
    )
    return _private(response)


@never_cache
@login_required
@require_safe
def version_preview(request: HttpRequest, case_id: int, number: int) -> HttpResponse:
    found = _stored_file(request, case_id, number, "preview", PaperAccess.Kind.PREVIEW)
    if isinstance(found, HttpResponse):
        return found
    return _private(HttpResponse(found[1], content_type="image/png"))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def statement(request: HttpRequest, case_id: int) -> HttpResponse:
    """The person's statement to the judge, attached to discretionary petitions."""
    case = _own_case(request, case_id)
    form = StatementForm(
        request.POST or None,
        initial={"statement": case.statement, "statement_english": case.statement_english},
    )
    if request.method == "POST" and form.is_valid():
        case_set_statement(
            case=case,
            statement=form.cleaned_data["statement"],
            statement_english=form.cleaned_data["statement_english"],
        )
        messages.success(
            request, _("Your statement is saved. Make your papers again to include it.")
        )
        return redirect(_packet_url(case.pk))
    return render(
        request,
        "forms_filler/statement.html",
        {
            "form": form,
            "case": case,
            "back_url": _packet_url(case.pk),
            "court_reads_english": packet_language(get_language()) != "en",
        },
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
