"""Reminders for cases that cannot be filed yet: asking for them, cancelling, and the daily send.

The email says only that a date has come and where to sign in (no case, court or offense), and
carries a one-click unsubscribe link (RFC 8058). `reminders_send_due` claims each reminder by
setting `sent_at` before it sends, so a rerun, or two runs at once, never send it twice."""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from eligibility.calendar import today_in_california
from eligibility.models import Case
from eligibility.presentation import WAITING_OUTCOMES
from eligibility.selectors import latest_determination
from expunge_portal.accounts.models import User

from .models import Reminder, ReminderKind

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "forms_filler.reminders.unsubscribe"
NOT_WAITING = gettext_noop("Reminders are only for cases that cannot be filed yet.")
NO_DATE = gettext_noop(
    "We do not have a date to remind you of. When things change, come back and change your answers."
)


class ReminderNotPossible(Exception):
    """No reminder can be set for this case; str() is a message fit to show (translate it)."""


@dataclass(frozen=True)
class ReminderDates:
    """The dates a reminder could be set for: the day the case opens and the day the sentence or
    supervision was expected to end (only dates still ahead)."""

    opens_on: datetime.date | None
    expected_end: datetime.date | None

    @property
    def any(self) -> bool:
        return bool(self.opens_on or self.expected_end)


def reminder_dates(*, case: Case, today: datetime.date | None = None) -> ReminderDates:
    today = today or today_in_california()
    determination = latest_determination(case=case)
    if determination is None or determination.outcome not in WAITING_OUTCOMES:
        return ReminderDates(opens_on=None, expected_end=None)
    raw = determination.result.get("eligible_on")
    opens_on = datetime.date.fromisoformat(raw) if raw else None
    # An end date the person gave for a sentence that has not ended yet is when it should end.
    expected_end = case.sentence_end_date if case.sentence_ended is not True else None
    return ReminderDates(
        opens_on=opens_on if opens_on and opens_on > today else None,
        expected_end=expected_end if expected_end and expected_end > today else None,
    )


def pending_reminders(*, case: Case) -> QuerySet[Reminder]:
    return Reminder.objects.filter(case=case, sent_at__isnull=True, cancelled_at__isnull=True)


@transaction.atomic
def reminder_request(*, case: Case, user: User) -> list[Reminder]:
    """Remind the case's owner on each date in `reminder_dates` (asking again is harmless)."""
    if case.person.owner_id != user.pk:
        raise PermissionError("Only the person a case belongs to can ask for its reminders.")
    determination = latest_determination(case=case)
    if determination is None or determination.outcome not in WAITING_OUTCOMES:
        raise ReminderNotPossible(NOT_WAITING)
    dates = reminder_dates(case=case)
    if not dates.any:
        raise ReminderNotPossible(NO_DATE)
    wanted = [(ReminderKind.OPENS, dates.opens_on), (ReminderKind.END_DATE, dates.expected_end)]
    reminders = []
    for kind, due_on in wanted:
        if due_on is None:
            continue
        reminder, created = Reminder.objects.get_or_create(case=case, kind=kind, due_on=due_on)
        if not created and reminder.cancelled_at is not None and reminder.sent_at is None:
            reminder.cancelled_at = None
            reminder.save(update_fields=["cancelled_at"])
        reminders.append(reminder)
    return reminders


def reminder_cancel(*, case: Case, user: User) -> int:
    if case.person.owner_id != user.pk:
        raise PermissionError("Only the person a case belongs to can cancel its reminders.")
    return pending_reminders(case=case).update(cancelled_at=timezone.now())


def unsubscribe_token(*, user: User) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def unsubscribe_token_valid(*, token: str) -> bool:
    try:
        signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return False
    return True


def reminders_unsubscribe(*, token: str) -> int:
    """Cancel every pending reminder of the account the token was made for. Raises
    signing.BadSignature for a token we did not make."""
    user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    return Reminder.objects.filter(
        case__person__owner_id=user_id, sent_at__isnull=True, cancelled_at__isnull=True
    ).update(cancelled_at=timezone.now())


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _send(reminder: Reminder, owner: User) -> None:
    token = unsubscribe_token(user=owner)
    unsubscribe_url = _absolute(
        reverse("forms_filler:reminder_unsubscribe", kwargs={"token": token})
    )
    context = {
        "kind": reminder.kind,
        "url": _absolute(reverse("forms_filler:packet", kwargs={"case_id": reminder.case_id})),
        "unsubscribe_url": unsubscribe_url,
        "clinic_name": settings.CLINIC_NAME,
    }
    with translation.override(owner.preferred_language or settings.LANGUAGE_CODE):
        subject = render_to_string("emails/reminder_subject.txt", context).strip()
        body = render_to_string("emails/reminder_body.txt", context)
    EmailMessage(
        subject,
        body,
        to=[owner.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    ).send()


def reminders_send_due(*, today: datetime.date | None = None) -> int:
    """Email every reminder due on or before `today` that is neither sent nor cancelled.
    Returns how many were sent. A failed email is released to be tried on the next run."""
    today = today or today_in_california()
    due_ids = list(
        Reminder.objects.filter(
            due_on__lte=today, sent_at__isnull=True, cancelled_at__isnull=True
        ).values_list("pk", flat=True)
    )
    sent = 0
    for reminder_id in due_ids:
        with transaction.atomic():
            claimed = Reminder.objects.filter(
                pk=reminder_id, sent_at__isnull=True, cancelled_at__isnull=True
            ).update(sent_at=timezone.now())
        reminder = (
            Reminder.objects.select_related("case__person__owner").filter(pk=reminder_id).first()
        )
        # Gone (account or case deleted in the meantime) or claimed by another run.
        if not claimed or reminder is None:
            continue
        owner = reminder.case.person.owner
        if owner is None or not owner.is_active or not owner.email:
            continue
        try:
            _send(reminder, owner)
        except Exception:
            logger.exception("Could not send reminder %s; it will be tried again", reminder_id)
            Reminder.objects.filter(pk=reminder_id).update(sent_at=None)
            continue
        sent += 1
    return sent
