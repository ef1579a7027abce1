"""The same POST sent twice (a double click, a retried request, the back button) yields one
record; an old page sent again for a question that no longer applies is not a server error."""

import pytest
from django.test import Client

from eligibility.models import Case, Person
from forms_filler.models import PacketVersion, RenderStatus, ReviewEvent
from forms_filler.models import ReviewStatus as S
from tests.eligibility.interview import ABOUT_YOU, answer, finish, probation_case, step_url
from tests.factories import make_case, make_person

pytestmark = pytest.mark.django_db


def test_check_your_answers_posted_twice_saves_one_case(petitioner_client: Client, petitioner):
    finish(petitioner_client, probation_case())
    assert Case.objects.filter(person__owner=petitioner).count() == 1
    replay = answer(petitioner_client, "check", {})
    assert replay.status_code in (200, 302)  # the finished interview starts over; no 500
    assert Case.objects.filter(person__owner=petitioner).count() == 1


def test_anonymous_check_posted_twice_saves_one_case():
    client = Client()
    finish(client, probation_case())
    assert answer(client, "check", {}).status_code in (200, 302)
    assert Case.objects.count() == 1
    assert Person.objects.count() == 1


def test_every_step_posted_twice_moves_on_and_saves_once(petitioner_client, petitioner):
    steps = [*probation_case(), ("about-you", ABOUT_YOU), ("check", {})]
    petitioner_client.get("/screening/new/")
    for step, data in steps:
        first = answer(petitioner_client, step, data)
        second = answer(petitioner_client, step, data)
        assert first.status_code == 302, step
        assert second.status_code in ((200, 302) if step == "check" else (302,)), step
    assert Case.objects.filter(person__owner=petitioner).count() == 1


@pytest.mark.parametrize("method", ["post", "get"])
def test_a_step_that_no_longer_applies_is_not_a_server_error(petitioner, petitioner_client, method):
    """ "About you" is skipped once the details are known; its old page sent again (or opened
    while the interview stood on it) lands on the next page that applies."""
    petitioner_client.get("/screening/new/")
    for step, data in probation_case():
        answer(petitioner_client, step, data)
    page = petitioner_client.get(step_url("about-you"))
    assert page.status_code == 200
    make_person(petitioner, full_name="Given Elsewhere")  # e.g. on the packet details page
    if method == "post":
        response = answer(petitioner_client, "about-you", ABOUT_YOU)
    else:
        response = petitioner_client.get(step_url("about-you"))
    assert response.status_code == 302
    assert response["Location"] == step_url("check")
    assert petitioner_client.get(response["Location"]).status_code == 200


def test_an_unknown_step_posted_is_refused_without_a_server_error(petitioner_client):
    petitioner_client.get("/screening/new/")
    response = petitioner_client.post(step_url("county"), {"interview-current_step": "nope"})
    assert response.status_code in (200, 302, 400)


def test_packet_request_posted_twice_makes_one_version(
    petitioner, petitioner_client, django_capture_on_commit_callbacks
):
    case = make_case(make_person(petitioner))
    with django_capture_on_commit_callbacks(execute=True):
        assert petitioner_client.post(f"/packets/case/{case.pk}/").status_code == 302
        assert petitioner_client.post(f"/packets/case/{case.pk}/").status_code == 302
    versions = PacketVersion.objects.filter(packet__case=case)
    assert versions.count() == 1
    assert versions.get().status == RenderStatus.READY


def test_review_submit_posted_twice_makes_one_event(
    petitioner, petitioner_client, django_capture_on_commit_callbacks
):
    case = make_case(make_person(petitioner))
    with django_capture_on_commit_callbacks(execute=True):
        petitioner_client.post(f"/packets/case/{case.pk}/")
    for _ in range(2):
        assert petitioner_client.post(f"/packets/case/{case.pk}/submit/").status_code == 302
    events = ReviewEvent.objects.filter(packet__case=case, to_status=S.SUBMITTED)
    assert events.count() == 1


def test_staff_opening_a_packet_twice_starts_one_review(
    petitioner, petitioner_client, staff_client, django_capture_on_commit_callbacks
):
    case = make_case(make_person(petitioner))
    with django_capture_on_commit_callbacks(execute=True):
        petitioner_client.post(f"/packets/case/{case.pk}/")
    petitioner_client.post(f"/packets/case/{case.pk}/submit/")
    packet = case.packet
    for _ in range(2):  # opening a sent packet starts its review; a reload starts nothing more
        response = staff_client.get(f"/review/packets/{packet.pk}/")
        assert response.status_code == 200
    assert ReviewEvent.objects.filter(packet=packet, to_status=S.IN_REVIEW).count() == 1
