"""Issue 14, item 5: an email when a waiting case opens, sent once, with one-click unsubscribe.

Through the packet page (HTTP), the `send_reminders` command and the unsubscribe link."""

import datetime
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import CommandError, call_command
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse

from forms_filler.models import Reminder, ReminderKind
from forms_filler.reminders import reminders_send_due
from tests.factories import make_case, make_person, rescreen

pytestmark = pytest.mark.django_db

OPENS = datetime.date(2099, 3, 2)
ENDS = datetime.date(2099, 1, 15)


def packet_url(case, name: str = "packet") -> str:
    return reverse(f"forms_filler:{name}", kwargs={"case_id": case.pk})


def waiting(case, *, outcome: str = "wait", eligible_on: datetime.date | None = OPENS) -> None:
    rescreen(case, outcome=outcome, eligible_on=eligible_on.isoformat() if eligible_on else None)


@pytest.fixture
def case(petitioner):
    case = make_case(make_person(petitioner), case_number="24CR777777", county="Fresno")
    waiting(case)
    return case


def send(today: datetime.date) -> str:
    out = StringIO()
    call_command("send_reminders", "--today", today.isoformat(), stdout=out)
    return out.getvalue()


def test_asking_sets_a_reminder_on_the_day_the_case_opens(petitioner_client, case) -> None:
    response = petitioner_client.post(packet_url(case, "reminder"), follow=True)
    assert "We will email you. The email will not name your case." in response.text
    reminder = Reminder.objects.get()
    assert (reminder.kind, reminder.due_on) == (ReminderKind.OPENS, OPENS)
    assert "We will email you on these dates:" in response.text
    # Asking twice does not make two.
    petitioner_client.post(packet_url(case, "reminder"))
    assert Reminder.objects.count() == 1


def test_an_expected_end_date_gets_its_own_reminder(petitioner_client, case) -> None:
    waiting(case, outcome="blocked", eligible_on=None)
    case.sentence_ended = False
    case.sentence_end_date = ENDS
    case.save()
    petitioner_client.post(packet_url(case, "reminder"))
    reminder = Reminder.objects.get()
    assert (reminder.kind, reminder.due_on) == (ReminderKind.END_DATE, ENDS)


def test_no_date_means_no_reminder_and_a_plain_message(petitioner_client, case) -> None:
    waiting(case, outcome="blocked", eligible_on=None)
    response = petitioner_client.post(packet_url(case, "reminder"), follow=True)
    assert "We do not have a date to remind you of." in response.text
    assert not Reminder.objects.exists()


def test_a_filable_case_gets_no_reminder(petitioner, petitioner_client) -> None:
    case = make_case(make_person(petitioner))
    response = petitioner_client.post(packet_url(case, "reminder"), follow=True)
    assert "Reminders are only for cases that cannot be filed yet." in response.text
    assert not Reminder.objects.exists()


def test_someone_elses_case_gives_404(other_client, case) -> None:
    assert other_client.post(packet_url(case, "reminder")).status_code == 404
    assert other_client.post(packet_url(case, "reminder_cancel")).status_code == 404
    assert not Reminder.objects.exists()


def test_cancel_stops_the_reminder(petitioner_client, case) -> None:
    petitioner_client.post(packet_url(case, "reminder"))
    petitioner_client.post(packet_url(case, "reminder_cancel"))
    assert Reminder.objects.get().cancelled_at is not None
    assert "Reminders sent: 0." in send(OPENS)
    assert mail.outbox == []


# --- The daily command ---------------------------------------------------------------------


@pytest.fixture
def reminder(case) -> Reminder:
    return Reminder.objects.create(case=case, kind=ReminderKind.OPENS, due_on=OPENS)


def test_not_due_is_not_sent(reminder) -> None:
    assert "Reminders sent: 0." in send(OPENS - datetime.timedelta(days=1))
    assert mail.outbox == []


def test_due_is_sent_once_with_no_case_details(reminder, petitioner) -> None:
    assert "Reminders sent: 1." in send(OPENS)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [petitioner.email]
    assert message.subject == "A reminder you asked for"
    text = message.subject + message.body
    for detail in ("24CR777777", "Fresno", "484", "Pat", "probation", "2099"):
        assert detail not in text
    assert f"/packets/case/{reminder.case_id}/" in message.body
    unsubscribe = re.search(r"http\S+/packets/reminders/unsubscribe/\S+/", message.body).group(0)
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_late_run_still_sends_a_missed_day(reminder) -> None:
    assert "Reminders sent: 1." in send(OPENS + datetime.timedelta(days=3))


def test_already_sent_is_not_sent_again(reminder) -> None:
    send(OPENS)
    assert "Reminders sent: 0." in send(OPENS)
    assert "Reminders sent: 0." in send(OPENS + datetime.timedelta(days=1))
    assert len(mail.outbox) == 1


def test_the_end_date_email_asks_whether_it_ended(case) -> None:
    Reminder.objects.create(case=case, kind=ReminderKind.END_DATE, due_on=ENDS)
    send(ENDS)
    assert "tell us whether what you were waiting for has ended" in mail.outbox[0].body


def test_the_email_is_in_the_persons_language(reminder, petitioner) -> None:
    petitioner.preferred_language = "es"
    petitioner.save()
    send(OPENS)
    assert mail.outbox[0].subject == "Un recordatorio que usted pidió"


def test_the_account_deleted_in_between_sends_nothing(reminder, petitioner) -> None:
    petitioner.delete()
    assert "Reminders sent: 0." in send(OPENS)
    assert mail.outbox == []
    assert not Reminder.objects.exists()


def test_a_failed_email_is_tried_again_on_the_next_run(reminder, monkeypatch) -> None:
    def mail_server_down(self: EmailMessage, fail_silently: bool = False) -> int:
        raise OSError("mail server down")

    with monkeypatch.context() as patch:
        patch.setattr(EmailMessage, "send", mail_server_down)
        assert reminders_send_due(today=OPENS) == 0
    reminder.refresh_from_db()
    assert reminder.sent_at is None
    assert reminders_send_due(today=OPENS) == 1
    assert len(mail.outbox) == 1


def test_the_database_refuses_a_second_identical_reminder(reminder) -> None:
    with pytest.raises(IntegrityError):
        Reminder.objects.create(case=reminder.case, kind=ReminderKind.OPENS, due_on=OPENS)


def test_a_bad_date_names_the_option() -> None:
    with pytest.raises(CommandError, match="--today"):
        call_command("send_reminders", "--today", "2099-02-30")


# --- One-click unsubscribe -----------------------------------------------------------------


def test_unsubscribe_works_without_login_and_a_get_changes_nothing(reminder) -> None:
    later = Reminder.objects.create(case=reminder.case, kind=ReminderKind.END_DATE, due_on=ENDS)
    send(ENDS)  # the first email carries the link; the OPENS reminder is still pending
    path = re.search(r"http\S+(/packets/reminders/unsubscribe/\S+/)", mail.outbox[0].body)[1]
    anonymous = Client(enforce_csrf_checks=True)
    page = anonymous.get(path)
    assert page.status_code == 200
    assert "Stop the reminder emails" in page.text
    reminder.refresh_from_db()
    assert reminder.cancelled_at is None  # a link checker's GET unsubscribes nobody
    # RFC 8058: the mail provider POSTs with no cookie and no CSRF token.
    done = anonymous.post(path, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    assert "We will not send you any more reminder emails." in done.text
    reminder.refresh_from_db()
    later.refresh_from_db()
    assert reminder.cancelled_at is not None
    assert later.sent_at is not None  # what was sent stays sent
    assert "Reminders sent: 0." in send(OPENS)
    assert len(mail.outbox) == 1


def test_a_forged_unsubscribe_token_is_refused_plainly(reminder) -> None:
    path = reverse("forms_filler:reminder_unsubscribe", kwargs={"token": f"{reminder.case_id}"})
    for response in (Client().get(path), Client().post(path)):
        assert response.status_code == 400
        assert "This link is not valid." in response.text
    reminder.refresh_from_db()
    assert reminder.cancelled_at is None
