"""Issue 15: the review desk. One screen per packet (the person's cases, old -> new answers, one
decision form), opening starts the review, the person's replies, staff limited to papers sent for
review with every look in the trail, the queue's filters, bulk assignment and exports."""

import csv
import datetime
import io
import zipfile

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from eligibility import services
from eligibility.models import Case, Determination
from expunge_portal.accounts.roles import CLINIC_STAFF_GROUP
from forms_filler import review, storage
from forms_filler.answer_changes import AnswerChange, answer_changes
from forms_filler.models import Message, Packet, PacketVersion, PaperAccess, RenderStatus
from forms_filler.models import ReviewStatus as S
from forms_filler.packet_input import answers_fingerprint
from tests.accounts.totp import totp_code
from tests.factories import (
    PASSWORD,
    STAFF_TOTP_SECRET,
    make_case,
    make_packet,
    make_person,
    make_user,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage")]

FAKE_PDF = b"%PDF-1.4\n% desk-test\n%%EOF\n"
FAKE_PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def ready(packet: Packet, number: int = 1, answers: dict | None = None) -> PacketVersion:
    version = PacketVersion.objects.create(
        packet=packet,
        number=number,
        status=RenderStatus.READY,
        answers_fingerprint=str(number) * 64,
        answers=answers or {},
        sha256="a" * 64,
        size=len(FAKE_PDF),
    )
    version.file = storage.pdf_save(packet_id=packet.pk, number=number, data=FAKE_PDF)
    version.preview = storage.preview_save(packet_id=packet.pk, number=number, data=FAKE_PNG)
    version.save()
    return version


@pytest.fixture
def case(petitioner):
    return make_case(make_person(petitioner))


def packet_in(case, status: str) -> Packet:
    packet = make_packet(case, review_status=status)
    if status != S.NOT_SUBMITTED:
        packet.submitted_at = timezone.now()
        packet.save()
    ready(packet)
    return packet


def staff_url(packet, name: str) -> str:
    return reverse(f"review:{name}", kwargs={"packet_id": packet.pk})


def person_url(case, name: str) -> str:
    return reverse(f"forms_filler:{name}", kwargs={"case_id": case.pk})


def revision_of(client, packet) -> str:
    page = client.get(staff_url(packet, "packet"))
    return page.context["decision_form"]["revision"].value()


def post_decision(client, packet, decision: str, message: str, revision: str):
    return client.post(
        staff_url(packet, "action"),
        {"decision": decision, "message": message, "revision": revision},
        follow=True,
    )


# --- Opening starts the review ------------------------------------------------------------------


def test_opening_a_sent_packet_starts_its_review(staff_client, clinic_staff, case) -> None:
    packet = packet_in(case, S.SUBMITTED)
    page = staff_client.get(staff_url(packet, "packet"))
    assert page.status_code == 200
    assert "Start review" not in page.text
    packet.refresh_from_db()
    assert packet.review_status == S.IN_REVIEW
    assert packet.assigned_to == clinic_staff
    event = packet.events.get()
    assert (event.from_status, event.to_status, event.actor) == (
        "submitted",
        "in_review",
        clinic_staff,
    )
    # HEAD is a look, not an opening.
    other = packet_in(make_case(make_person(make_user("h@example.org"))), S.SUBMITTED)
    assert staff_client.head(staff_url(other, "packet")).status_code == 200
    other.refresh_from_db()
    assert other.review_status == S.SUBMITTED


def test_a_resubmitted_packet_goes_back_to_its_reviewer(staff_client, clinic_staff, case) -> None:
    packet = packet_in(case, S.RESUBMITTED)
    packet.assigned_to = clinic_staff
    packet.save()
    colleague = make_user("cole@example.org", groups=(CLINIC_STAFF_GROUP,))
    from tests.factories import client_for

    client_for(colleague).get(staff_url(packet, "packet"))
    packet.refresh_from_db()
    assert (packet.review_status, packet.assigned_to) == (S.RESUBMITTED, clinic_staff)
    staff_client.get(staff_url(packet, "packet"))
    packet.refresh_from_db()
    assert (packet.review_status, packet.assigned_to) == (S.IN_REVIEW, clinic_staff)


# --- One decision form ------------------------------------------------------------------------


def test_approval_message_reaches_the_person(
    petitioner_client, staff_client, case, django_capture_on_commit_callbacks
) -> None:
    packet = packet_in(case, S.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        revision = revision_of(staff_client, packet)
        response = post_decision(
            staff_client, packet, "approve", "File these at the clerk's window 3.", revision
        )
    assert "The packet is now “Approved”." in response.text
    packet.refresh_from_db()
    assert packet.review_status == S.APPROVED
    page = petitioner_client.get(person_url(case, "packet")).text
    assert "Messages with the clinic" in page
    assert "File these at the clerk&#x27;s window 3." in page
    # The email is a bare notice: the message's text stays on the site.
    assert mail.outbox
    assert all("window 3" not in f"{m.subject}{m.body}" for m in mail.outbox)


def test_asking_for_changes_without_a_message_is_a_form_error(staff_client, case) -> None:
    packet = packet_in(case, S.IN_REVIEW)
    response = post_decision(
        staff_client, packet, "request_changes", "  ", revision_of(staff_client, packet)
    )
    assert response.status_code == 200
    assert "Write the message first." in response.text
    packet.refresh_from_db()
    assert packet.review_status == S.IN_REVIEW


def test_a_decision_on_a_packet_that_changed_is_refused_and_kept(
    petitioner_client, staff_client, case
) -> None:
    packet = packet_in(case, S.SUBMITTED)
    revision = revision_of(staff_client, packet)
    # Meanwhile the person writes back.
    petitioner_client.post(person_url(case, "reply"), {"body": "I found the real date."})
    response = post_decision(
        staff_client, packet, "approve", "Approved: see you Tuesday.", revision
    )
    assert response.status_code == 200
    assert "This packet changed while you were reading it" in response.text
    assert "Approved: see you Tuesday." in response.text  # still in the box
    assert "I found the real date." in response.text  # the page as it is now
    packet.refresh_from_db()
    assert packet.review_status == S.IN_REVIEW
    assert not Message.objects.filter(body__startswith="Approved").exists()
    # The page carries the new revision: sending again works.
    fresh = response.context["decision_form"]["revision"].value()
    assert fresh != revision
    again = post_decision(staff_client, packet, "approve", "Approved: see you Tuesday.", fresh)
    assert "The packet is now “Approved”." in again.text


def test_a_new_version_also_makes_a_decision_stale(staff_client, case) -> None:
    packet = packet_in(case, S.IN_REVIEW)
    revision = revision_of(staff_client, packet)
    ready(packet, number=2)
    response = post_decision(staff_client, packet, "approve", "", revision)
    assert "This packet changed while you were reading it" in response.text
    packet.refresh_from_db()
    assert packet.review_status == S.IN_REVIEW


def test_a_blocked_case_cannot_be_approved_and_the_page_says_why(
    staff_client, petitioner, case
) -> None:
    other = make_case(make_person(petitioner), county="Fresno", case_number="19CR000777")
    Determination.objects.create(
        case=case,
        engine_version="test",
        as_of=datetime.date(2025, 6, 16),
        outcome="blocked",
        result={
            "outcome": "blocked",
            "remedy": None,
            "form_item": None,
            "eligible_on": None,
            "reduction_17b": False,
            "automatic_relief_possible": False,
            "counts": [],
            "alternatives": [],
            "reasons": [
                {
                    "text": "Your Fresno case 19CR000777 is still on probation.",
                    "citation": "PC 1203.4(a)(1)",
                }
            ],
            "assumptions": [],
        },
    )
    packet = packet_in(case, S.SUBMITTED)
    page = staff_client.get(staff_url(packet, "packet"))
    assert "The person's cases" in page.text
    assert "19CR000777" in page.text
    assert "Blocked for now" in page.text
    assert page.text.count("Your Fresno case 19CR000777 is still on probation.") >= 1
    assert "cannot be approved" in page.text
    response = post_decision(
        staff_client, packet, "approve", "", page.context["decision_form"]["revision"].value()
    )
    assert "This case cannot be approved: the screening says “Blocked for now”." in response.text
    assert "Your Fresno case 19CR000777 is still on probation." in response.text
    packet.refresh_from_db()
    assert packet.review_status == S.IN_REVIEW
    assert other.pk in [item.case.pk for item in page.context["record"]]


# --- What changed, old -> new ---------------------------------------------------------------


def test_answer_changes_old_to_new() -> None:
    old = {
        "case": {"sentence_end_date": "2024-03-01", "sentence": "probation"},
        "counts": {
            "1": {"typed": "PC 484(a)", "level": "unknown"},
            "2": {"typed": "VC 23152(a)", "level": "misdemeanor"},
        },
        "person": {"street": "1 Main St", "city": "Sacramento", "pending_charges": None},
    }
    new = {
        "case": {"sentence_end_date": "2024-05-01", "sentence": "probation"},
        "counts": {"1": {"typed": "PC 484(a)", "level": "misdemeanor"}},
        "person": {"street": "1200 J Street", "city": "Sacramento", "pending_charges": False},
    }
    assert answer_changes(old, new) == [
        AnswerChange("Date the sentence ended or ends", "2024-03-01", "2024-05-01", False, False),
        AnswerChange("Offense 1: level", "I don't know", "Misdemeanor", True, False),
        AnswerChange("Offense 2: offense as typed", "VC 23152(a)", "(none)", False, False),
        AnswerChange("Offense 2: level", "Misdemeanor", "(none)", False, False),
        AnswerChange("street address", "1 Main St", "1200 J Street", False, False),
        AnswerChange("Charged with a crime now", "I don't know", "No", True, False),
    ]


def test_the_page_shows_what_changed_between_versions(
    staff_client, petitioner_client, case, django_capture_on_commit_callbacks
) -> None:
    """Versions made through the person's packet page keep their answers."""
    with django_capture_on_commit_callbacks(execute=True):
        petitioner_client.post(person_url(case, "packet"))
    case.sentence_end_date = datetime.date(2024, 5, 1)
    case.save()
    with django_capture_on_commit_callbacks(execute=True):
        petitioner_client.post(person_url(case, "packet"))
    packet = Packet.objects.get(case=case)
    assert packet.versions.count() == 2
    packet.review_status = S.RESUBMITTED
    packet.save()
    page = staff_client.get(staff_url(packet, "packet")).text
    assert "What changed from version 1 to version 2" in page
    assert "<del>2024-03-01</del>" in page
    assert "<ins>2024-05-01</ins>" in page


# --- The person's replies -----------------------------------------------------------------------


def test_the_person_replies_and_staff_see_it_unread_in_the_queue(
    petitioner_client, staff_client, case
) -> None:
    packet = packet_in(case, S.CHANGES_REQUESTED)
    response = petitioner_client.post(
        person_url(case, "reply"), {"body": "Is the date on my receipt the right one?"}
    )
    assert response.status_code == 302
    reply = Message.objects.get(packet=packet)
    assert (reply.from_person, reply.internal, reply.read_at) == (True, False, None)
    assert not mail.outbox  # nobody is emailed the text
    queue = staff_client.get(reverse("review:queue"), {"status": "all"})
    assert "1 unread reply" in queue.text
    assert queue.context["unread_count"] == 1
    waiting_on_us = staff_client.get(reverse("review:queue"), {"status": "all", "waiting": "us"})
    assert [p.pk for p in waiting_on_us.context["page"].object_list] == [packet.pk]
    page = staff_client.get(staff_url(packet, "packet")).text
    assert "From the person" in page
    assert "Is the date on my receipt the right one?" in page
    reply.refresh_from_db()
    assert reply.read_at is not None
    assert "unread repl" not in staff_client.get(reverse("review:queue"), {"status": "all"}).text


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("", "Write your reply first."),
        ("   ", "Write your reply first."),
        ("x" * 5001, "Ensure this value has at most 5000 characters (it has 5001)."),
    ],
)
def test_an_empty_or_too_long_reply_is_a_form_error(petitioner_client, case, body, error) -> None:
    packet_in(case, S.IN_REVIEW)
    response = petitioner_client.post(person_url(case, "reply"), {"body": body})
    assert response.status_code == 200
    assert error in response.text
    assert 'aria-invalid="true"' in response.text
    assert not Message.objects.exists()


def test_replies_need_papers_sent_and_the_owner(petitioner_client, other_client, case) -> None:
    packet = packet_in(case, S.NOT_SUBMITTED)
    response = petitioner_client.post(person_url(case, "reply"), {"body": "Hello?"}, follow=True)
    assert "Send your papers to the clinic first" in response.text
    packet.review_status = S.SUBMITTED
    packet.save()
    assert other_client.post(person_url(case, "reply"), {"body": "Hi"}).status_code == 404
    assert not Message.objects.exists()


# --- Staff see only what was sent, and every look is kept --------------------------------------


def test_staff_get_404_on_papers_never_sent(staff_client, admin_client_, case) -> None:
    packet = packet_in(case, S.NOT_SUBMITTED)
    urls = [
        person_url(case, "packet"),
        person_url(case, "status"),
        reverse("forms_filler:download", kwargs={"case_id": case.pk, "number": 1}),
        reverse("forms_filler:preview", kwargs={"case_id": case.pk, "number": 1}),
        staff_url(packet, "packet"),
    ]
    for url in urls:
        assert staff_client.get(url).status_code == 404, url
        assert admin_client_.get(url).status_code == 200, url  # a superuser sees everything
    assert staff_client.post(staff_url(packet, "assign"), {"assignee": "me"}).status_code == 404
    packet.refresh_from_db()
    assert packet.assigned_to is None


def test_withdrawn_papers_stay_visible_to_staff(staff_client, case) -> None:
    packet = packet_in(case, S.WITHDRAWN)
    assert staff_client.get(staff_url(packet, "packet")).status_code == 200
    assert staff_client.get(person_url(case, "packet")).status_code == 200


def test_every_staff_look_at_papers_is_in_the_trail(
    staff_client, clinic_staff, petitioner_client, case
) -> None:
    packet = packet_in(case, S.IN_REVIEW)
    staff_client.get(staff_url(packet, "packet"))
    staff_client.get(person_url(case, "packet"))
    staff_client.get(reverse("forms_filler:download", kwargs={"case_id": case.pk, "number": 1}))
    staff_client.get(reverse("forms_filler:preview", kwargs={"case_id": case.pk, "number": 1}))
    # The owner's own looks are not staff looks.
    petitioner_client.get(person_url(case, "packet"))
    petitioner_client.get(
        reverse("forms_filler:download", kwargs={"case_id": case.pk, "number": 1})
    )
    looks = list(
        PaperAccess.objects.order_by("pk").values_list("user__email", "kind", "version_number")
    )
    assert looks == [
        ("sam.staff@example.org", "review_page", None),
        ("sam.staff@example.org", "packet_page", None),
        ("sam.staff@example.org", "download", 1),
        ("sam.staff@example.org", "preview", 1),
    ]
    page = staff_client.get(staff_url(packet, "packet")).text
    assert "Who looked at these papers" in page
    assert "Download (v1)" in page


# --- Landing, queue filters, bulk assignment, exports -------------------------------------------


def test_staff_land_on_the_queue_and_petitioners_on_their_dashboard(
    client, clinic_staff, petitioner
) -> None:
    login = reverse("account_login")
    staff = client.post(login, {"login": clinic_staff.email, "password": PASSWORD})
    # Staff sign in with their second step, then land on the queue.
    assert staff.url == "/accounts/2fa/authenticate/"
    staff = client.post(staff.url, {"code": totp_code(STAFF_TOTP_SECRET)})
    assert staff.status_code == 302
    assert staff.url == reverse("review:queue")
    client.logout()
    person = client.post(login, {"login": petitioner.email, "password": PASSWORD})
    assert person.url == reverse("site:dashboard")


def seeded_queue() -> dict[str, Packet]:
    """Four packets: a Spanish speaker's in Fresno, waiting on us; an English speaker's waiting
    on the person; one with an unread reply while changes are asked for; an approved one."""
    made = {}
    for key, email, county, status, language, outcome in (
        ("ana", "ana@example.org", "Fresno", S.SUBMITTED, "es", "eligible"),
        ("ben", "ben@example.org", "Sacramento", S.CHANGES_REQUESTED, "en", "discretionary"),
        ("cruz", "cruz@example.org", "Sacramento", S.CHANGES_REQUESTED, "es", "eligible"),
        ("dee", "dee@example.org", "Fresno", S.APPROVED, "en", "eligible"),
    ):
        owner = make_user(email, preferred_language=language)
        case = make_case(
            make_person(owner, full_name=key.title() + " Person"),
            county=county,
            case_number=f"25CR-{key.upper()}",
            outcome=outcome,
        )
        made[key] = packet_in(case, status)
    Message.objects.create(
        packet=made["cruz"], author=made["cruz"].case.person.owner, body="?", from_person=True
    )
    return made


def queue_names(client, **params: str) -> list[str]:
    response = client.get(reverse("review:queue"), {"status": "all", **params})
    return sorted(p.case.person.full_name for p in response.context["page"].object_list)


def test_queue_outcome_follows_the_latest_screening(staff_client) -> None:
    """The queue filters and shows the case's newest screening (kept on the case when the case
    is screened again), and no outcome once the case can no longer be screened."""
    made = seeded_queue()
    case = made["ana"].case
    assert queue_names(staff_client, outcome="eligible") == [
        "Ana Person",
        "Cruz Person",
        "Dee Person",
    ]
    # Probation that runs until next year: the case has to wait (PC 1203.4(a)(1)).
    case.sentence_ended = False
    case.sentence_end_date = timezone.localdate() + datetime.timedelta(days=365)
    case.save()
    services.person_screen(person=case.person)
    assert queue_names(staff_client, outcome="eligible") == ["Cruz Person", "Dee Person"]
    assert queue_names(staff_client, outcome="wait") == ["Ana Person"]
    response = staff_client.get(reverse("review:queue"), {"status": "all", "outcome": "wait"})
    assert "<td>Wait</td>" in response.text

    case.sentence = "unknown"
    case.save()
    services.person_screen(person=case.person)
    assert queue_names(staff_client, outcome="wait") == []
    assert "Ana Person" in queue_names(staff_client)


def test_the_stored_outcome_is_not_one_of_the_persons_answers(staff_client) -> None:
    """The outcome kept on the case is the screening's, not an answer: the review page does not
    list it among the answers, and it is not part of what the papers are made from."""
    packet = seeded_queue()["ana"]
    before = answers_fingerprint(case=packet.case, language="en")
    Case.objects.filter(pk=packet.case_id).update(latest_outcome="blocked")
    packet.case.refresh_from_db()
    assert answers_fingerprint(case=packet.case, language="en") == before
    response = staff_client.get(staff_url(packet, "packet"))
    labels = [str(row["label"]) for row in response.context["answers"]]
    assert "county" in labels
    assert "latest outcome" not in labels


def test_queue_length_is_the_number_of_matching_packets(staff_client, petitioner) -> None:
    """Counted from the per-status counts when only the status narrows the queue, from the rows
    otherwise: the same figure either way."""
    seeded_queue()
    packet_in(make_case(make_person(petitioner), case_number="25CR-NEVER"), S.NOT_SUBMITTED)
    for params, expected in (
        ({}, 1),  # needs review: Ana's
        ({"status": "all"}, 4),
        ({"status": "changes_requested"}, 2),
        ({"status": "filed"}, 0),
        ({"status": "all", "county": "Sacramento"}, 2),
    ):
        response = staff_client.get(reverse("review:queue"), params)
        assert response.context["page"].paginator.count == expected, params
        rows = response.context["page"].object_list
        assert len(rows) == expected, params


def test_queue_filters_language_waiting_county_outcome(staff_client) -> None:
    seeded_queue()
    assert queue_names(staff_client, language="es") == ["Ana Person", "Cruz Person"]
    assert queue_names(staff_client, language="en") == ["Ben Person", "Dee Person"]
    assert queue_names(staff_client, waiting="us") == ["Ana Person", "Cruz Person"]
    assert queue_names(staff_client, waiting="person") == ["Ben Person"]
    assert queue_names(staff_client, county="Fresno", outcome="eligible") == [
        "Ana Person",
        "Dee Person",
    ]
    assert queue_names(staff_client, q="25cr-be") == ["Ben Person"]
    assert queue_names(staff_client, q="cruz") == ["Cruz Person"]
    page = staff_client.get(reverse("review:queue"), {"status": "all", "language": "es"}).text
    assert "Spanish" in page


def test_bulk_assign(staff_client, clinic_staff) -> None:
    made = seeded_queue()
    colleague = make_user("cole@example.org", groups=(CLINIC_STAFF_GROUP,))
    never_sent = make_packet(make_case(make_person(make_user("z@example.org"))))
    picked = [made["ana"].pk, made["ben"].pk, never_sent.pk]
    response = staff_client.post(
        reverse("review:bulk_assign"),
        {"packets": picked, "assignee": colleague.pk, "query": "status=all&county=Fresno"},
    )
    assert response.status_code == 302
    assert response.url == reverse("review:queue") + "?status=all&county=Fresno"
    assigned = dict(Packet.objects.values_list("pk", "assigned_to"))
    assert assigned[made["ana"].pk] == colleague.pk
    assert assigned[made["ben"].pk] == colleague.pk
    assert assigned[never_sent.pk] is None
    assert assigned[made["dee"].pk] is None
    staff_client.post(
        reverse("review:bulk_assign"), {"packets": [made["dee"].pk], "assignee": "me"}
    )
    assert Packet.objects.get(pk=made["dee"].pk).assigned_to == clinic_staff


def test_csv_export_of_the_filtered_queue_without_statements_or_notes(staff_client) -> None:
    made = seeded_queue()
    ana = made["ana"].case
    ana.statement = "SECRET STATEMENT"
    ana.save()
    ana.person.full_name = '=HYPERLINK("http://evil")'
    ana.person.save()
    Message.objects.create(packet=made["ana"], body="SECRET NOTE", internal=True)
    response = staff_client.get(reverse("review:export"), {"status": "all", "county": "Fresno"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    text = b"".join(response.streaming_content).decode()
    assert "SECRET" not in text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "Packet",
        "Person",
        "County",
        "Case number",
        "Outcome",
        "Status",
        "Reviewer",
        "Language",
        "Sent",
        "Unread replies",
    ]
    people = sorted(row[1] for row in rows[1:])
    assert people == ['\'=HYPERLINK("http://evil")', "Dee Person"]


def test_a_days_approved_papers_in_one_zip(staff_client, clinic_staff, petitioner_client) -> None:
    made = seeded_queue()
    dee = made["dee"]
    event = review.ReviewEvent.objects.create(
        packet=dee,
        actor=clinic_staff,
        from_status=S.IN_REVIEW,
        to_status=S.APPROVED,
        version=dee.versions.get(),
    )
    day = timezone.localdate(event.created_at).isoformat()
    response = staff_client.get(reverse("review:approved_day"), {"day": day})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert len(archive.namelist()) == 1
    assert archive.namelist()[0].endswith("petition-Fresno-25CR-DEE-v1.pdf")
    assert archive.read(archive.namelist()[0]) == FAKE_PDF
    assert PaperAccess.objects.get().kind == "day_bundle"
    empty = staff_client.get(reverse("review:approved_day"), {"day": "2001-01-01"}, follow=True)
    assert "No approved papers on 2001-01-01." in empty.text
    bad = staff_client.get(reverse("review:approved_day"), {"day": "yesterday"}, follow=True)
    assert "Enter a date" in bad.text
    assert petitioner_client.get(reverse("review:approved_day"), {"day": day}).status_code == 403


def test_the_queue_language_is_the_persons_when_sent_and_follows_their_switch(
    petitioner, petitioner_client, staff_client, case, django_capture_on_commit_callbacks
) -> None:
    """The queue filters and shows the person's language on the portal from a copy kept with
    the packet: written when the person sends the papers, and again when they switch language."""
    packet = make_packet(case)  # made while the account is in English
    ready(packet)
    petitioner.preferred_language = "es"
    petitioner.save()
    with django_capture_on_commit_callbacks(execute=True):
        sent = petitioner_client.post(reverse("forms_filler:submit", kwargs={"case_id": case.pk}))
    assert sent.status_code == 302
    packet.refresh_from_db()
    assert packet.person_language == "es"
    assert queue_names(staff_client, language="es") == ["Pat Q. Petitioner"]
    assert queue_names(staff_client, language="en") == []
    revision = review.packet_revision(packet)

    switched = petitioner_client.post(reverse("site:set_language"), {"language": "en"})
    assert switched.status_code == 302
    assert queue_names(staff_client, language="es") == []
    assert queue_names(staff_client, language="en") == ["Pat Q. Petitioner"]
    row = staff_client.get(reverse("review:queue"), {"status": "all"}).text
    assert "<td>English</td>" in row
    exported = staff_client.get(reverse("review:export"), {"status": "all"})
    lines = list(csv.reader(io.StringIO(b"".join(exported.streaming_content).decode())))
    assert lines[1][7] == "en"
    # Not a change to the papers: a reviewer's open page is not made stale by it.
    packet.refresh_from_db()
    assert review.packet_revision(packet) == revision
