"""Reads for packets and the review queue. Every lookup is scoped to who may see it."""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypedDict, cast

from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    F,
    IntegerField,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, NullIf
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext

from eligibility.models import Case, Person
from eligibility.models import Count as CaseCount
from eligibility.presentation import staff_result
from eligibility.selectors import cases_for_person, latest_determination
from expunge_portal.accounts.models import User
from expunge_portal.accounts.roles import is_clinic_staff

from .answer_changes import AnswerChange, answer_changes
from .models import (
    Message,
    Packet,
    PacketVersion,
    PaperAccess,
    RenderStatus,
    ReviewEvent,
    ReviewStatus,
)
from .packet_input import answers_fingerprint
from .render_limits import RENDER_INTERRUPTED_MESSAGE, can_retry, version_is_stuck
from .review import AWAITING_CLINIC, FILABLE_OUTCOMES, SENT_FOR_REVIEW

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
    """The case behind a packet page: the owner's own; for clinic staff, a case whose papers were
    sent for review (at any status since); for a superuser, any case. Anyone else gets 404, so
    another person's case is indistinguishable from none."""
    cases = Case.objects.select_related("person", "person__owner")
    if not is_clinic_staff(user):
        cases = cases.filter(person__owner=user)
    elif not user.is_superuser:
        cases = cases.filter(Q(person__owner=user) | Q(packet__review_status__in=SENT_FOR_REVIEW))
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
        .select_related("packet__case__person")
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


def versions_not_to_file(*, case: Case, versions: list[PacketVersion], can_file: bool) -> set[int]:
    """The numbers of the versions that no longer fit the case: all of them when the case cannot
    be filed today, otherwise those made from answers (or a screening) that have changed since."""
    if not can_file:
        return {version.number for version in versions}
    current: dict[str, str] = {}
    stale = set()
    for version in versions:
        if version.language not in current:
            current[version.language] = answers_fingerprint(case=case, language=version.language)
        if version.answers_fingerprint != current[version.language]:
            stale.add(version.number)
    return stale


def timeline_for_person(*, packet: Packet) -> list[ReviewEvent]:
    """Status changes only (assignment notes stay with staff), oldest first."""
    return [e for e in packet.events.all() if e.from_status != e.to_status]


def messages_for_person(*, packet: Packet) -> QuerySet[Message]:
    """Everything the clinic wrote to the person (decisions' messages included) and the
    person's own replies, oldest first; never an internal note."""
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
    language: str = ""  # "", "en" or "es": the person's language on the portal
    waiting: str = ""  # "", "us" (the clinic's turn) or "person" (the person's turn)
    mine: bool = False
    q: str = ""
    order: str = "waiting"  # "waiting" (longest first) or "newest"


def _unread_replies() -> QuerySet[Message]:
    return Message.objects.filter(packet=OuterRef("pk"), from_person=True, read_at__isnull=True)


def _packets_with_unread_replies() -> "QuerySet[Message, Any]":
    # An IN list from the partial index (one hashed set), rather than an EXISTS per packet OR-ed
    # with the status, which PostgreSQL can only test row by row.
    return Message.objects.filter(from_person=True, read_at__isnull=True).values("packet")


def _search(packets: QuerySet[Packet], query: str) -> QuerySet[Packet]:
    """Name or case number, each searched in its own table (trigram indexes on PostgreSQL) and
    matched to the packets as an IN list, rather than an OR across a join of the tables."""
    by_number = Case.objects.filter(case_number__icontains=query).values("pk")
    people = Person.objects.filter(full_name__icontains=query).values("pk")
    by_name = Case.objects.filter(person_id__in=people).values("pk")
    # One IN over a UNION: the planner starts from the few matching cases (a semi-join) instead
    # of testing every packet against two lists.
    return packets.filter(case_id__in=by_number.union(by_name))


def review_queue(*, reviewer: User, filters: QueueFilters) -> QuerySet[Packet]:
    """The packets sent for review that match the filters, in queue order, undecorated: the
    queue pages through their ids and decorates only the rows shown (`queue_rows`)."""
    # "Not sent" rather than "one of the eight sent statuses": the planner estimates it well.
    packets = Packet.objects.exclude(review_status=ReviewStatus.NOT_SUBMITTED)
    if filters.status == "needs_review":
        packets = packets.filter(review_status__in=NEEDS_REVIEW)
    elif filters.status in ReviewStatus.values:
        packets = packets.filter(review_status=filters.status)
    if filters.county or filters.outcome:
        # Both from the case's own columns (one index): the latest outcome is kept on the case.
        cases = Case.objects.all()
        if filters.county:
            cases = cases.filter(county=filters.county)
        if filters.outcome:
            cases = cases.filter(latest_outcome=filters.outcome)
        packets = packets.filter(case_id__in=cases.values("pk"))
    # The account's language kept on the packet: no join of every matching packet to its case,
    # person and account just to count them.
    if filters.language == "es":
        packets = packets.filter(person_language__startswith="es")
    elif filters.language == "en":
        packets = packets.exclude(person_language__startswith="es")
    if filters.waiting == "us":
        packets = packets.filter(
            Q(review_status__in=AWAITING_CLINIC) | Q(pk__in=_packets_with_unread_replies())
        )
    elif filters.waiting == "person":
        packets = packets.filter(review_status=ReviewStatus.CHANGES_REQUESTED).exclude(
            pk__in=_packets_with_unread_replies()
        )
    if filters.mine:
        packets = packets.filter(assigned_to=reviewer)
    query = filters.q.strip()
    if query:
        packets = _search(packets, query)
    if filters.order == "newest":
        return packets.order_by("-submitted_at", "-pk")
    return packets.order_by("submitted_at", "pk")


# What a queue row (and a line of the export) shows; any other field would cost a query per row.
QUEUE_ROW_FIELDS = (
    "review_status",
    "submitted_at",
    "person_language",
    "assigned_to__email",
    "case__county",
    "case__case_number",
    "case__person__full_name",
)


class QueueRowAnnotations(TypedDict):
    """What `_decorated` adds to each packet."""

    outcome: str | None
    unread: int


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    QueuePacket = WithAnnotations[Packet, QueueRowAnnotations]


def _decorated(packets: QuerySet[Packet]) -> "QuerySet[QueuePacket]":
    """What a queue row shows: the person, case, language, reviewer, latest outcome (None before
    any screening) and the number of unread replies, in one query."""
    unread = _unread_replies().order_by().values("packet").annotate(n=Count("pk")).values("n")
    return (
        packets.select_related("case__person", "assigned_to")
        # Only the columns a row shows: the case's answers (its statements among them) and the
        # accounts' passwords and dates are neither read nor made into objects.
        .only(*QUEUE_ROW_FIELDS)
        .annotate(
            outcome=NullIf(F("case__latest_outcome"), Value("")),
            unread=Coalesce(Subquery(unread, output_field=IntegerField()), 0),
        )
    )


def queue_rows(*, packet_ids: list[int]) -> "list[QueuePacket]":
    """The page's packets, decorated, in the order of `packet_ids`."""
    # No ORDER BY (the model's default would sort by creation): the ids give the order.
    by_id = {p.pk: p for p in _decorated(Packet.objects.filter(pk__in=packet_ids).order_by())}
    return [by_id[pk] for pk in packet_ids if pk in by_id]


class _CountedPaginator(Paginator[int]):
    """A paginator told its length, so it does not count the rows again."""

    def __init__(self, object_list: Any, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


def _length_from_status_counts(filters: QueueFilters, counts: dict[str, int]) -> int | None:
    """The queue's length when only the status narrows it, read from the per-status counts the
    page shows anyway; None when other filters apply (then the rows are counted)."""
    if filters.county or filters.outcome or filters.language or filters.waiting:
        return None
    if filters.mine or filters.q.strip():
        return None
    if filters.status == "needs_review":
        return sum(counts.get(str(s), 0) for s in NEEDS_REVIEW)
    if filters.status in ReviewStatus.values:
        return counts.get(filters.status, 0)
    return sum(counts.values())


def review_queue_page(
    *,
    reviewer: User,
    filters: QueueFilters,
    page: str | int | None,
    status_counts: dict[str, int] | None = None,
) -> "Page[QueuePacket]":
    """One page of the queue: the ids (one query, plus the count unless `status_counts`, from
    `queue_counts`, already says it), then those rows decorated."""
    ids = review_queue(reviewer=reviewer, filters=filters).values_list("pk", flat=True)
    known = _length_from_status_counts(filters, status_counts) if status_counts else None
    paginator: Paginator[int]
    if known is not None:
        paginator = _CountedPaginator(ids, QUEUE_PAGE_SIZE, count=known)
    elif filters.q.strip():
        # A search finds its packets through the people and cases it matched (no index walk in
        # queue order that could stop after a page): find them once, count the list.
        paginator = Paginator(list(ids), QUEUE_PAGE_SIZE)
    else:
        paginator = Paginator(ids, QUEUE_PAGE_SIZE)
    result = paginator.get_page(page)
    rows = cast("Page[QueuePacket]", result)  # the same page, its ids replaced by the rows
    rows.object_list = queue_rows(packet_ids=list(result.object_list))
    return rows


def review_queue_export(*, reviewer: User, filters: QueueFilters) -> "Iterator[QueuePacket]":
    """Every packet of the filtered queue, decorated, streamed from one query."""
    return _decorated(review_queue(reviewer=reviewer, filters=filters)).iterator(chunk_size=500)


# The row of `queue_counts`' query that counts the packets with unread replies (no status is
# called this).
_UNREAD = "unread replies"


@dataclass(frozen=True)
class QueueCounts:
    by_status: dict[str, int]  # every status of QUEUE_STATUSES, 0 when none
    unread: int  # packets with a reply from the person that no reviewer has opened yet


def queue_counts() -> QueueCounts:
    """How many packets are in each review status, and how many have unread replies: one query
    (the two counts in a UNION ALL), since every queue page shows both. COUNT(*), not COUNT(id):
    the status index alone answers it (an index-only scan), about half the time at 30,000
    packets; the unread replies are counted from their partial index."""
    by_status = (
        Packet.objects.exclude(review_status=ReviewStatus.NOT_SUBMITTED)
        .values_list("review_status")
        .annotate(n=Count("*"))
        .order_by()
    )
    unread = (
        Message.objects.filter(from_person=True, read_at__isnull=True)
        .annotate(label=Value(_UNREAD))
        .values_list("label")
        .annotate(n=Count("packet", distinct=True))
        .order_by()
    )
    counts = {str(s): 0 for s in QUEUE_STATUSES}
    unread_count = 0
    for label, n in by_status.union(unread, all=True).order_by():
        if label == _UNREAD:
            unread_count = n
        else:
            counts[label] = n
    return QueueCounts(by_status=counts, unread=unread_count)


def packet_for_review(*, packet_id: int, user: User) -> Packet:
    """A packet for the staff pages: only one sent for review (at any status since), unless the
    reader is a superuser; anything else is 404."""
    packets = Packet.objects.all()
    if not user.is_superuser:
        packets = packets.filter(review_status__in=SENT_FOR_REVIEW)
    packet = (
        packets.select_related("case__person__owner", "assigned_to")
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

    # Two small id lists (the group's members, the superusers: a partial index) rather than an
    # OR across a join, which reads every account.
    members = User.groups.through.objects.filter(group__name=CLINIC_STAFF_GROUP).values("user_id")
    superusers = User.objects.filter(is_superuser=True).values("pk")
    return User.objects.filter(pk__in=members.union(superusers), is_active=True).order_by("email")


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


@dataclass(frozen=True)
class RecordCase:
    """One case of the person as the review page lists it: the stored (person-level) outcome,
    its reasons (naming the case that blocks it, if one does), and the case's own packet."""

    case: Case
    outcome: str
    outcome_name: str
    reasons: list[dict[str, str]]
    filable: bool
    packet_id: int | None
    packet_status: str
    is_this: bool


def person_record(*, case: Case) -> list[RecordCase]:
    """Every case of the person whose case this is, oldest first, in three queries however many
    cases there are."""
    cases = cases_for_person(person=case.person).select_related("packet")
    record = []
    for each in cases:
        determination = latest_determination(case=each)
        shown = staff_result(determination) if determination else None
        packet: Packet | None = getattr(each, "packet", None)
        # The packet, when it was sent for review.
        sent = packet if packet is not None and packet.review_status in SENT_FOR_REVIEW else None
        outcome = determination.outcome if determination else ""
        record.append(
            RecordCase(
                case=each,
                outcome=outcome,
                outcome_name=shown["outcome_name"] if shown else gettext("Not screened"),
                reasons=shown["reasons"] if shown else [],
                filable=outcome in FILABLE_OUTCOMES,
                packet_id=sent.pk if sent is not None else None,
                packet_status=sent.get_review_status_display() if sent is not None else "",
                is_this=each.pk == case.pk,
            )
        )
    return record


def version_changes(*, packet: Packet) -> tuple[PacketVersion | None, list[AnswerChange]]:
    """What changed between the newest version and the one before it, as old -> new answers
    (versions prefetched newest first). (None, []) when there is only one version, or the older
    one was made before answers were kept with each version."""
    versions = list(packet.versions.all())
    if len(versions) < 2 or not versions[1].answers or not versions[0].answers:
        return (versions[1] if len(versions) > 1 else None), []
    return versions[1], answer_changes(versions[1].answers, versions[0].answers)


def recent_paper_accesses(*, packet: Packet, limit: int = 20) -> list[PaperAccess]:
    return list(packet.accesses.select_related("user")[:limit])


def approved_on(*, day: datetime.date) -> list[ReviewEvent]:
    """The approvals of a day (in the portal's time zone) whose packets are still approved or
    filed, each with the approved version's file: the papers the clinic files that day."""
    # A range of the indexed column rather than created_at__date, which casts every row.
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    end = timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(1), datetime.time.min)
    )
    return list(
        ReviewEvent.objects.filter(
            to_status=ReviewStatus.APPROVED,
            created_at__gte=start,
            created_at__lt=end,
            packet__review_status__in=(ReviewStatus.APPROVED, ReviewStatus.FILED),
            version__status=RenderStatus.READY,
        )
        .exclude(version__file="")
        .select_related("version__packet__case")
        .order_by("created_at", "pk")
    )
