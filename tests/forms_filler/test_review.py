"""Issue 6: clinic review. Every transition allowed and refused, idempotent submission, email
notices without case details, internal notes, staff-only URLs, and a queue whose query count does
not grow with the number of packets."""

import datetime
import itertools

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from expunge_portal.accounts.roles import CLINIC_STAFF_GROUP
from forms_filler import review
from forms_filler.models import (
    Message,
    Packet,
    PacketVersion,
    PaperAccess,
    RenderStatus,
    ReviewEvent,
)
from forms_filler.models import ReviewStatus as S
from tests.factories import make_case, make_packet, make_person, make_user, rescreen

pytestmark = pytest.mark.django_db

STATUSES = list(S)


def with_ready_version(packet: Packet) -> Packet:
    PacketVersion.objects.create(
        packet=packet,
        number=1,
        status=RenderStatus.READY,
        answers_fingerprint="f" * 64,
        sha256="a" * 64,
        size=10,
    )
    return packet


@pytest.fixture
def case(petitioner):
    return make_case(make_person(petitioner))


def packet_in(case, status: str) -> Packet:
    return with_ready_version(make_packet(case, review_status=status))


# --- The transition table -------------------------------------------------------------------

# Written out by hand from docs/review.md, not read from review.TRANSITIONS: from each status,
# the statuses a door leads to.
EXPECTED_MOVES: dict[str, set[str]] = {
    "not_submitted": {"submitted"},
    "submitted": {"in_review", "withdrawn"},
    "in_review": {"changes_requested", "approved", "closed", "withdrawn"},
    "changes_requested": {"resubmitted", "withdrawn", "closed"},
    "resubmitted": {"in_review", "withdrawn"},
    "approved": {"filed", "closed", "withdrawn"},
    "filed": {"closed"},
    "closed": set(),
    "withdrawn": {"submitted"},
}
# The review page's decision form for each status, in the form's order (also by hand).
EXPECTED_DECISIONS: dict[str, list[str]] = {
    "not_submitted": ["message", "note"],
    "submitted": ["approve", "request_changes", "close", "message", "note"],
    "in_review": ["approve", "request_changes", "close", "message", "note"],
    "changes_requested": ["close", "message", "note"],
    "resubmitted": ["approve", "request_changes", "close", "message", "note"],
    "approved": ["close", "mark_filed", "message", "note"],
    "filed": ["close", "message", "note"],
    "closed": ["message", "note"],
    "withdrawn": ["message", "note"],
}


def test_transition_table_is_the_hand_written_one() -> None:
    assert {str(s) for s in STATUSES} == set(EXPECTED_MOVES)
    for from_status, to_status in itertools.product(STATUSES, STATUSES):
        expected = str(to_status) in EXPECTED_MOVES[str(from_status)]
        assert review.transition_allowed(from_status, to_status) is expected, (
            from_status,
            to_status,
        )


@pytest.mark.parametrize("status", STATUSES)
def test_decision_choices_per_status(status) -> None:
    assert review.decisions_for(status) == EXPECTED_DECISIONS[str(status)]


PERSON_DOORS = {
    S.SUBMITTED: review.packet_submit,
    S.RESUBMITTED: review.packet_resubmit,
    S.WITHDRAWN: review.packet_withdraw,
}
STAFF_DOORS = {
    S.IN_REVIEW: review.review_start,
    S.CHANGES_REQUESTED: review.review_request_changes,
    S.APPROVED: review.review_approve,
    S.FILED: review.review_mark_filed,
    S.CLOSED: review.review_close,
}


def call_door(target: str, packet: Packet, *, person, staff) -> ReviewEvent | None:
    if target in PERSON_DOORS:
        return PERSON_DOORS[target](packet=packet, user=person)
    door = STAFF_DOORS[target]
    if door is review.review_start:
        return door(packet=packet, reviewer=staff)
    return door(packet=packet, reviewer=staff, message="Please check the date.")


@pytest.mark.parametrize(
    ("from_status", "to_status"),
    [
        (f, t)
        for f, t in itertools.product(STATUSES, STATUSES)
        if t in PERSON_DOORS or t in STAFF_DOORS
    ],
)
def test_every_transition_allowed_or_refused(
    from_status, to_status, case, petitioner, clinic_staff, django_capture_on_commit_callbacks
) -> None:
    packet = packet_in(case, from_status)
    allowed = str(to_status) in EXPECTED_MOVES[str(from_status)]
    # Sending again what the clinic already has is harmless: no change, no event.
    idempotent = to_status in (S.SUBMITTED, S.RESUBMITTED) and from_status in (
        review.AWAITING_CLINIC
    )
    with django_capture_on_commit_callbacks(execute=True):
        if allowed or idempotent:
            event = call_door(to_status, packet, person=petitioner, staff=clinic_staff)
        else:
            with pytest.raises(review.ReviewRefused):
                call_door(to_status, packet, person=petitioner, staff=clinic_staff)
            event = None
    packet.refresh_from_db()
    if allowed and not idempotent:
        assert packet.review_status == to_status
        assert event is not None
        assert (event.from_status, event.to_status, event.actor) == (
            from_status,
            to_status,
            petitioner if to_status in PERSON_DOORS else clinic_staff,
        )
        assert ReviewEvent.objects.filter(packet=packet).count() == 1
    else:
        assert packet.review_status == from_status
        assert not ReviewEvent.objects.filter(packet=packet).exists()


def test_doors_check_who_acts(case, petitioner, other_petitioner, clinic_staff) -> None:
    packet = packet_in(case, S.NOT_SUBMITTED)
    with pytest.raises(review.ReviewRefused):
        review.packet_submit(packet=packet, user=other_petitioner)
    with pytest.raises(review.ReviewRefused):
        review.packet_submit(packet=packet, user=clinic_staff)
    review.packet_submit(packet=packet, user=petitioner)
    with pytest.raises(review.ReviewRefused):
        review.review_start(packet=packet, reviewer=petitioner)


def test_submit_needs_ready_papers(case, petitioner) -> None:
    packet = make_packet(case)
    with pytest.raises(review.ReviewRefused):
        review.packet_submit(packet=packet, user=petitioner)


def test_request_changes_needs_a_message(case, clinic_staff) -> None:
    packet = packet_in(case, S.IN_REVIEW)
    with pytest.raises(review.ReviewRefused):
        review.review_request_changes(packet=packet, reviewer=clinic_staff, message="  ")


# --- Through HTTP -----------------------------------------------------------------------------


def person_url(case, name: str) -> str:
    return reverse(f"forms_filler:{name}", kwargs={"case_id": case.pk})


def staff_url(packet, name: str) -> str:
    return reverse(f"review:{name}", kwargs={"packet_id": packet.pk})


def decide(client, packet, decision: str, message: str = ""):
    """Open the review page (as a reviewer does), then send its decision form."""
    page = client.get(staff_url(packet, "packet"))
    revision = page.context["decision_form"]["revision"].value()
    return client.post(
        staff_url(packet, "action"),
        {"decision": decision, "message": message, "revision": revision},
        follow=True,
    )


def test_submit_twice_is_harmless(
    petitioner_client, case, django_capture_on_commit_callbacks
) -> None:
    packet = packet_in(case, S.NOT_SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        first = petitioner_client.post(person_url(case, "submit"))
        second = petitioner_client.post(person_url(case, "submit"))
    assert first.status_code == second.status_code == 302
    packet.refresh_from_db()
    assert packet.review_status == S.SUBMITTED
    assert packet.events.count() == 1
    assert packet.events.get().version.number == 1


def test_refused_decision_is_a_message_not_an_error(staff_client, case) -> None:
    packet = packet_in(case, S.CHANGES_REQUESTED)
    response = decide(staff_client, packet, "approve")
    assert response.status_code == 200
    assert "Select a valid choice" in response.text  # approving is not offered now
    packet.refresh_from_db()
    assert packet.review_status == S.CHANGES_REQUESTED


def test_notices_carry_no_case_details(
    petitioner, staff_client, case, django_capture_on_commit_callbacks
) -> None:
    packet = packet_in(case, S.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        decide(staff_client, packet, "request_changes", "PC 484(a) in 24CR001234: fix the date")
        decide(staff_client, packet, "message", "Petty theft note")
        decide(staff_client, packet, "note", "internal")
    # Opening started the review, asking for changes, the message; no mail for the note.
    assert len(mail.outbox) == 3
    for email in mail.outbox:
        assert email.to == [petitioner.email]
        text = f"{email.subject}\n{email.body}"
        for secret in ("24CR001234", "Sacramento", "484", "Petty", "theft", "Pat", "Petitioner",
                       "fix the date", "Superior Court", "internal"):  # fmt: skip
            assert secret not in text, secret
        assert reverse("forms_filler:packet", kwargs={"case_id": case.pk}) in email.body


def test_notice_in_the_persons_language(
    petitioner, staff_client, case, django_capture_on_commit_callbacks
) -> None:
    petitioner.preferred_language = "es"
    petitioner.save()
    packet = packet_in(case, S.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.get(staff_url(packet, "packet"))
    assert len(mail.outbox) == 1
    assert "novedades" in mail.outbox[0].subject


def test_internal_notes_are_invisible_to_the_person(
    petitioner_client, staff_client, case, django_capture_on_commit_callbacks
) -> None:
    packet = packet_in(case, S.IN_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        decide(staff_client, packet, "note", "Looks odd: XYZZY")
        decide(staff_client, packet, "message", "Hello from the clinic")
    assert Message.objects.filter(internal=True).count() == 1
    page = petitioner_client.get(person_url(case, "packet")).text
    status = petitioner_client.get(person_url(case, "status")).text
    assert "XYZZY" not in page
    assert "XYZZY" not in status
    assert "Hello from the clinic" in page
    staff_page = staff_client.get(staff_url(packet, "packet")).text
    assert "XYZZY" in staff_page
    assert "Internal note (staff only)" in staff_page


def test_person_sees_timeline_and_messages(
    petitioner_client, staff_client, clinic_staff, case, django_capture_on_commit_callbacks
) -> None:
    packet = packet_in(case, S.NOT_SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        petitioner_client.post(person_url(case, "submit"))
        staff_client.post(staff_url(packet, "assign"), {"assignee": "me"})
        decide(staff_client, packet, "request_changes", "Your end date looks wrong.")
    page = petitioner_client.get(person_url(case, "packet")).text
    assert "Sent for review" in page
    assert "In review" in page
    assert "Changes requested" in page
    assert "Your end date looks wrong." in page
    assert "Assigned to" not in page  # assignment is staff business
    packet.refresh_from_db()
    assert packet.assigned_to == clinic_staff


def test_after_a_change_request_one_button_makes_new_papers_and_sends_them_again(
    petitioner_client, case, django_capture_on_commit_callbacks
) -> None:
    packet = packet_in(case, S.CHANGES_REQUESTED)
    page = petitioner_client.get(person_url(case, "packet")).text
    assert "Make the new papers and send them again" in page
    # One button: no separate "make" and "send" steps to get in the wrong order.
    assert "Send the changed papers again" not in page
    assert ">Make new papers</button>" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = petitioner_client.post(person_url(case, "remake_and_resend"))
    assert response.status_code == 302
    assert response["Location"] == person_url(case, "packet")
    packet.refresh_from_db()
    assert packet.versions.count() == 2
    assert packet.review_status == S.RESUBMITTED
    assert not packet.resend_when_ready
    assert packet.events.get().version.number == 2


def test_remake_and_resend_waits_for_the_render_then_sends(
    petitioner_client, case, django_capture_on_commit_callbacks
) -> None:
    """Until the worker has made the papers, the packet stays with the person, marked to go."""
    packet = packet_in(case, S.CHANGES_REQUESTED)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        petitioner_client.post(person_url(case, "remake_and_resend"))
    packet.refresh_from_db()
    assert packet.review_status == S.CHANGES_REQUESTED
    assert packet.resend_when_ready
    page = petitioner_client.get(person_url(case, "packet")).text
    assert "They go back to the clinic as soon as they are ready." in page
    for callback in callbacks:
        callback()
    packet.refresh_from_db()
    assert packet.review_status == S.RESUBMITTED
    assert not packet.resend_when_ready


def test_remake_and_resend_is_refused_without_a_change_request(petitioner_client, case) -> None:
    packet = packet_in(case, S.SUBMITTED)
    response = petitioner_client.post(person_url(case, "remake_and_resend"), follow=True)
    assert response.status_code == 200
    assert "The clinic has not asked for changes to these papers." in response.text
    packet.refresh_from_db()
    assert packet.review_status == S.SUBMITTED
    assert packet.versions.count() == 1


def test_staff_page_shows_answers_reasons_assumptions_and_history(staff_client, case) -> None:
    packet = packet_in(case, S.SUBMITTED)
    case.case_number = "24CR009999"
    case.save()  # a recorded edit
    page = staff_client.get(staff_url(packet, "packet")).text
    assert "I don&#x27;t know" in page or "I don't know" in page  # pending_charges unknown
    assert "PC 1203.4(a)(1)" in page
    assert "Assumptions to check" in page
    assert "restitution" in page  # the engine's assumption
    assert "it can only be a misdemeanor" in page  # the interview's assumption
    assert "Case: changed (case number)" in page  # the history of edits names the field
    assert "PC 484(a)" in page


# --- Who may see what -------------------------------------------------------------------------


def staff_urls(packet) -> list[tuple[str, str]]:
    return [
        ("get", reverse("review:queue")),
        ("get", staff_url(packet, "packet")),
        ("post", staff_url(packet, "action")),
        ("post", staff_url(packet, "assign")),
        ("post", reverse("review:bulk_assign")),
        ("get", reverse("review:export")),
        ("get", reverse("review:approved_day") + "?day=2025-06-30"),
    ]


def test_staff_urls_refused_to_petitioners_and_anonymous(client, petitioner_client, case) -> None:
    packet = packet_in(case, S.SUBMITTED)
    for method, url in staff_urls(packet):
        body = {"decision": "approve", "packets": [packet.pk], "assignee": "me"}
        assert getattr(petitioner_client, method)(url, body).status_code == 403, url
        response = getattr(client, method)(url, body)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("account_login")), url
    packet.refresh_from_db()
    assert packet.review_status == S.SUBMITTED
    assert not packet.events.exists()


def test_staff_urls_open_to_staff(staff_client, case) -> None:
    packet = packet_in(case, S.SUBMITTED)
    assert staff_client.get(reverse("review:queue")).status_code == 200
    assert staff_client.get(staff_url(packet, "packet")).status_code == 200
    assert staff_client.get(staff_url(packet, "packet") + "0/").status_code == 404


def test_one_persons_packet_is_invisible_to_another(other_client, case) -> None:
    packet = packet_in(case, S.CHANGES_REQUESTED)
    for name in ("packet", "status"):
        assert other_client.get(person_url(case, name)).status_code == 404
    for name in ("submit", "resubmit", "withdraw", "retry"):
        assert other_client.post(person_url(case, name)).status_code == 404
    packet.refresh_from_db()
    assert packet.review_status == S.CHANGES_REQUESTED


def test_content_editors_have_no_packet_permissions(content_editor) -> None:
    from django.test import Client

    client = Client()
    client.force_login(content_editor)
    for model in ("packet", "packetversion", "reviewevent", "message", "paperaccess"):
        assert not content_editor.has_perm(f"forms_filler.view_{model}")
        assert client.get(f"/admin/forms_filler/{model}/").status_code in (302, 403)


def test_admin_shows_packets_read_only(admin_client_, case) -> None:
    packet = packet_in(case, S.SUBMITTED)
    assert admin_client_.get("/admin/forms_filler/packet/").status_code == 200
    assert admin_client_.get(f"/admin/forms_filler/packet/{packet.pk}/change/").status_code == 200
    assert admin_client_.get("/admin/forms_filler/reviewevent/add/").status_code == 403


# --- The queue ---------------------------------------------------------------------------------


def many_packets(n: int, *, start: int = 0) -> None:
    for i in range(start, start + n):
        owner = make_user(f"p{i}@example.org")
        case = make_case(
            make_person(owner, full_name=f"Person {i}"),
            case_number=f"25CR{i:06}",
            county="Fresno" if i % 2 else "Sacramento",
            outcome="discretionary" if i % 3 == 0 else "eligible",
        )
        packet = make_packet(case, review_status=S.SUBMITTED if i % 4 else S.IN_REVIEW)
        packet.submitted_at = timezone.now() - datetime.timedelta(hours=i)
        packet.save()


def queue_queries(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("review:queue"), {"status": "all"})
    assert response.status_code == 200
    return len(ctx)


def test_queue_query_count_is_constant(staff_client) -> None:
    many_packets(5)
    queue_queries(staff_client)  # the session's first request also stamps its sign-in time
    small = queue_queries(staff_client)
    many_packets(195, start=5)
    large = queue_queries(staff_client)
    assert large == small
    assert large <= 12


def test_queue_filters_search_order_and_pages(staff_client, clinic_staff) -> None:
    many_packets(30)
    mine = Packet.objects.get(case__case_number="25CR000007")
    mine.assigned_to = clinic_staff
    mine.save()
    url = reverse("review:queue")

    def names(**params: str) -> list[str]:
        response = staff_client.get(url, params)
        return [p.case.person.full_name for p in response.context["page"].object_list]

    assert len(names(status="all")) == 25  # first page
    assert len(names(status="all", page="2")) == 5
    assert names(status="all")[0] == "Person 29"  # waiting longest first
    assert names(status="all", order="newest")[0] == "Person 0"
    assert names(q="25CR000012") == ["Person 12"]
    assert names(q="person 13", status="all") == ["Person 13"]
    assert set(names(status="in_review")) == {f"Person {i}" for i in range(0, 30, 4)}
    fresno = names(status="all", county="Fresno")
    assert fresno
    assert all(int(n.split()[1]) % 2 for n in fresno)
    assert set(names(status="all", outcome="discretionary")) == {
        f"Person {i}" for i in range(0, 30, 3)
    }
    assert names(status="all", mine="on") == ["Person 7"]
    counts = staff_client.get(url).context["status_counts"]
    assert dict((str(s), n) for s, n in counts)["in_review"] == 8


def test_assign_to_other_staff_and_refuse_non_staff(staff_client, petitioner, case) -> None:
    packet = packet_in(case, S.SUBMITTED)
    colleague = make_user("cole@example.org", groups=(CLINIC_STAFF_GROUP,))
    staff_client.post(staff_url(packet, "assign"), {"assignee": colleague.pk})
    packet.refresh_from_db()
    assert packet.assigned_to == colleague
    staff_client.post(staff_url(packet, "assign"), {"assignee": petitioner.pk})
    packet.refresh_from_db()
    assert packet.assigned_to == colleague


# --- What a refusal and a decision's message say (mutation testing found these unchecked) ----


def test_an_unscreened_case_cannot_be_approved_and_the_refusal_says_why(
    clinic_staff, petitioner
) -> None:
    packet = packet_in(make_case(make_person(petitioner)), S.IN_REVIEW)
    packet.case.determinations.all().delete()
    with pytest.raises(review.ReviewRefused) as refused:
        review.review_approve(packet=packet, reviewer=clinic_staff)
    assert str(refused.value) == "This case has not been screened, so it cannot be approved."


def test_a_blocked_case_refusal_names_the_outcome_and_the_engines_reasons(
    clinic_staff, petitioner
) -> None:
    packet = packet_in(make_case(make_person(petitioner), outcome="blocked"), S.IN_REVIEW)
    with pytest.raises(review.ReviewRefused) as refused:
        review.review_approve(packet=packet, reviewer=clinic_staff)
    assert str(refused.value) == (
        "This case cannot be approved: the screening says “Blocked for now”. "
        "You completed probation and are not on supervision or charged now."
    )
    rescreen(
        packet.case,
        outcome="blocked",
        reasons=[
            {"text": "You are on probation in another case.", "citation": "PC 1203.4(a)(1)"},
            {"text": "It ends on May 1, 2027.", "citation": "PC 1203.4(a)(1)"},
        ],
    )
    with pytest.raises(review.ReviewRefused) as refused:
        review.review_approve(packet=packet, reviewer=clinic_staff)
    assert str(refused.value).endswith(
        "“Blocked for now”. You are on probation in another case. It ends on May 1, 2027."
    )
    assert Packet.objects.get(pk=packet.pk).review_status == S.IN_REVIEW


@pytest.mark.parametrize(
    ("door", "status"),
    [(review.review_close, S.IN_REVIEW), (review.review_mark_filed, S.APPROVED)],
)
def test_a_decision_without_a_message_writes_none_and_with_one_signs_it(
    clinic_staff, case, door, status
) -> None:
    packet = packet_in(case, status)
    door(packet=packet, reviewer=clinic_staff)
    assert not Message.objects.filter(packet=packet).exists()

    other = packet_in(make_case(case.person, case_number="24CR009999"), status)
    door(packet=other, reviewer=clinic_staff, message="  Filed on Monday.  ")
    message = Message.objects.get(packet=other)
    assert (message.body, message.author, message.internal) == (
        "Filed on Monday.",
        clinic_staff,
        False,
    )
    assert ReviewEvent.objects.filter(packet=other).last().message == "Filed on Monday."
    assert ReviewEvent.objects.filter(packet=packet).last().message == ""


def test_each_refusal_says_why_in_the_persons_words(petitioner, other_petitioner, clinic_staff):
    not_ready = make_packet(make_case(make_person(petitioner)))
    with pytest.raises(review.ReviewRefused) as refused:
        review.packet_submit(packet=not_ready, user=petitioner)
    assert str(refused.value) == "Your papers must be ready before you send them for review."
    with pytest.raises(review.ReviewRefused) as refused:
        review.packet_submit(packet=not_ready, user=other_petitioner)
    assert str(refused.value) == "Only the person these papers belong to can do that."
    with pytest.raises(review.ReviewRefused) as refused:
        review.review_start(packet=not_ready, reviewer=petitioner)
    assert str(refused.value) == "Only clinic staff can do that."
    with pytest.raises(review.ReviewRefused) as refused:
        review.review_approve(packet=not_ready, reviewer=clinic_staff)
    assert str(refused.value) == "Only ready papers can be approved."
    ready = packet_in(make_case(make_person(petitioner), case_number="24CR000321"), S.NOT_SUBMITTED)
    with pytest.raises(review.ReviewRefused) as refused:
        review.review_close(packet=ready, reviewer=clinic_staff)
    assert str(refused.value) == "A packet that is “Not sent for review” cannot become “Closed”."


def test_sending_and_sending_again_stamp_the_time_other_moves_do_not(
    petitioner, clinic_staff, case
) -> None:
    packet = packet_in(case, S.NOT_SUBMITTED)
    assert packet.submitted_at is None
    review.packet_submit(packet=packet, user=petitioner)
    sent = Packet.objects.get(pk=packet.pk).submitted_at
    assert sent is not None
    assert ReviewEvent.objects.get(packet=packet).message == ""
    review.review_start(packet=Packet.objects.get(pk=packet.pk), reviewer=clinic_staff)
    assert Packet.objects.get(pk=packet.pk).submitted_at == sent  # opening it changes nothing


def test_the_revision_names_the_status_the_newest_papers_and_the_latest_reply(
    petitioner, clinic_staff, case
) -> None:
    packet = make_packet(case, review_status=S.IN_REVIEW)
    assert review.packet_revision(packet) == "in_review.0.0"  # no papers, no reply
    with_ready_version(packet)
    assert review.packet_revision(packet) == "in_review.1.0"
    Message.objects.create(packet=packet, author=clinic_staff, body="A note", internal=True)
    assert review.packet_revision(packet) == "in_review.1.0"  # only the person's replies count
    reply = Message.objects.create(packet=packet, author=petitioner, body="Done", from_person=True)
    assert review.packet_revision(packet) == f"in_review.1.{reply.pk}"


def test_a_staff_look_is_written_per_packet_with_its_version(petitioner, clinic_staff) -> None:
    person = make_person(petitioner)
    first = make_packet(make_case(person, case_number="24CR000401"))
    second = make_packet(make_case(person, case_number="24CR000402"))
    review.paper_access_record(
        packets=[first, second],
        user=clinic_staff,
        kind=PaperAccess.Kind.DAY_BUNDLE,
        version_numbers={first.pk: 3},
    )
    rows = sorted(PaperAccess.objects.values_list("packet_id", "user_id", "kind", "version_number"))
    assert rows == [
        (first.pk, clinic_staff.pk, "day_bundle", 3),
        (second.pk, clinic_staff.pk, "day_bundle", None),
    ]
