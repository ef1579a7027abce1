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


# (page, answer, field whose error it is, words of the message): written out by hand.
REFUSED = [
    pytest.param(
        "judgment-date",
        {"judgment_date": "2023-02-30"},
        "id_judgment-date-judgment_date",
        "Enter a real date",
        id="impossible-date",
    ),
    pytest.param(
        "sentence-end",
        {"sentence_ended": "yes", "sentence_end_date": "1990-01-01"},
        "id_sentence-end-sentence_end_date",
        "cannot be before the date of sentencing",
        id="end-before-judgment",
    ),
    pytest.param(
        "sentence-end",
        {"sentence_ended": "yes"},
        "id_sentence-end-sentence_end_date",
        "Enter the date it ended",
        id="ended-without-a-date",
    ),
    pytest.param("county", {}, "id_county-county", "Choose the county.", id="required-left-empty"),
    pytest.param(
        "offenses",
        offenses(("PC 459", "")),
        "id_offenses-0-level",
        "Choose the level",
        id="offense-without-a-level",
    ),
    pytest.param(
        "case-number",
        {"case_number": "9" * 41},
        "id_case-number-case_number",
        "at most 40 characters",
        id="overlong",
    ),
]


@pytest.mark.parametrize(("step", "data", "field_id", "message"), REFUSED)
def test_a_bad_answer_is_refused_beside_its_field(petitioner_client, step, data, field_id, message):
    start(petitioner_client, step)
    response = answer(petitioner_client, step, data)
    assert_field_error(response, field_id, message)


def test_no_offense_at_all_is_refused(petitioner_client):
    start(petitioner_client, "offenses")
    response = answer(petitioner_client, "offenses", offenses())
    assert "Enter at least one offense." in response.content.decode()


def test_a_bad_answer_keeps_the_earlier_answers(petitioner_client):
    start(petitioner_client, "judgment-date")
    answer(petitioner_client, "judgment-date", {"judgment_date": "not a date"})
    html = petitioner_client.get(step_url("case-number")).content.decode()
    assert 'value="24CR000123"' in html
    assert not Case.objects.exists()  # nothing is half-saved
