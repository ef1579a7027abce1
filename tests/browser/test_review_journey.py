"""The review desk from the staff side, at desktop and tablet widths (issue 15): a person sends
papers; staff open them from the queue (which starts the review), see the person's other case, ask
for changes with one message; the person replies, changes an answer, makes new papers and sends
them again; staff see the reply as unread in the queue and the change as old -> new, and approve
with a message the person then reads. In Chromium against the live server (the ImmediateBackend
renders inside the request)."""

import pytest

from forms_filler.models import Packet, ReviewStatus
from tests.factories import make_case, make_person, make_user

from .conftest import DESKTOP, PHONE, screenshot
from .people import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

TABLET = {"width": 820, "height": 1180}


@pytest.mark.parametrize(("width", "viewport"), [("desktop", DESKTOP), ("tablet", TABLET)])
def test_review_desk_journey(page_factory, live_server, width, viewport) -> None:
    from expunge_portal.accounts.roles import CLINIC_STAFF_GROUP

    person_user = make_user("rosa@example.org")
    staff_user = make_user("sam.staff@example.org", groups=(CLINIC_STAFF_GROUP,))
    person_record = make_person(person_user, full_name="Rosa Díaz")
    case = make_case(person_record)
    make_case(person_record, county="Fresno", case_number="19CR000777", outcome="wait")

    person = page_factory(PHONE)
    log_in(person, person_user, live_server)
    person.goto(f"/packets/case/{case.pk}/")
    person.get_by_role("button", name="Make my papers").click()
    assert person.get_by_role("link", name="Download your papers (PDF)").is_visible()
    person.get_by_role("button", name="Send to the clinic for review").click()
    assert person.get_by_text("Your papers were sent to the clinic for review.").is_visible()

    staff = page_factory(viewport)
    log_in(staff, staff_user, live_server)
    staff.goto("/review/")
    screenshot(staff, f"review-queue-{width}")
    staff.get_by_role("link", name="Rosa Díaz").click()
    # Opening started the review: no "Start review" button, the decision form is there.
    assert staff.get_by_text("In review", exact=True).first.is_visible()
    assert staff.get_by_role("button", name="Start review").count() == 0
    record = staff.locator("section", has=staff.get_by_role("heading", name="The person's cases"))
    assert record.get_by_text("19CR000777").is_visible()
    assert record.get_by_text("Must wait").is_visible()
    staff.get_by_label("Ask for changes").check()
    staff.get_by_label("Message:").fill("Please add your apartment number.")
    staff.get_by_role("button", name="Save the decision").click()
    assert staff.get_by_text("The packet is now “Changes requested”.").is_visible()
    screenshot(staff, f"review-packet-changes-{width}")

    person.goto(f"/packets/case/{case.pk}/")
    assert person.get_by_text("Please add your apartment number.").is_visible()
    person.get_by_label("Your reply to the clinic").fill("Done: it is Apt. 4.")
    person.get_by_role("button", name="Send my reply").click()
    assert person.get_by_text("Your reply was sent to the clinic.").is_visible()
    person.goto(f"/packets/case/{case.pk}/details/")
    person.get_by_label("Street address").fill("1 Main St, Apt. 4")
    person.get_by_role("button", name="Save and continue").click()
    assert person.get_by_role("button", name="Make new papers").count() == 0
    person.get_by_role("button", name="Make the new papers and send them again").click()
    assert person.get_by_text("Version 2 of your papers is ready.").is_visible()
    assert person.get_by_text("Sent again for review").first.is_visible()
    screenshot(person, f"packet-replied-phone-{width}")

    staff.goto("/review/")
    assert staff.get_by_text("1 unread reply").is_visible()
    screenshot(staff, f"review-queue-unread-{width}")
    staff.get_by_role("link", name="Rosa Díaz").click()
    changes = staff.locator("table.changes")
    assert changes.get_by_role("rowheader", name="Street address").is_visible()
    assert changes.locator("del").first.inner_text() == "1 Main St"
    assert changes.locator("ins").first.inner_text() == "1 Main St, Apt. 4"
    assert staff.get_by_text("Done: it is Apt. 4.").is_visible()
    screenshot(staff, f"review-packet-diff-{width}")
    staff.get_by_label("Approve: the papers can be filed").check()
    staff.get_by_label("Message:").fill("Approved. File them at window 3.")
    staff.get_by_role("button", name="Save the decision").click()
    assert staff.get_by_text("The packet is now “Approved”.").is_visible()
    screenshot(staff, f"review-packet-approved-{width}")

    packet = Packet.objects.get(case=case)
    assert packet.review_status == ReviewStatus.APPROVED
    moves = [(e.from_status, e.to_status) for e in packet.events.all()]
    assert [m for m in moves if m[0] != m[1]] == [
        ("not_submitted", "submitted"),
        ("submitted", "in_review"),
        ("in_review", "changes_requested"),
        ("changes_requested", "resubmitted"),
        ("resubmitted", "in_review"),
        ("in_review", "approved"),
    ]
    person.goto(f"/packets/case/{case.pk}/")
    assert person.get_by_text("Approved. File them at window 3.").is_visible()
    screenshot(person, f"packet-approved-phone-{width}")
