"""A shared browser: answers given without an account go to an account only when the person
says they are theirs, on a page that shows the name and case numbers; "I am done" and a
shared-computer logout clear what the browser holds; GET never changes state."""

import pytest
from django.test import Client

from eligibility.models import Case, InterviewDraft, Person
from tests.eligibility.interview import ABOUT_YOU, answer, probation_case, walk
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _anonymous_answers(client: Client) -> Case:
    steps = probation_case()
    steps[1] = ("case-number", {"case_number": "SHARED-42"})
    walk(client, [*steps, ("about-you", ABOUT_YOU), ("check", {})])
    return Case.objects.get(case_number="SHARED-42")


def _log_in(client: Client, email: str) -> None:
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302


def test_signing_in_after_someone_else_asks_before_adding_their_answers(petitioner):
    browser = Client()
    case = _anonymous_answers(browser)
    _log_in(browser, petitioner.email)
    response = browser.get("/screening/results/")
    assert response["Location"].startswith("/screening/carry-over/")
    page = browser.get(response["Location"]).content.decode()
    assert "Rosa Díaz" in page
    assert "SHARED-42" in page
    case.refresh_from_db()
    assert case.person.owner is None  # nothing moved while the person has not answered


def test_they_are_not_mine_deletes_them(petitioner):
    browser = Client()
    case = _anonymous_answers(browser)
    _log_in(browser, petitioner.email)
    response = browser.post("/screening/carry-over/", {"choice": "discard", "next": "/my/"})
    assert response["Location"] == "/my/"
    assert not Case.objects.filter(pk=case.pk).exists()
    assert not Case.history.filter(id=case.pk).exists()
    assert not Person.objects.filter(owner=petitioner).exists()
    assert browser.get("/my/").status_code == 200  # not asked again


def test_they_are_mine_adds_them(petitioner):
    browser = Client()
    case = _anonymous_answers(browser)
    _log_in(browser, petitioner.email)
    browser.post("/screening/carry-over/", {"choice": "add"})
    case.refresh_from_db()
    assert case.person.owner == petitioner


def test_unfinished_answers_wait_for_the_answer_too(petitioner):
    browser = Client()
    answer(browser, "county", {"county": "Napa"})
    answer(browser, "case-number", {"case_number": "HALF-7"})
    _log_in(browser, petitioner.email)
    carry_over = browser.get("/screening/")["Location"]
    assert "HALF-7" in browser.get(carry_over).content.decode()
    browser.post("/screening/carry-over/", {"choice": "discard"})
    assert browser.get("/screening/")["Location"] == "/screening/questions/county/"
    assert not InterviewDraft.objects.filter(owner=petitioner).exists()


def test_i_am_done_deletes_the_answers_and_clears_the_browser():
    browser = Client()
    case = _anonymous_answers(browser)
    assert "I am done: delete my answers" in browser.get("/screening/results/").content.decode()
    response = browser.post("/screening/finish/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert not Case.objects.filter(pk=case.pk).exists()
    assert not Person.objects.exists()
    assert "SHARED-42" not in browser.get("/screening/results/").content.decode()


@pytest.mark.parametrize(("shared", "cleared"), [(True, True), (False, False)])
def test_a_shared_computer_logout_clears_the_browser(petitioner_client, shared, cleared):
    data = {"shared_computer": "on"} if shared else {}
    response = petitioner_client.post("/accounts/logout/", data)
    assert response.status_code == 302
    assert ("Clear-Site-Data" in response) is cleared
    assert petitioner_client.get("/my/").status_code == 302


def test_opening_new_case_or_edit_links_changes_nothing(petitioner_client, petitioner):
    answer(petitioner_client, "county", {"county": "Kern"})
    assert InterviewDraft.objects.filter(owner=petitioner).exists()
    page = petitioner_client.get("/screening/new/")
    assert page.status_code == 200  # asks first
    assert InterviewDraft.objects.filter(owner=petitioner).exists()
    petitioner_client.post("/screening/new/")
    assert not InterviewDraft.objects.filter(owner=petitioner).exists()


def test_change_my_answers_is_a_post(petitioner_client, petitioner):
    steps = probation_case()
    walk(petitioner_client, [*steps, ("about-you", ABOUT_YOU), ("check", {})])
    case = Case.objects.get(person__owner=petitioner)
    assert petitioner_client.get(f"/screening/cases/{case.pk}/edit/").status_code == 405
    assert not InterviewDraft.objects.filter(owner=petitioner).exists()
    html = petitioner_client.get("/screening/results/").content.decode()
    assert f'<form method="post" action="/screening/cases/{case.pk}/edit/"' in html
    response = petitioner_client.post(f"/screening/cases/{case.pk}/edit/")
    assert response["Location"] == "/screening/questions/check/"


def test_nothing_left_to_carry_over_stops_the_question(petitioner):
    browser = Client()
    case = _anonymous_answers(browser)
    _log_in(browser, petitioner.email)
    Person.objects.filter(pk=case.person_id).delete()  # e.g. purged meanwhile
    response = browser.get("/my/")
    assert browser.get(response["Location"])["Location"] == "/my/"
    assert browser.get("/my/").status_code == 200
