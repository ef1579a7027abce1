"""Issue 14, item 1: papers only for what can be filed today.

A `wait`, `blocked` or `not_eligible` case gets no papers: the results page offers no "Prepare my
court papers", the packet page says why and from when and offers a reminder, a forged POST is
refused with a message, and papers made before the answers changed are marked "do not file"."""

import datetime

import pytest
from django.urls import reverse

from forms_filler import services
from forms_filler.models import PacketVersion, RenderStatus
from tests.factories import ask_for_papers, make_case, make_person, rescreen

pytestmark = pytest.mark.django_db

BLOCKED_REASON = {
    "text": "You are on probation now. You can file once it ends.",
    "citation": "PC 1203.4(a)(1)",
}


def packet_url(case, name: str = "packet") -> str:
    return reverse(f"forms_filler:{name}", kwargs={"case_id": case.pk})


def screened(case, outcome: str, *, eligible_on: str | None = None, reasons=None) -> None:
    """Store a newer screening of the case with this outcome."""
    latest = case.determinations.first().result
    rescreen(
        case,
        outcome=outcome,
        eligible_on=eligible_on,
        remedy=None if outcome == "not_eligible" else latest["remedy"],
        reasons=reasons if reasons is not None else latest["reasons"],
    )


@pytest.fixture
def case(petitioner):
    return make_case(make_person(petitioner))


@pytest.mark.parametrize("outcome", ["wait", "blocked", "not_eligible"])
def test_the_service_refuses_papers_for_a_case_that_cannot_be_filed(
    case, petitioner, outcome
) -> None:
    screened(case, outcome)
    with pytest.raises(services.PacketNotPossible):
        services.packet_request(case=case, user=petitioner, language="en")
    assert not PacketVersion.objects.exists()


@pytest.mark.parametrize(
    ("outcome", "message"),
    [
        ("wait", "This case cannot be filed yet, so we cannot make papers for it."),
        ("blocked", "This case cannot be filed while something going on now stands in the way"),
        ("not_eligible", "This conviction cannot be dismissed under these laws"),
    ],
)
def test_a_forged_post_gets_a_clear_message_and_no_papers(
    petitioner_client, case, outcome, message
) -> None:
    screened(case, outcome)
    response = petitioner_client.post(packet_url(case), follow=True)
    assert response.status_code == 200
    assert message in response.text
    assert not PacketVersion.objects.exists()


def test_a_forged_post_in_spanish_gets_the_message_in_spanish(petitioner_client, case) -> None:
    screened(case, "blocked")
    petitioner_client.cookies["django_language"] = "es"
    response = petitioner_client.post(packet_url(case), follow=True)
    assert "Este caso no se puede presentar mientras" in response.text


def test_a_waiting_case_page_says_from_when_and_offers_a_reminder_not_papers(
    petitioner_client, case
) -> None:
    screened(case, "wait", eligible_on="2099-03-02")
    page = petitioner_client.get(packet_url(case)).text
    assert "You can ask the court later." in page
    assert "Only time is missing. You can file on or after 03/02/2099." in page
    assert "The earliest date we can see: March 2, 2099." in page
    assert "Email me a reminder" in page
    assert "On March 2, 2099, the day this case can be filed." in page
    assert "Make my papers" not in page
    assert "Send to the clinic for review" not in page


def test_a_blocked_case_page_says_what_must_change_first(petitioner_client, case) -> None:
    screened(case, "blocked", reasons=[BLOCKED_REASON])
    case.sentence_ended = False
    case.sentence_end_date = datetime.date(2099, 5, 1)
    case.save()
    page = petitioner_client.get(packet_url(case)).text
    assert "What must change first" in page
    assert "You are on probation now. You can file once it ends." in page
    assert "PC 1203.4(a)(1)" in page
    assert "the day you said your sentence or supervision should end" in page
    assert "Make my papers" not in page


def test_the_results_page_offers_papers_only_for_a_case_that_can_be_filed(
    petitioner, petitioner_client
) -> None:
    person = make_person(petitioner)
    filable = make_case(person, case_number="24CR000001")
    waiting = make_case(person, case_number="24CR000002")
    screened(waiting, "wait", eligible_on="2099-03-02")
    page = petitioner_client.get(reverse("eligibility:results")).text
    assert page.count("Prepare my court papers") == 1
    assert f'href="{packet_url(filable)}">Prepare my court papers' in page
    assert f'href="{packet_url(waiting)}">What must change, and a reminder by email' in page
    dashboard = petitioner_client.get(reverse("site:dashboard")).text
    assert dashboard.count("Prepare my court papers") == 1


def test_papers_made_before_the_case_became_blocked_are_marked_do_not_file(
    petitioner_client, case, django_capture_on_commit_callbacks
) -> None:
    ask_for_papers(petitioner_client, case, django_capture_on_commit_callbacks)
    version = PacketVersion.objects.get()
    assert version.status == RenderStatus.READY
    screened(case, "blocked", reasons=[BLOCKED_REASON])
    page = petitioner_client.get(packet_url(case)).text
    assert "Do not file these papers." in page
    assert "This case cannot be filed today, so these older papers must not be filed." in page
    assert "Download the old papers, version 1 (do not file)" in page
    assert "Download your papers (PDF)" not in page
    assert "Send to the clinic for review" not in page
    assert "Make new papers" not in page


def test_papers_made_before_the_answers_changed_are_marked_and_can_be_made_again(
    petitioner_client, case, django_capture_on_commit_callbacks
) -> None:
    ask_for_papers(petitioner_client, case, django_capture_on_commit_callbacks)
    case.case_number = "24CR009999"
    case.save()
    page = petitioner_client.get(packet_url(case)).text
    assert "Do not file these papers." in page
    assert "Your answers changed after these papers were made" in page
    assert "Make new papers" in page
    assert "Download your papers (PDF)" not in page
    ask_for_papers(petitioner_client, case, django_capture_on_commit_callbacks)
    page = petitioner_client.get(packet_url(case)).text
    assert "Do not file these papers." not in page
    assert "Download your papers (PDF)" in page
    # The older version stays in the list, marked.
    assert page.count("Do not file</strong>") == 1


def test_the_persons_page_shows_no_fingerprint(
    petitioner_client, case, django_capture_on_commit_callbacks
) -> None:
    ask_for_papers(petitioner_client, case, django_capture_on_commit_callbacks)
    page = petitioner_client.get(packet_url(case)).text
    assert "Fingerprint" not in page
    assert "SHA-256" not in page


def test_a_case_not_checked_yet_says_so_and_offers_no_papers(petitioner_client, case) -> None:
    case.determinations.all().delete()
    page = petitioner_client.get(packet_url(case)).text
    assert "This case has not been checked yet, so there are no papers." in page
    assert "Make my papers" not in page
    assert "Email me a reminder" not in page
