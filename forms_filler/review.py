"""Clinic review: one service per status change, every change an append-only ReviewEvent.

The allowed moves are data (TRANSITIONS); a service refuses any other move with ReviewRefused,
which views turn into a message, never a server error. Each service locks the packet row so two
reviewers (or a reviewer and the person) cannot change it at once."""

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from expunge_portal.accounts.models import User
from expunge_portal.accounts.roles import is_clinic_staff

from .models import Message, Packet, PacketVersion, RenderStatus, ReviewEvent, ReviewStatus

S = ReviewStatus

# From each status, the statuses one door leads to. Anything else is refused.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.NOT_SUBMITTED: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.IN_REVIEW, S.WITHDRAWN}),
    S.IN_REVIEW: frozenset({S.CHANGES_REQUESTED, S.APPROVED, S.WITHDRAWN}),
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


class ReviewRefused(Exception):
    """A status change that is not allowed now; str() is a message fit to show."""


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
        fields.append("submitted_at")
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


@transaction.atomic
def packet_submit(*, packet: Packet, user: User) -> ReviewEvent | None:
    """Send ready papers for review. Sending again while they wait is harmless (no event)."""
    packet = _locked(packet)
    _require_owner(packet, user)
    if packet.review_status in AWAITING_CLINIC:
        return None
    return _move(packet, to_status=S.SUBMITTED, actor=user, version=_ready_version(packet))


@transaction.atomic
def packet_resubmit(*, packet: Packet, user: User) -> ReviewEvent | None:
    """Send the papers again after changes were asked for (usually a new version)."""
    packet = _locked(packet)
    _require_owner(packet, user)
    if packet.review_status in AWAITING_CLINIC:
        return None
    return _move(packet, to_status=S.RESUBMITTED, actor=user, version=_ready_version(packet))


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


@transaction.atomic
def review_approve(*, packet: Packet, reviewer: User, message: str = "") -> ReviewEvent:
    packet = _locked(packet)
    _require_staff(reviewer)
    newest = packet.latest_version
    if newest is None or newest.status != RenderStatus.READY:
        raise ReviewRefused(_("Only ready papers can be approved."))
    return _move(
        packet, to_status=S.APPROVED, actor=reviewer, message=message.strip(), version=newest
    )


@transaction.atomic
def review_mark_filed(*, packet: Packet, reviewer: User, message: str = "") -> ReviewEvent:
    packet = _locked(packet)
    _require_staff(reviewer)
    return _move(packet, to_status=S.FILED, actor=reviewer, message=message.strip())


@transaction.atomic
def review_close(*, packet: Packet, reviewer: User, message: str = "") -> ReviewEvent:
    packet = _locked(packet)
    _require_staff(reviewer)
    return _move(packet, to_status=S.CLOSED, actor=reviewer, message=message.strip())


# The staff doors by the action name the review page posts.
STAFF_ACTIONS: dict[str, Callable[..., ReviewEvent]] = {
    "start": review_start,
    "request_changes": review_request_changes,
    "approve": review_approve,
    "mark_filed": review_mark_filed,
    "close": review_close,
}
ACTION_TARGET: dict[str, str] = {
    "start": S.IN_REVIEW,
    "request_changes": S.CHANGES_REQUESTED,
    "approve": S.APPROVED,
    "mark_filed": S.FILED,
    "close": S.CLOSED,
}


def staff_actions_for(status: str) -> list[str]:
    return [name for name, target in ACTION_TARGET.items() if transition_allowed(status, target)]


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
        raise ReviewRefused(_("The message is empty."))
    packet = _locked(packet)
    _require_staff(author)
    message = Message.objects.create(packet=packet, author=author, body=body, internal=internal)
    if not internal:
        _notify_person_on_commit(packet, kind="message")
    return message
