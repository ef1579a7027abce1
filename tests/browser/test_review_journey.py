"""A person sends ready papers for review; staff ask for changes; the person changes an answer,
makes new papers and sends them again; staff approve. In Chromium against the live server (the
ImmediateBackend renders inside the request)."""

import pytest
from django.conf import settings
from django.test import Client

from forms_filler.models import Packet, ReviewStatus
from tests.factories import make_case, make_person, make_user

from .conftest import DESKTOP, PHONE, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def log_in(page, user, live_server) -> None:
    """A signed-in session, as the login form would leave it (the login form has its own tests)."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def test_submit_request_changes_resubmit_approve(page_factory, live_server) -> None:
    from expunge_portal.accounts.roles import CLINIC_STAFF_GROUP

    person_user = make_user("rosa@example.org")
    staff_user = make_user("sam.staff@example.org", groups=(CLINIC_STAFF_GROUP,))
    case = make_case(make_person(person_user, full_name="Rosa Díaz"))

    person = page_factory(PHONE)
    log_in(person, person_user, live_server)
    person.goto(f"/packets/case/{case.pk}/")
    person.get_by_role("button", name="Make my papers").click()
    assert person.get_by_role("link", name="Download your papers (PDF)").is_visible()
    assert person.get_by_role("img", name="Preview of the first page of your papers").is_visible()
    screenshot(person, "packet-ready-phone")
    person.get_by_role("button", name="Send to the clinic for review").click()
    assert person.get_by_text("Your papers were sent to the clinic for review.").is_visible()

    staff = page_factory(DESKTOP)
    log_in(staff, staff_user, live_server)
    staff.goto("/review/")
    assert staff.get_by_role("link", name="Rosa Díaz").is_visible()
    screenshot(staff, "review-queue-desktop")
    staff.get_by_role("link", name="Rosa Díaz").click()
    staff.get_by_role("button", name="Start review").click()
    staff.get_by_label("Message to the person").fill("Please add your street address.")
    staff.get_by_role("button", name="Ask for changes").click()
    assert staff.get_by_text("The packet is now “Changes requested”.").is_visible()
    staff.get_by_label("Message").last.fill("Called her on Monday.")
    staff.get_by_role("button", name="Save as internal note").click()
    screenshot(staff, "review-packet-desktop")

    person.goto(f"/packets/case/{case.pk}/")
    assert person.get_by_text("Please add your street address.").is_visible()
    assert "Called her on Monday" not in person.content()
    assert person.get_by_role("link", name="Change my answers").is_visible()
    screenshot(person, "packet-changes-requested-phone")
    # The change: the person's address on the papers, through the details form.
    person.goto(f"/packets/case/{case.pk}/details/")
    person.get_by_label("Street address").fill("1200 J Street, Apt. 4")
    person.get_by_role("button", name="Save and continue").click()
    person.get_by_role("button", name="Make new papers").click()
    assert person.get_by_text("Version 2 of your papers is ready.").is_visible()
    person.get_by_role("button", name="Send the changed papers again").click()
    assert person.get_by_text("Your changed papers were sent to the clinic.").is_visible()

    staff.reload()
    staff.get_by_role("button", name="Start review").click()
    staff.get_by_role("button", name="Approve").click()
    assert staff.get_by_text("The packet is now “Approved”.").is_visible()
    screenshot(staff, "review-packet-approved-desktop")
    staff.set_viewport_size(PHONE)
    screenshot(staff, "review-packet-phone")
    staff.goto("/review/?status=all")
    screenshot(staff, "review-queue-phone")

    packet = Packet.objects.get()
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
    assert person.get_by_text("Approved", exact=True).first.is_visible()
    screenshot(person, "packet-approved-phone")
