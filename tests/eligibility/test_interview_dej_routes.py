"""Issue 19 through the interview: deferred entry of judgment (PC 1203.43), the PC 17(d)(2)
explanation, and the other routes named beside a result only where the answers point to them."""

import datetime

import pytest
from django.conf import settings

from eligibility.calendar import today_in_california
from eligibility.models import Case, Determination

from .interview import (
    NO_TROUBLE,
    answer,
    assert_field_error,
    county_jail_case,
    finish,
    iso,
    no_probation_case,
    offenses,
    prison_case,
    probation_case,
    step_url,
    walk,
)

pytestmark = pytest.mark.django_db

# The routes' citations as the results page prints them beside each route.
ROUTE_CITATIONS = ("(PC 4852.01)", "(PC 1170.18)", "(HS 11361.8)", "(PC 236.14)", "(PC 1203.4b)")
GUIDE_LINKS = (
    "/guide/certificate-of-rehabilitation/",
    "/guide/prop-47/",
    "/guide/prop-64/",
    "/guide/trafficking-survivors/",
    "/guide/fire-camp/",
)


def dej_case(*, dismissed="yes", dismissed_days_ago=400, granted_days_ago=1200):
    return [
        ("county", {"county": "Sacramento"}),
        ("case-number", {"case_number": "19CR000777"}),
        ("judgment-date", {"judgment_date": iso(granted_days_ago)}),
        ("conviction-date", {"conviction_same_day": "unknown"}),
        ("offenses", offenses(("HS 11350", "misdemeanor"))),
        ("sentence", {"sentence": "deferred_entry_of_judgment"}),
        (
            "sentence-end",
            {"sentence_ended": dismissed, "sentence_end_date": iso(dismissed_days_ago)}
            if dismissed == "yes"
            else {"sentence_ended": dismissed},
        ),
        ("right-now", NO_TROUBLE),
    ]


def result_of(petitioner) -> dict:
    return Determination.objects.get(case__person__owner=petitioner).result


def test_dej_dismissed_is_1203_43_item_7_with_no_sentence_questions(petitioner_client, petitioner):
    html = finish(petitioner_client, dej_case())
    result = result_of(petitioner)
    dismissed_on = (today_in_california() - datetime.timedelta(days=400)).isoformat()
    assert (result["outcome"], result["remedy"], result["form_item"], result["eligible_on"]) == (
        "eligible",
        "1203.43",
        "7",
        dismissed_on,
    )
    assert "Penal Code 1203.43 (deferred entry of judgment)" in html
    assert "form CR-180, item 7" in html
    case = Case.objects.get(person__owner=petitioner)
    assert case.sentence == "deferred_entry_of_judgment"
    assert case.sentence_end_date.isoformat() == dismissed_on


def test_dej_still_running_is_blocked_until_the_charges_are_dismissed(
    petitioner_client, petitioner
):
    finish(petitioner_client, dej_case(dismissed="no"))
    result = result_of(petitioner)
    assert (result["outcome"], result["remedy"], result["eligible_on"]) == (
        "blocked",
        "1203.43",
        None,
    )


def test_the_dismissal_question_speaks_of_charges_not_a_sentence(petitioner_client):
    petitioner_client.get("/screening/new/")
    for step, data in dej_case()[:6]:
        assert answer(petitioner_client, step, data).status_code == 302
    html = petitioner_client.get(step_url("sentence-end")).content.decode()
    assert "Did the court dismiss the charges after you finished the program?" in html
    assert "No, not yet: I am still in the program" in html
    assert "I don&#x27;t know" in html or "I don't know" in html
    assert "The date the charges were dismissed" in html


def test_a_dismissal_before_dej_was_granted_is_refused_next_to_the_field(petitioner_client):
    petitioner_client.get("/screening/new/")
    for step, data in dej_case()[:6]:
        assert answer(petitioner_client, step, data).status_code == 302
    response = answer(
        petitioner_client,
        "sentence-end",
        {"sentence_ended": "yes", "sentence_end_date": iso(1300)},  # granted 1200 days ago
    )
    assert_field_error(
        response,
        "id_sentence-end-sentence_end_date",
        "The charges cannot have been dismissed before the day the judge put you in the program.",
    )
    assert Case.objects.count() == 0


def test_a_future_dismissal_date_is_refused_next_to_the_field(petitioner_client):
    petitioner_client.get("/screening/new/")
    for step, data in dej_case()[:6]:
        assert answer(petitioner_client, step, data).status_code == 302
    tomorrow = today_in_california() + datetime.timedelta(days=1)
    for said in ("yes", "no"):
        response = answer(
            petitioner_client,
            "sentence-end",
            {"sentence_ended": said, "sentence_end_date": tomorrow.isoformat()},
        )
        assert_field_error(
            response, "id_sentence-end-sentence_end_date", "The date cannot be in the future."
        )


def test_a_plain_theft_case_names_no_other_route(petitioner_client):
    html = finish(petitioner_client, probation_case())
    for citation in ROUTE_CITATIONS:
        assert citation not in html
    for link in GUIDE_LINKS:
        assert link not in html
    assert "Other things that may help" not in html


def test_fire_camp_service_points_to_1203_4b_and_nothing_else(petitioner_client):
    html = finish(petitioner_client, county_jail_case(fire_camp="yes"))
    assert "(PC 1203.4b)" in html
    assert "/guide/fire-camp/" in html
    for citation in ("(PC 4852.01)", "(PC 1170.18)", "(HS 11361.8)", "(PC 236.14)"):
        assert citation not in html


@pytest.mark.parametrize("said", ["no", "unknown"])
def test_no_fire_camp_pointer_without_a_yes(petitioner_client, said):
    html = finish(petitioner_client, county_jail_case(fire_camp=said))
    assert "(PC 1203.4b)" not in html
    assert "/guide/fire-camp/" not in html


def test_the_fire_camp_question_is_not_asked_after_probation(petitioner_client):
    walk(petitioner_client, probation_case())  # "since" goes straight on to "right-now"
    assert petitioner_client.get(step_url("fire-camp"))["Location"] != step_url("fire-camp")


def test_a_trafficking_survivor_is_pointed_to_236_14(petitioner_client):
    steps = probation_case(offense=("PC 647(b)", "misdemeanor"), violated="yes")
    html = finish(petitioner_client, [*steps, ("trafficking", {"trafficking_victim": "yes"})])
    assert "(PC 236.14)" in html
    assert "/guide/trafficking-survivors/" in html
    assert "(PC 1203.4b)" not in html


def test_prop_47_is_named_with_its_citation_and_guide_page(petitioner_client):
    steps = probation_case(offense=("HS 11350", "felony"), felony_steps=True)
    html = finish(petitioner_client, steps)
    assert "(PC 1170.18)" in html
    assert "/guide/prop-47/" in html
    for citation in ("(PC 4852.01)", "(HS 11361.8)", "(PC 236.14)", "(PC 1203.4b)"):
        assert citation not in html


def test_the_17d2_reduction_is_explained_in_english_and_spanish(petitioner_client):
    html = finish(petitioner_client, no_probation_case(("PC 415", "misdemeanor")))
    assert "change a misdemeanor to an infraction (Penal Code 17(d)(2))" in html
    petitioner_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    spanish = petitioner_client.get("/screening/results/").content
    assert "cambiar un delito menor a una infracción (Código Penal 17(d)(2))" in spanish.decode()


def test_no_17d2_explanation_for_a_plain_theft(petitioner_client):
    html = finish(petitioner_client, no_probation_case(("PC 484(a)", "misdemeanor")))
    assert "17(d)(2)" not in html


def test_a_state_prison_case_points_to_the_certificate_of_rehabilitation(petitioner_client):
    steps = prison_case(
        case_number="F456", judgment_date=iso(4000), ended=iso(1500), fire_camp="unknown"
    )
    html = finish(petitioner_client, steps)
    # The certificate's own section (PC 4852.01 and following), with its guide page; it is not
    # listed again among the other routes.
    assert "Penal Code 4852.01 and following" in html
    assert "/guide/certificate-of-rehabilitation/" in html
    assert html.count("/guide/certificate-of-rehabilitation/") == 1
    for citation in ("(PC 1170.18)", "(HS 11361.8)", "(PC 236.14)", "(PC 1203.4b)"):
        assert citation not in html
