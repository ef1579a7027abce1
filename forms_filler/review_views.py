"""The clinic's review area: the queue and the staff packet page. Clinic staff only: petitioners
get 403 and anonymous people the login page (expunge_portal.accounts.decorators)."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from eligibility.models import Case
from eligibility.presentation import staff_result
from eligibility.selectors import latest_determination
from expunge_portal.accounts.decorators import clinic_staff_required
from expunge_portal.accounts.requests import signed_in_user

from . import review, selectors
from .forms import AssignForm, MessageForm, QueueFilterForm, ReviewActionForm
from .models import Packet, ReviewStatus

# Case fields shown to staff as the person's answers (bookkeeping left out).
_NOT_ANSWERS = {"id", "person", "created_at", "updated_at"}


@never_cache
@clinic_staff_required
@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET or None)
    filters = form.filters() if request.GET else selectors.QueueFilters()
    page = selectors.review_queue_page(
        reviewer=signed_in_user(request), filters=filters, page=request.GET.get("page")
    )
    outcome_labels = dict(form.fields["outcome"].choices)  # type: ignore[attr-defined]  # a ChoiceField
    for packet in page.object_list:
        # For the template only; `outcome` is the queue query's annotation.
        packet.outcome_label = outcome_labels.get(packet.outcome or "", packet.outcome or "")  # type: ignore[attr-defined]
    query = request.GET.copy()
    query.pop("page", None)
    counts = selectors.review_status_counts()
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


@never_cache
@clinic_staff_required
@require_safe
def packet_detail(request: HttpRequest, packet_id: int) -> HttpResponse:
    packet = selectors.packet_for_review(packet_id=packet_id)
    case = packet.case
    determination = latest_determination(case=case)
    latest = packet.latest_version
    return render(
        request,
        "review/packet.html",
        {
            "packet": packet,
            "case": case,
            "person": case.person,
            "answers": _answer_rows(case),
            "counts": list(case.counts.all()),
            "determination": determination,
            "screening": staff_result(determination) if determination else None,
            "latest": latest,
            "state": selectors.render_state(latest),
            "versions": list(packet.versions.all()),
            "events": list(packet.events.all()),
            "conversation": selectors.messages_for_staff(packet=packet),
            "history": selectors.case_data_history(case=case),
            "actions": review.staff_actions_for(packet.review_status),
            "action_form": ReviewActionForm(),
            "assign_form": AssignForm(
                staff_queryset=selectors.clinic_staff_users(),
                initial={"assignee": packet.assigned_to_id},
            ),
            "message_form": MessageForm(),
        },
    )


def _packet_or_404(packet_id: int) -> Packet:
    return selectors.packet_for_review(packet_id=packet_id)


@clinic_staff_required
@require_POST
def packet_action(request: HttpRequest, packet_id: int) -> HttpResponse:
    packet = _packet_or_404(packet_id)
    form = ReviewActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That action is not available."))
        return redirect("review:packet", packet_id=packet.pk)
    action = form.cleaned_data["action"]
    message = form.cleaned_data["message"]
    try:
        if action == "start":
            review.review_start(packet=packet, reviewer=signed_in_user(request))
        else:
            review.STAFF_ACTIONS[action](packet=packet, reviewer=request.user, message=message)
    except review.ReviewRefused as exc:
        messages.error(request, str(exc))
    else:
        packet.refresh_from_db(fields=["review_status"])
        messages.success(
            request,
            _("The packet is now “%(status)s”.") % {"status": packet.get_review_status_display()},
        )
    return redirect("review:packet", packet_id=packet.pk)


@clinic_staff_required
@require_POST
def packet_assign(request: HttpRequest, packet_id: int) -> HttpResponse:
    packet = _packet_or_404(packet_id)
    if request.POST.get("assignee") == "me":
        assignee = signed_in_user(request)
    else:
        form = AssignForm(request.POST, staff_queryset=selectors.clinic_staff_users())
        if not form.is_valid():
            messages.error(request, _("Choose a reviewer from the list."))
            return redirect("review:packet", packet_id=packet.pk)
        assignee = form.cleaned_data["assignee"]
    try:
        review.packet_assign(packet=packet, assignee=assignee, by=signed_in_user(request))
    except review.ReviewRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Assignment saved."))
    return redirect("review:packet", packet_id=packet.pk)


@clinic_staff_required
@require_POST
def packet_message(request: HttpRequest, packet_id: int) -> HttpResponse:
    packet = _packet_or_404(packet_id)
    form = MessageForm(request.POST)
    internal = request.POST.get("kind") == "internal"
    if not form.is_valid():
        messages.error(request, _("Write a message first."))
        return redirect("review:packet", packet_id=packet.pk)
    try:
        review.message_post(
            packet=packet,
            author=signed_in_user(request),
            body=form.cleaned_data["body"],
            internal=internal,
        )
    except review.ReviewRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Internal note saved.") if internal else _("Message sent to the person.")
        )
    return redirect("review:packet", packet_id=packet.pk)
