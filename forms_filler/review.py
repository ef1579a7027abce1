"""Clinic review: one service per status change, every change an append-only ReviewEvent.

The allowed moves are data (TRANSITIONS); a service refuses any other move with ReviewRefused,
which views turn into a message, never a server error. Each service locks the packet row so two
reviewers (or a reviewer and the person) cannot change it at once."""

from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from eligibility.presentation import OUTCOME_NAMES, staff_result
from eligibility.selectors import latest_determination
from expunge_portal.accounts.models import User
from expunge_portal.accounts.roles import is_clinic_staff

from .models import (
    MESSAGE_MAX_LENGTH,
    Message,
    Packet,
    PacketVersion,
    PaperAccess,
    RenderStatus,
    ReviewEvent,
    ReviewStatus,
)

S = ReviewStatus

# From each status, the statuses one door leads to. Anything else is refused.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.NOT_SUBMITTED: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.IN_REVIEW, S.WITHDRAWN}),
    S.IN_REVIEW: frozenset({S.CHANGES_REQUESTED, S.APPROVED, S.CLOSED, S.WITHDRAWN}),
    S.CHANGES_REQUESTED: frozenset({S.RESUBMITTED, S.WITHDRAWN, S.CLOSED}),
    S.RESUBMITTED: frozenset({S.IN_REVIEW, S.WITHDRAWN}),
    S.APPROVED: frozenset({S.FILED, S.CLOSED, S.WITHDRAWN}),
    S.FILED: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
    # A person who withdrew may send the papers again later.
    S.WITHDRAWN: frozenset({S.SUBMITTED}),
}

# Statuses the person can see as "waiting for the clinic".
AWAITING_CLINIC = frozenset({S.SUBMITTED, S.RESUBMITTED, S.IN_REVIEW})
# Waiting to be opened: opening the packet starts its review.
WAITING_TO_OPEN = frozenset({S.SUBMITTED, S.RESUBMITTED})
# Every status of a packet that has been sent to the clinic at least once.
SENT_FOR_REVIEW = frozenset(S) - {S.NOT_SUBMITTED}
# The screening outcomes whose papers can be filed today (eligibility.engine's outcomes).
FILABLE_OUTCOMES = frozenset({"eligible", "discretionary"})


class ReviewRefused(Exception):
    """A status change that is not allowed now; str() is a message fit to show."""


class ReviewStale(ReviewRefused):
    """The packet changed after the reviewer opened it (new papers, a reply, another decision)."""


def transition_allowed(from_status: str, to_status: str) -> bool:
    return to_status in TRANSITIONS.get(from_status, frozenset())


def _locked(packet: Packet) -> Packet:
    return (
        Packet.objects.select_for_update(of=("self",))
        .select_related("case__person__owner")
        .get(pk=packet.pk)
    )


def _ready_version(packet: Packet) -> PacketVersion:
    newest = packet.versions.order_by("-number").first()
    if newest is None or newest.status != RenderStatus.READY:
        raise ReviewRefused(_("Your papers must be ready before you send them for review."))
    return newest


def _require_owner(packet: Packet, user: User) -> None:
    if packet.case.person.owner_id != user.pk:
        raise ReviewRefused(_("Only the person these papers belong to can do that."))


def _require_staff(user: User) -> None:
    if not is_clinic_staff(user):
        raise ReviewRefused(_("Only clinic staff can do that."))


def _move(
    packet: Packet,
    *,
    to_status: str,
    actor: User,
    message: str = "",
    version: PacketVersion | None = None,
) -> ReviewEvent:
    from_status = packet.review_status
    if not transition_allowed(from_status, to_status):
        raise ReviewRefused(
            _("A packet that is “%(from)s” cannot become “%(to)s”.")
            % {"from": S(from_status).label, "to": S(to_status).label}
        )
    packet.review_status = to_status
    fields = ["review_status", "updated_at"]
    if to_status in (S.SUBMITTED, S.RESUBMITTED):
        # "Waiting longest" counts from the latest time the person sent the papers.
        packet.submitted_at = timezone.now()
        # The queue's language, as the account says when the papers are sent (and, from then
        # on, as services.packets_person_language_set keeps it).
        owner = packet.case.person.owner
        packet.person_language = owner.preferred_language if owner else ""
        fields += ["submitted_at", "person_language"]
    packet.save(update_fields=fields)
    event = ReviewEvent.objects.create(
        packet=packet,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        message=message,
        version=version,
    )
    if actor.pk != packet.case.person.owner_id:
        _notify_person_on_commit(packet, kind="status")
    return event


def _notify_person_on_commit(packet: Packet, *, kind: str) -> None:
    from .emails import send_packet_notice

    packet_id = packet.pk
    transaction.on_commit(lambda: send_packet_notice(packet_id=packet_id, kind=kind))


# --- The person's doors -------------------------------------------------------------------


def packet_submit(*, packet: Packet, user: User) -> ReviewEvent | None:
    """Send ready papers for review. Sending again while they wait is harmless (no event)."""
    return _send(packet, user, to_status=S.SUBMITTED)


def packet_resubmit(*, packet: Packet, user: User) -> ReviewEvent | None:
    """Send the papers again after changes were asked for (usually a new version)."""
    return _send(packet, user, to_status=S.RESUBMITTED)


@transaction.atomic
def _send(packet: Packet, user: User, *, to_status: str) -> ReviewEvent | None:
    packet = _locked(packet)
    _require_owner(packet, user)
    if packet.review_status in AWAITING_CLINIC:
        return None
    return _move(packet, to_status=to_status, actor=user, version=_ready_version(packet))


@transaction.atomic
def packet_withdraw(*, packet: Packet, user: User, message: str = "") -> ReviewEvent:
    packet = _locked(packet)
    _require_owner(packet, user)
    return _move(packet, to_status=S.WITHDRAWN, actor=user, message=message)


# --- Staff doors --------------------------------------------------------------------------


@transaction.atomic
def review_start(*, packet: Packet, reviewer: User) -> ReviewEvent:
    """Take a waiting packet into review; it is assigned to the reviewer if nobody has it."""
    packet = _locked(packet)
    _require_staff(reviewer)
    if packet.assigned_to_id is None:
        packet.assigned_to = reviewer
        packet.save(update_fields=["assigned_to", "updated_at"])
    return _move(packet, to_status=S.IN_REVIEW, actor=reviewer, version=packet.latest_version)


@transaction.atomic
def review_request_changes(*, packet: Packet, reviewer: User, message: str) -> ReviewEvent:
    """Ask the person to change their answers. The message is what to change; it is shown to the
    person on their packet page (the email only says there is news)."""
    message = message.strip()
    if not message:
        raise ReviewRefused(_("Say what the person should change."))
    packet = _locked(packet)
    _require_staff(reviewer)
    event = _move(
        packet,
        to_status=S.CHANGES_REQUESTED,
        actor=reviewer,
        message=message,
        version=packet.latest_version,
    )
    Message.objects.create(packet=packet, author=reviewer, body=message, internal=False)
    return event


def _require_filable(packet: Packet) -> None:
    """Approve only what the person may file today: the stored (person-level) determination of
    this case must be eligible or up to the judge. The refusal names the outcome and its reasons."""
    determination = latest_determination(case=packet.case)
    if determination is None:
        raise ReviewRefused(_("This case has not been screened, so it cannot be approved."))
    if determination.outcome in FILABLE_OUTCOMES:
        return
    reasons = " ".join(reason["text"] for reason in staff_result(determination)["reasons"])
    raise ReviewRefused(
        gettext("This case cannot be approved: the screening says “%(outcome)s”. %(reasons)s")
        % {
            "outcome": OUTCOME_NAMES.get(determination.outcome, determination.outcome),
            "reasons": reasons,
        }
    )


def _tell_person(packet: Packet, author: User, message: str) -> None:
    """A decision's message also goes to the person's conversation (the status email covers it)."""
    if message:
        Message.objects.create(packet=packet, author=author, body=message, internal=False)


@transaction.atomic
def review_approve(*, packet: Packet, reviewer: User, message: str = "") -> ReviewEvent:
    packet = _locked(packet)
    _require_staff(reviewer)
    newest = packet.latest_version
    if newest is None or newest.status != RenderStatus.READY:
        raise ReviewRefused(_("Only ready papers can be approved."))
    _require_filable(packet)
    message = message.strip()
    event = _move(packet, to_status=S.APPROVED, actor=reviewer, message=message, version=newest)
    _tell_person(packet, reviewer, message)
    return event


def review_mark_filed(*, packet: Packet, reviewer: User, message: str = "") -> ReviewEvent:
    return _decide(packet, reviewer, message, to_status=S.FILED)


def review_close(*, packet: Packet, reviewer: User, message: str = "") -> ReviewEvent:
    return _decide(packet, reviewer, message, to_status=S.CLOSED)


@transaction.atomic
def _decide(packet: Packet, reviewer: User, message: str, *, to_status: str) -> ReviewEvent:
    """A staff decision that needs nothing but the move: the message goes to the person too."""
    packet = _locked(packet)
    _require_staff(reviewer)
    message = message.strip()
    event = _move(packet, to_status=to_status, actor=reviewer, message=message)
    _tell_person(packet, reviewer, message)
    return event


# The review page's one decision form: what each choice does, and the status it leads to
# ("message" and "note" leave the status as it is).
DECISION_DOORS: dict[str, Callable[..., ReviewEvent]] = {
    "approve": review_approve,
    "request_changes": review_request_changes,
    "close": review_close,
    "mark_filed": review_mark_filed,
}
DECISION_TARGET: dict[str, str] = {
    "approve": S.APPROVED,
    "request_changes": S.CHANGES_REQUESTED,
    "close": S.CLOSED,
    "mark_filed": S.FILED,
}
MESSAGE_ONLY = ("message", "note")


def _reachable(status: str, target: str) -> bool:
    """A decision the reviewer may take now; a packet still waiting to be opened counts as in
    review (the decision starts the review first)."""
    if status in WAITING_TO_OPEN:
        status = S.IN_REVIEW
    return transition_allowed(status, target)


def decisions_for(status: str) -> list[str]:
    """The choices of the decision form for a packet in this status, in the form's order."""
    decisions = [name for name, target in DECISION_TARGET.items() if _reachable(status, target)]
    return decisions + list(MESSAGE_ONLY)


def packet_revision(packet: Packet) -> str:
    """What a reviewer decides on: the status, the newest papers and the person's latest reply.
    The decision form carries it, and a decision made on an older revision is refused."""
    newest = packet.latest_version
    last_reply = (
        packet.messages.filter(from_person=True).order_by("-pk").values_list("pk", flat=True)
    ).first()
    return f"{packet.review_status}.{newest.number if newest else 0}.{last_reply or 0}"


@transaction.atomic
def review_decide(
    *, packet: Packet, reviewer: User, decision: str, message: str, revision: str
) -> ReviewEvent | Message:
    """The review page's single door: approve, ask for changes, close, mark filed, or only write
    (to the person, or an internal note), with one message. Refused, with nothing written, when
    the packet changed after the reviewer's page was made."""
    packet = _locked(packet)
    _require_staff(reviewer)
    if revision != packet_revision(packet):
        raise ReviewStale(
            _(
                "This packet changed while you were reading it (new papers, a reply or another "
                "decision). Nothing was saved: read it again, then decide. Your message is "
                "still in the box."
            )
        )
    if decision in MESSAGE_ONLY:
        return message_post(
            packet=packet, author=reviewer, body=message, internal=decision == "note"
        )
    if decision not in DECISION_DOORS:
        raise ReviewRefused(_("That action is not available."))
    if packet.review_status in WAITING_TO_OPEN and _reachable(
        packet.review_status, DECISION_TARGET[decision]
    ):
        review_start(packet=packet, reviewer=reviewer)
        packet.refresh_from_db(fields=["review_status"])
    return DECISION_DOORS[decision](packet=packet, reviewer=reviewer, message=message)


@transaction.atomic
def review_open(*, packet: Packet, reviewer: User) -> None:
    """A reviewer opens a packet: a packet waiting for the clinic goes into review (assigned to
    them, unless a colleague has it: a resubmitted packet goes back to its reviewer, who starts it
    by opening it), the person's replies count as read, and the look is written to the trail."""
    _require_staff(reviewer)
    if packet.review_status in WAITING_TO_OPEN and packet.assigned_to_id in (None, reviewer.pk):
        review_start(packet=packet, reviewer=reviewer)
    packet.messages.filter(from_person=True, read_at__isnull=True).update(read_at=timezone.now())
    paper_access_record(packets=[packet], user=reviewer, kind=PaperAccess.Kind.REVIEW_PAGE)


def paper_access_record(
    *,
    packets: Iterable[Packet],
    user: User,
    kind: str,
    version_numbers: dict[int, int] | None = None,
) -> None:
    """Write each staff look at a person's papers to the trail (one statement for many)."""
    numbers = version_numbers or {}
    PaperAccess.objects.bulk_create(
        PaperAccess(packet=p, user=user, kind=kind, version_number=numbers.get(p.pk))
        for p in packets
    )


# --- Assignment and messages (not status changes, but still one door each) ----------------


@transaction.atomic
def packet_assign(*, packet: Packet, assignee: User | None, by: User) -> Packet:
    """Give the packet to a reviewer (or to nobody). Kept in the trail as a same-status event."""
    packet = _locked(packet)
    _require_staff(by)
    if assignee is not None and not is_clinic_staff(assignee):
        raise ReviewRefused(_("Packets can only be assigned to clinic staff."))
    if packet.assigned_to_id == (assignee.pk if assignee else None):
        return packet
    if packet.review_status not in SENT_FOR_REVIEW and not by.is_superuser:
        raise ReviewRefused(_("Only papers sent for review can be assigned."))
    packet.assigned_to = assignee
    packet.save(update_fields=["assigned_to", "updated_at"])
    ReviewEvent.objects.create(
        packet=packet,
        actor=by,
        from_status=packet.review_status,
        to_status=packet.review_status,
        message=f"Assigned to {assignee.email}" if assignee else "Unassigned",
    )
    return packet


@transaction.atomic
def message_post(*, packet: Packet, author: User, body: str, internal: bool) -> Message:
    """A staff message to the person (they get an email notice without the content) or an
    internal note only staff see."""
    body = body.strip()
    if not body:
        raise ReviewRefused(_("Write a message first."))
    packet = _locked(packet)
    _require_staff(author)
    message = Message.objects.create(packet=packet, author=author, body=body, internal=internal)
    if not internal:
        _notify_person_on_commit(packet, kind="message")
    return message


@transaction.atomic
def packet_assign_many(*, packet_ids: Iterable[int], assignee: User | None, by: User) -> int:
    """Bulk assignment from the queue: each packet through the one-packet door. Returns how
    many packets changed hands."""
    _require_staff(by)
    changed = 0
    for packet in Packet.objects.filter(pk__in=list(packet_ids), review_status__in=SENT_FOR_REVIEW):
        before = packet.assigned_to_id
        if packet_assign(packet=packet, assignee=assignee, by=by).assigned_to_id != before:
            changed += 1
    return changed


@transaction.atomic
def message_reply(*, packet: Packet, user: User, body: str) -> Message:
    """The person's reply to the clinic, from their packet page. Staff see it as unread in the
    queue until a reviewer opens the packet; nobody is emailed its text."""
    body = body.strip()
    if not body:
        raise ReviewRefused(_("Write your reply first."))
    if len(body) > MESSAGE_MAX_LENGTH:
        raise ReviewRefused(
            _("Your reply is too long: keep it under %(limit)s characters.")
            % {"limit": MESSAGE_MAX_LENGTH}
        )
    packet = _locked(packet)
    _require_owner(packet, user)
    if packet.review_status not in SENT_FOR_REVIEW:
        raise ReviewRefused(_("Send your papers to the clinic first; then you can write to them."))
    return Message.objects.create(packet=packet, author=user, body=body, from_person=True)
