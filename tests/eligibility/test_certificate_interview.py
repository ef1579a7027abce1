"""The certificate of rehabilitation through the web interview: the two questions asked in state
prison cases, their bad answers, and the results page's date and checklist (English and Spanish).

Dates are fixed and counted by hand: left prison 2014-08-20, sale of a controlled substance (HS
11379: 5 years + 2 more, PC 4852.03(a)(3)) -> the period's last day is 2021-08-20 and the first
day to file is 2021-08-21, long past. Left prison 2022-02-14 -> last day 2029-02-14, first day
2029-02-15, still to come."""

import datetime

import pytest
from django.conf import settings

from eligibility.models import Case

from . import interview
from .interview import ABOUT_YOU, answer, offenses, walk

pytestmark = pytest.mark.django_db


def prison_case(**answers):
    """A state prison case to the end, with the person's details."""
    return [*interview.prison_case(**answers), ("about-you", ABOUT_YOU), ("check", {})]


def results(client, steps) -> str:
    response = walk(client, steps)
    assert response["Location"].startswith("/screening/results/#case-")
    return client.get("/screening/results/").content.decode()


def test_a_long_past_release_can_file_now_with_the_checklist(petitioner_client):
    html = results(petitioner_client, prison_case(released="2014-08-20", years="12"))
    assert "Certificate of rehabilitation" in html
    assert "You can ask for a certificate of rehabilitation now." in html
    assert "(PC 4852.03(a)(3))" in html
    assert "In the superior court of the county where you live now (Penal Code 4852.06)" in html
    assert "there is no statewide Judicial Council form" in html
    # courts.json names no certificate form for Fresno: the page says to ask the clerk.
    assert "If you live in Fresno County, ask the court clerk or the self-help center" in html
    assert "application for a full pardon (Penal Code 4852.13 and 4852.16)" in html
    assert 'href="/guide/certificate-of-rehabilitation/"' in html
    case = Case.objects.get()
    assert case.released_on.isoformat() == "2014-08-20"
    assert case.ca_residence_years == 12
    assert case.ca_residence_answered_on is not None


def test_a_recent_release_waits_for_the_day_after_seven_years(petitioner_client):
    html = results(
        petitioner_client, prison_case(released="2022-02-14", years="30", ended="2024-02-14")
    )
    assert "You can ask for a certificate of rehabilitation from" in html
    assert "Feb. 15, 2029" in html  # 2022-02-14 + 7 years is the last day; the day after


def test_answers_not_known_give_no_date_and_say_why(petitioner_client):
    html = results(petitioner_client, prison_case())
    assert "We cannot tell yet when you can ask for a certificate of rehabilitation." in html
    assert "We do not know the day you left prison" in html
    assert "how long you have lived in California is not known" in html
    case = Case.objects.get()
    assert case.released_on is None
    assert case.released_on_unknown is True
    assert case.ca_residence_unknown is True


def test_the_questions_are_not_asked_when_there_was_no_prison(petitioner_client):
    petitioner_client.get("/screening/new/")
    for step, data in prison_case()[:5]:
        answer(petitioner_client, step, data)
    response = answer(petitioner_client, "sentence", {"sentence": "no_probation"})
    assert response.status_code == 302
    assert petitioner_client.get("/screening/questions/released/").status_code == 302


# --- Bad answers: an error beside the field, nothing saved ---------------------------------------


def reach(client, step: str) -> None:
    client.get("/screening/new/")
    for name, data in prison_case(released="2014-08-20", years="12"):
        if name == step:
            return
        assert answer(client, name, data).status_code == 302, name


def assert_error_beside(response, field_id: str, message: str) -> None:
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="#{field_id}"' in html
    assert f'id="{field_id}_error"' in html
    assert message in html
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param({"ca_residence_years": "-1"}, "cannot be below 0", id="negative"),
        pytest.param({"ca_residence_years": "200"}, "from 0 to 99", id="absurd"),
        pytest.param({"ca_residence_years": "six"}, "whole number of years", id="not-a-number"),
        pytest.param({}, "Enter the number of years", id="empty"),
        pytest.param(
            {"ca_residence_years": "4", "ca_residence_unknown": "on"}, "not both", id="both"
        ),
    ],
)
def test_residence_years_out_of_range_are_refused(petitioner_client, data, message):
    reach(petitioner_client, "residence")
    response = answer(petitioner_client, "residence", data)
    assert_error_beside(response, "id_residence-ca_residence_years", message)


@pytest.mark.parametrize(
    ("released", "message"),
    [
        pytest.param("2099-01-01", "cannot be in the future", id="future"),
        pytest.param("2009-12-31", "cannot be before the date of sentencing", id="before-judgment"),
        pytest.param("2018-01-01", "cannot be after the day your parole ended", id="after-parole"),
        pytest.param("", "Enter the date you left prison", id="empty"),
    ],
)
def test_bad_release_dates_are_refused(petitioner_client, released, message):
    reach(petitioner_client, "released")
    response = answer(petitioner_client, "released", {"released_on": released})
    assert_error_beside(response, "id_released-released_on", message)


# --- Spanish -------------------------------------------------------------------------------------


def test_the_certificate_section_in_spanish(petitioner_client):
    petitioner_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    html = results(petitioner_client, prison_case(released="2014-08-20", years="12"))
    assert '<html lang="es">' in html
    assert "Certificado de rehabilitación" in html
    assert "Puede pedir un certificado de rehabilitación ahora." in html
    assert "no hay un formulario estatal del Consejo Judicial" in html
    for english in (
        "You can ask for a certificate of rehabilitation now.",
        "Where to file",
        "What to bring",
        "What it does",
    ):
        assert english not in html


def test_the_county_form_is_named_when_the_court_data_has_one(petitioner_client, monkeypatch):
    import dataclasses

    from eligibility import presentation
    from expunge_portal.guide.court_data import Fact, load_courts

    fresno = dataclasses.replace(
        load_courts()["Fresno"],
        certificate_form=Fact(
            value="Petition for Certificate of Rehabilitation (X-1)",
            source="https://fresno.courts.ca.gov/",
            checked=datetime.date(2026, 12, 1),
        ),
    )
    monkeypatch.setattr(presentation, "court_record", lambda county: fresno)
    html = results(petitioner_client, prison_case(released="2014-08-20", years="12"))
    assert (
        "If you live in Fresno County, the court's own form is: Petition for Certificate "
        "of Rehabilitation (X-1)." in html
    )


def test_a_barred_offense_says_why_and_the_certificate_is_not_also_offered(petitioner_client):
    steps = prison_case(released="2014-08-20", years="12")
    steps[4] = ("offenses", offenses(("HS 11379", "felony"), ("PC 288(a)", "felony")))
    html = results(petitioner_client, steps)
    assert "A certificate of rehabilitation is not open for this case." in html
    assert "(PC 4852.01(c))" in html
    assert "Governor can still grant a pardon" in html
    assert "Where to file" not in html
    # The alternatives list does not offer it beside the section that says it is barred.
    assert "a step toward a governor&#x27;s pardon" not in html
    assert "a step toward a governor's pardon" not in html


def test_editing_keeps_the_answers_and_the_day_the_years_were_given(petitioner_client):
    results(petitioner_client, prison_case(released="2014-08-20", years="12"))
    case = Case.objects.get()
    Case.objects.filter(pk=case.pk).update(ca_residence_answered_on=datetime.date(2025, 1, 2))
    response = petitioner_client.post(f"/screening/cases/{case.pk}/edit/")
    assert response["Location"] == "/screening/questions/check/"
    check = petitioner_client.get("/screening/questions/check/").content.decode()
    assert "The date you left prison" in check
    assert "Years you have lived in California without moving away, up to today" in check
    answer(petitioner_client, "check", {})
    case.refresh_from_db()
    assert case.released_on == datetime.date(2014, 8, 20)
    assert case.ca_residence_years == 12
    assert case.ca_residence_answered_on == datetime.date(2025, 1, 2)  # the number did not change
