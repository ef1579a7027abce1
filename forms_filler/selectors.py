"""Reads for packets and the review queue. Every lookup is scoped to who may see it."""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Model, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404

from eligibility.models import Case, Determination, Person
from eligibility.models import Count as CaseCount
from expunge_portal.accounts.models import User
from expunge_portal.accounts.roles import is_clinic_staff

from .models import Message, Packet, PacketVersion, RenderStatus, ReviewEvent, ReviewStatus
from .render_limits import RENDER_INTERRUPTED_MESSAGE, can_retry, version_is_stuck

QUEUE_PAGE_SIZE = 25


def _versions_newest_first() -> "Prefetch[str, QuerySet[PacketVersion], str]":
    return Prefetch("versions", queryset=PacketVersion.objects.order_by("-number"))


def packets_for_user(*, user: User) -> QuerySet[Packet]:
    """The account's packets, each with its versions prefetched (``packet.latest_version``
    costs no query) and its case."""
    if not user.is_authenticated:
        return Packet.objects.none()
    return (
        Packet.objects.filter(case__person__owner=user)
        .select_related("case")
        .prefetch_related(_versions_newest_first())
        .order_by("-created_at", "-pk")
    )


def case_for_viewer(*, user: User, case_id: int) -> Case:
    """The case behind a packet page: the owner's own, or any case for clinic staff. Anyone
    else gets 404, so another person's case is indistinguishable from none."""
    cases = Case.objects.select_related("person", "person__owner")
    if not is_clinic_staff(user):
        cases = cases.filter(person__owner=user)
    case = cases.filter(pk=case_id).first()
    if case is None:
        raise Http404
    return case


def packet_for_case(*, case: Case) -> Packet | None:
    return (
        Packet.objects.filter(case=case)
        .select_related("assigned_to")
        .prefetch_related(_versions_newest_first())
        .first()
    )


def version_for_viewer(*, user: User, case_id: int, number: int) -> PacketVersion:
    case = case_for_viewer(user=user, case_id=case_id)
    version = (
        PacketVersion.objects.filter(packet__case=case, number=number)
        .select_related("packet__case")
        .first()
    )
    if version is None:
        raise Http404
    return version


@dataclass(frozen=True)
class RenderState:
    """What the person sees of a version's rendering: a stuck render counts as failed."""

    status: str
    label: str
    done: bool
    retryable: bool
    error: str


def render_state(version: PacketVersion | None) -> RenderState | None:
    if version is None:
        return None
    stuck = version_is_stuck(version)
    status = RenderStatus.FAILED if stuck else RenderStatus(version.status)
    error = version.error
    if stuck and not error:
        error = RENDER_INTERRUPTED_MESSAGE
    return RenderState(
        status=str(status),
        label=str(status.label),
        done=status in (RenderStatus.READY, RenderStatus.FAILED),
        retryable=can_retry(version),
        error=error,
    )


def timeline_for_person(*, packet: Packet) -> list[ReviewEvent]:
    """Status changes only (assignment notes stay with staff), oldest first."""
    return [e for e in packet.events.all() if e.from_status != e.to_status]


def messages_for_person(*, packet: Packet) -> QuerySet[Message]:
    return packet.messages.filter(internal=False).order_by("created_at", "pk")


def messages_for_staff(*, packet: Packet) -> QuerySet[Message]:
    return packet.messages.select_related("author").order_by("created_at", "pk")


# --- The review queue ---------------------------------------------------------------------

NEEDS_REVIEW = (ReviewStatus.SUBMITTED, ReviewStatus.RESUBMITTED, ReviewStatus.IN_REVIEW)
QUEUE_STATUSES = [s for s in ReviewStatus if s != ReviewStatus.NOT_SUBMITTED]


@dataclass
class QueueFilters:
    status: str = "needs_review"  # "needs_review", "all", or one ReviewStatus value
    county: str = ""
    outcome: str = ""
    mine: bool = False
    q: str = ""
    order: str = "waiting"  # "waiting" (longest first) or "newest"


def _latest_outcome() -> Subquery:
    return Subquery(
        Determination.objects.filter(case=OuterRef("case"))
        .order_by("-created_at", "-pk")
        .values("outcome")[:1]
    )


def review_queue(*, reviewer: User, filters: QueueFilters) -> QuerySet[Packet]:
    """Packets sent for review, filtered and ordered; one query for the rows whatever their
    number (person, case, assignee joined; outcome as a subquery)."""
    packets = (
        Packet.objects.exclude(review_status=ReviewStatus.NOT_SUBMITTED)
        .select_related("case__person", "assigned_to")
        .annotate(outcome=_latest_outcome())
    )
    if filters.status == "needs_review":
        packets = packets.filter(review_status__in=NEEDS_REVIEW)
    elif filters.status in ReviewStatus.values:
        packets = packets.filter(review_status=filters.status)
    if filters.county:
        packets = packets.filter(case__county=filters.county)
    if filters.outcome:
        packets = packets.filter(outcome=filters.outcome)
    if filters.mine:
        packets = packets.filter(assigned_to=reviewer)
    query = filters.q.strip()
    if query:
        packets = packets.filter(
            Q(case__person__full_name__icontains=query) | Q(case__case_number__icontains=query)
        )
    if filters.order == "newest":
        return packets.order_by("-submitted_at", "-pk")
    return packets.order_by("submitted_at", "pk")


def review_queue_page(
    *, reviewer: User, filters: QueueFilters, page: str | int | None
) -> "Page[Packet]":
    return Paginator(review_queue(reviewer=reviewer, filters=filters), QUEUE_PAGE_SIZE).get_page(
        page
    )


def review_status_counts() -> dict[str, int]:
    """How many packets are in each review status, in one query."""
    rows = (
        Packet.objects.exclude(review_status=ReviewStatus.NOT_SUBMITTED)
        .values("review_status")
        .annotate(n=Count("pk"))
    )
    counts = {str(s): 0 for s in QUEUE_STATUSES}
    for row in rows:
        counts[row["review_status"]] = row["n"]
    return counts


def packet_for_review(*, packet_id: int) -> Packet:
    packet = (
        Packet.objects.select_related("case__person__owner", "assigned_to")
        .prefetch_related(
            _versions_newest_first(),
            Prefetch("events", queryset=ReviewEvent.objects.select_related("actor", "version")),
            Prefetch("case__counts", queryset=CaseCount.objects.order_by("position")),
        )
        .filter(pk=packet_id)
        .first()
    )
    if packet is None:
        raise Http404
    return packet


def clinic_staff_users() -> QuerySet[User]:
    from expunge_portal.accounts.roles import CLINIC_STAFF_GROUP

    return (
        User.objects.filter(Q(groups__name=CLINIC_STAFF_GROUP) | Q(is_superuser=True))
        .filter(is_active=True)
        .distinct()
        .order_by("email")
    )


def _edits(records: list[Any], model: type[Model]) -> list[dict[str, Any]]:
    """One entry per history record of one object (records newest first), naming the fields each
    edit changed as the reader's language names them."""
    entries = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = record.diff_against(previous).changes if previous else []
        entries.append(
            {
                "when": record.history_date,
                "what": model._meta.verbose_name,
                "type": record.history_type,
                "user": record.history_user,
                "changed": [
                    getattr(model._meta.get_field(change.field), "verbose_name", change.field)
                    for change in changes
                ],
                "label": "",
            }
        )
    return entries


def case_data_history(*, case: Case, limit: int = 20) -> list[dict[str, Any]]:
    """Recent edits to the person's case data (django-simple-history), newest first: for the
    case, its counts and the person, with the fields each edit changed."""
    newest_first = ("-history_date",)
    entries = _edits(
        list(case.history.select_related("history_user").order_by(*newest_first)[:limit]), Case
    )
    entries += _edits(
        list(case.person.history.select_related("history_user").order_by(*newest_first)[:limit]),
        Person,
    )
    count_model = CaseCount.history.model
    for record in (
        count_model.objects.filter(case_id=case.pk)
        .select_related("history_user")
        .order_by(*newest_first)[:limit]
    ):
        entries.append(
            {
                "when": record.history_date,
                "what": CaseCount._meta.verbose_name,
                "type": record.history_type,
                "user": record.history_user,
                "changed": [],
                "label": f"{record.position}. {record.typed}",
            }
        )
    entries.sort(key=lambda e: e["when"], reverse=True)
    return entries[:limit]
