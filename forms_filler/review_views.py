"""The clinic's review area: the queue, the staff packet page and the queue's exports. Clinic
staff only: petitioners get 403 and anonymous people the login page
(expunge_portal.accounts.decorators). Only packets sent for review are shown (a superuser sees
all), and every look at a person's papers is written to the trail (PaperAccess)."""

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from eligibility.models import Case
from eligibility.presentation import staff_result
from eligibility.selectors import latest_determination
from expunge_portal.accounts.decorators import clinic_staff_required
from expunge_portal.accounts.models import User
from expunge_portal.accounts.requests import signed_in_user
from expunge_portal.counties import COUNTY_CHOICES

from . import review, selectors, storage
from .forms import (
    REVIEW_STATUS_LABELS,
    ApprovedDayForm,
    AssignForm,
    QueueFilterForm,
    ReviewDecisionForm,
)
from .models import Packet, PacketVersion, PaperAccess, ReviewEvent, ReviewStatus
from .views import PRIVATE_HEADERS, download_filename

COUNTY_LABELS = dict(COUNTY_CHOICES)

# Case fields shown to staff as the person's answers (bookkeeping left out).
_NOT_ANSWERS = {"id", "person", "created_at", "updated_at", "latest_outcome"}


def _queue_form(request: HttpRequest) -> tuple[QueueFilterForm, selectors.QueueFilters]:
    form = QueueFilterForm(request.GET or None)
    filters = form.filters() if request.GET else selectors.QueueFilters()
    return form, filters


@never_cache
@clinic_staff_required
@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    form, filters = _queue_form(request)
    counted = selectors.queue_counts()
    counts = counted.by_status
    page = selectors.review_queue_page(
        reviewer=signed_in_user(request),
        filters=filters,
        page=request.GET.get("page"),
        status_counts=counts,
    )
    outcome_labels = dict(form.fields["outcome"].choices)  # type: ignore[attr-defined]  # a ChoiceField
    for packet in page.object_list:
        # For the template only; `outcome` is the queue query's annotation. The labels come from
        # dicts made once: get_county_display() makes (and translates) all 58 counties' labels
        # again for every row.
        packet.outcome_label = outcome_labels.get(packet.outcome or "", packet.outcome or "")  # type: ignore[attr-defined]
        packet.county_label = COUNTY_LABELS.get(packet.case.county, packet.case.county)  # type: ignore[attr-defined]
        packet.status_label = REVIEW_STATUS_LABELS[packet.review_status]  # type: ignore[attr-defined]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "review/queue.html",
        {
            "form": form,
            "page": page,
            "filters": filters,
            "query_string": query.urlencode(),
            "status_counts": [(ReviewStatus(s), n) for s, n in counts.items()],
            "needs_review_count": sum(counts[str(s)] for s in selectors.NEEDS_REVIEW),
            "unread_count": counted.unread,
            "assign_form": AssignForm(staff_queryset=selectors.clinic_staff_users()),
            "day_form": ApprovedDayForm(initial={"day": timezone.localdate()}),
        },
    )


def _answer_rows(case: Case) -> list[dict[str, Any]]:
    rows = []
    for field in Case._meta.concrete_fields:
        if field.name in _NOT_ANSWERS:
            continue
        value = getattr(case, field.attname)
        if value is None:
            display: Any = _("I don't know")
            unknown = True
        else:
            unknown = value == "unknown"
            if field.choices:
                display = getattr(case, f"get_{field.name}_display")()
            elif isinstance(value, bool):
                display = _("Yes") if value else _("No")
            else:
                display = value
        rows.append({"label": field.verbose_name, "value": display, "unknown": unknown})
    return rows


def _packet_page(
    request: HttpRequest, packet: Packet, decision_form: ReviewDecisionForm | None = None
) -> HttpResponse:
    case = packet.case
    determination = latest_determination(case=case)
    latest = packet.latest_version
    decisions = review.decisions_for(packet.review_status)
    if decision_form is None:
        decision_form = ReviewDecisionForm(
            decisions=decisions, initial={"revision": review.packet_revision(packet)}
        )
    previous, changes = selectors.version_changes(packet=packet)
    record = selectors.person_record(case=case)
    return render(
        request,
        "review/packet.html",
        {
            "packet": packet,
            "case": case,
            "person": case.person,
            "record": record,
            "filable": any(item.is_this and item.filable for item in record),
            "answers": _answer_rows(case),
            "counts": list(case.counts.all()),
            "determination": determination,
            "screening": staff_result(determination) if determination else None,
            "latest": latest,
            "previous": previous,
            "changes": changes,
            "state": selectors.render_state(latest),
            "versions": list(packet.versions.all()),
            "events": list(packet.events.all()),
            "conversation": selectors.messages_for_staff(packet=packet),
            "history": selectors.case_data_history(case=case),
            # The papers print a statement not in English only on the flagged declaration.
            "statement_needs_english": bool(
                case.statement.strip()
                and not case.statement_english.strip()
                and latest
                and latest.language != "en"
            ),
            "accesses": selectors.recent_paper_accesses(packet=packet),
            "decision_form": decision_form,
            "assign_form": AssignForm(
                staff_queryset=selectors.clinic_staff_users(),
                initial={"assignee": packet.assigned_to_id},
            ),
        },
    )


@never_cache
@clinic_staff_required
@require_safe
def packet_detail(request: HttpRequest, packet_id: int) -> HttpResponse:
    """The one screen a reviewer works from. Opening it starts the review of a waiting packet."""
    packet = selectors.packet_for_review(packet_id=packet_id, user=signed_in_user(request))
    if request.method == "GET":
        status = packet.review_status
        review.review_open(packet=packet, reviewer=signed_in_user(request))
        if status in review.WAITING_TO_OPEN:
            packet = selectors.packet_for_review(packet_id=packet_id, user=signed_in_user(request))
    return _packet_page(request, packet)


@never_cache
@clinic_staff_required
@require_POST
def packet_action(request: HttpRequest, packet_id: int) -> HttpResponse:
    """The decision form. A refused or stale decision shows the page again with the message the
    reviewer wrote still in the box, the page as it is now, and why nothing was saved."""
    packet = selectors.packet_for_review(packet_id=packet_id, user=signed_in_user(request))
    form = ReviewDecisionForm(request.POST, decisions=review.decisions_for(packet.review_status))
    if form.is_valid():
        decision = form.cleaned_data["decision"]
        try:
            review.review_decide(
                packet=packet,
                reviewer=signed_in_user(request),
                decision=decision,
                message=form.cleaned_data["message"],
                revision=form.cleaned_data["revision"],
            )
        except review.ReviewRefused as exc:
            error = str(exc)
        else:
            if decision == "message":
                messages.success(request, _("Message sent to the person."))
            elif decision == "note":
                messages.success(request, _("Internal note saved."))
            else:
                packet.refresh_from_db(fields=["review_status"])
                messages.success(
                    request,
                    _("The packet is now “%(status)s”.")
                    % {"status": packet.get_review_status_display()},
                )
            return redirect("review:packet", packet_id=packet.pk)
    else:
        error = ""
    packet = selectors.packet_for_review(packet_id=packet_id, user=signed_in_user(request))
    data = request.POST.copy()
    data["revision"] = review.packet_revision(packet)
    shown = ReviewDecisionForm(data, decisions=review.decisions_for(packet.review_status))
    shown.is_valid()
    if error:
        shown.add_error(None, error)
    return _packet_page(request, packet, decision_form=shown)


def _assignee(request: HttpRequest) -> tuple[bool, User | None]:
    """(valid, the user or None) from an assignment form's `assignee` ("me" for oneself)."""
    if request.POST.get("assignee") == "me":
        return True, signed_in_user(request)
    form = AssignForm(request.POST, staff_queryset=selectors.clinic_staff_users())
    if not form.is_valid():
        return False, None
    return True, form.cleaned_data["assignee"]


@clinic_staff_required
@require_POST
def packet_assign(request: HttpRequest, packet_id: int) -> HttpResponse:
    packet = selectors.packet_for_review(packet_id=packet_id, user=signed_in_user(request))
    valid, assignee = _assignee(request)
    if not valid:
        messages.error(request, _("Choose a reviewer from the list."))
        return redirect("review:packet", packet_id=packet.pk)
    try:
        review.packet_assign(packet=packet, assignee=assignee, by=signed_in_user(request))
    except review.ReviewRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Assignment saved."))
    return redirect("review:packet", packet_id=packet.pk)


@clinic_staff_required
@require_POST
def bulk_assign(request: HttpRequest) -> HttpResponse:
    """Assign the packets ticked in the queue, then show the same queue page again."""
    back = reverse("review:queue")
    query = QueryDict(request.POST.get("query", "")).urlencode()
    if query:
        back += "?" + query
    ids = [int(v) for v in request.POST.getlist("packets") if v.isdigit()]
    valid, assignee = _assignee(request)
    if not ids:
        messages.error(request, _("Tick the packets to assign first."))
        return redirect(back)
    if not valid:
        messages.error(request, _("Choose a reviewer from the list."))
        return redirect(back)
    try:
        changed = review.packet_assign_many(
            packet_ids=ids, assignee=assignee, by=signed_in_user(request)
        )
    except review.ReviewRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Packets assigned: %(n)s.") % {"n": changed})
    return redirect(back)


# Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def _export_rows(request: HttpRequest, filters: selectors.QueueFilters) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(
        [
            _("Packet"),
            _("Person"),
            _("County"),
            _("Case number"),
            _("Outcome"),
            _("Status"),
            _("Reviewer"),
            _("Language"),
            _("Sent"),
            _("Unread replies"),
        ]
    )
    for packet in selectors.review_queue_export(reviewer=signed_in_user(request), filters=filters):
        row = [
            packet.pk,
            packet.case.person.full_name,
            packet.case.county,
            packet.case.case_number,
            packet.outcome or "",
            packet.get_review_status_display(),
            packet.assigned_to.email if packet.assigned_to else "",
            packet.person_language,
            packet.submitted_at.isoformat() if packet.submitted_at else "",
            packet.unread,
        ]
        yield writer.writerow([csv_cell(cell) for cell in row])


@never_cache
@clinic_staff_required
@require_safe
def queue_export(request: HttpRequest) -> StreamingHttpResponse:
    """The filtered queue as CSV: who, where, which case, outcome, status, reviewer, language,
    age. No statements, no messages, no notes."""
    _form, filters = _queue_form(request)
    response = StreamingHttpResponse(_export_rows(request, filters), content_type="text/csv")
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="review-queue-{day}.csv"'
    for header, value in PRIVATE_HEADERS.items():
        response[header] = value
    return response


def _approved_bundle(events: Iterable[ReviewEvent]) -> tuple[bytes, list[PacketVersion]]:
    """A zip of the approved PDFs (decrypted), and the versions it holds."""
    buffer = io.BytesIO()
    included: list[PacketVersion] = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for event in events:
            version = event.version
            # approved_on gives only events with a ready version that has its file.
            assert version is not None  # noqa: S101
            assert version.file.name  # noqa: S101
            try:
                pdf = storage.file_read(version.file.name)
            except (storage.FileMissing, storage.FileTampered):
                # Left out of the bundle; the packet's own page says what is wrong with it.
                continue
            archive.writestr(f"{event.pk:06}-{download_filename(version)}", pdf)
            included.append(version)
    return buffer.getvalue(), included


@never_cache
@clinic_staff_required
@require_safe
def approved_day(request: HttpRequest) -> HttpResponse:
    """The papers approved on one day, in one zip of PDFs, for printing in one go."""
    form = ApprovedDayForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("Enter a date, such as 2025-06-30."))
        return redirect("review:queue")
    day = form.cleaned_data["day"]
    events = selectors.approved_on(day=day)
    try:
        bundle, included = _approved_bundle(events)
    except storage.StorageUnavailable:
        messages.error(request, _("Our file storage is not answering right now. Try again soon."))
        return redirect("review:queue")
    if not included:
        messages.info(request, _("No approved papers on %(day)s.") % {"day": day.isoformat()})
        return redirect("review:queue")
    review.paper_access_record(
        packets=[v.packet for v in included],
        user=signed_in_user(request),
        kind=PaperAccess.Kind.DAY_BUNDLE,
        version_numbers={v.packet_id: v.number for v in included},
    )
    response = HttpResponse(bundle, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="approved-{day.isoformat()}.zip"'
    for header, value in PRIVATE_HEADERS.items():
        response[header] = value
    return response
