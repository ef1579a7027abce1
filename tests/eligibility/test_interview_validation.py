"""Bad answers get a clear message beside the field and in the summary; nothing is lost."""

import datetime

import pytest

from eligibility.calendar import today_in_california
from eligibility.models import Case

from .interview import answer, assert_field_error, offenses, probation_case, step_url

pytestmark = pytest.mark.django_db


def start(client, upto: str):
    client.get("/screening/new/")
    for step, data in probation_case():
        if step == upto:
            return
        assert answer(client, step, data).status_code == 302


def test_a_future_judgment_date_is_refused(petitioner_client):
    start(petitioner_client, "judgment-date")
    tomorrow = today_in_california() + datetime.timedelta(days=1)
    response = answer(petitioner_client, "judgment-date", {"judgment_date": tomorrow.isoformat()})
    assert_field_error(response, "id_judgment-date-judgment_date", "cannot be in the future")


def test_an_impossible_date_is_refused(petitioner_client):
    start(petitioner_client, "judgment-date")
    response = answer(petitioner_client, "judgment-date", {"judgment_date": "2023-02-30"})
    assert_field_error(response, "id_judgment-date-judgment_date", "Enter a real date")


def test_an_end_date_before_judgment_is_refused(petitioner_client):
    start(petitioner_client, "sentence-end")
    response = answer(
        petitioner_client,
        "sentence-end",
        {"sentence_ended": "yes", "sentence_end_date": "1990-01-01"},
    )
    assert_field_error(
        response, "id_sentence-end-sentence_end_date", "cannot be before the date of sentencing"
    )


def test_ended_without_a_date_asks_for_it(petitioner_client):
    start(petitioner_client, "sentence-end")
    response = answer(petitioner_client, "sentence-end", {"sentence_ended": "yes"})
    assert_field_error(response, "id_sentence-end-sentence_end_date", "Enter the date it ended")


def test_a_required_answer_left_empty(petitioner_client):
    start(petitioner_client, "county")
    response = answer(petitioner_client, "county", {})
    assert_field_error(response, "id_county-county", "Choose the county.")


def test_no_offense_at_all_is_refused(petitioner_client):
    start(petitioner_client, "offenses")
    response = answer(petitioner_client, "offenses", offenses())
    assert "Enter at least one offense." in response.content.decode()


def test_an_offense_without_a_level_is_refused_beside_the_row(petitioner_client):
    start(petitioner_client, "offenses")
    response = answer(petitioner_client, "offenses", offenses(("PC 459", "")))
    assert_field_error(response, "id_offenses-0-level", "Choose the level")


def test_overlong_answers_are_refused(petitioner_client):
    start(petitioner_client, "case-number")
    response = answer(petitioner_client, "case-number", {"case_number": "9" * 41})
    assert_field_error(response, "id_case-number-case_number", "at most 40 characters")


def test_a_bad_answer_keeps_the_earlier_answers(petitioner_client):
    start(petitioner_client, "judgment-date")
    answer(petitioner_client, "judgment-date", {"judgment_date": "not a date"})
    html = petitioner_client.get(step_url("case-number")).content.decode()
    assert 'value="24CR000123"' in html
    assert not Case.objects.exists()  # nothing is half-saved
