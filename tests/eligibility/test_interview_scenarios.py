"""Whole interviews through HTTP: stored records and what the results page says."""

import datetime

import pytest
from django.test import Client

from eligibility.models import Case, Determination, Person

from .interview import (
    ABOUT_YOU,
    NO_TROUBLE,
    TODAY,
    answer,
    county_jail_case,
    finish,
    iso,
    no_probation_case,
    offenses,
    probation_case,
    step_url,
)

pytestmark = pytest.mark.django_db


def test_misdemeanor_with_probation_completed_is_eligible_under_1203_4_item_2a(
    petitioner_client, petitioner
):
    html = finish(petitioner_client, probation_case())
    case = Case.objects.get(person__owner=petitioner)
    assert case.county == "Sacramento"
    assert case.case_number == "24CR000123"
    assert case.probation_violated is False
    assert [(c.code, c.section, c.level) for c in case.counts.all()] == [
        ("PC", "484(a)", "misdemeanor")
    ]
    determination = Determination.objects.get(case=case)
    assert determination.result["outcome"] == "eligible"
    assert determination.result["remedy"] == "1203.4"
    assert determination.result["form_item"] == "2a"
    assert determination.engine_version
    assert case.person.full_name == "Rosa Díaz"
    assert "You can ask the court to dismiss this conviction now." in html
    assert "form CR-180, item 2a" in html
    assert "(PC 1203.4(a)(1))" in html  # reasons carry their citations
    assert "legal information, not legal advice" in html


def test_wobbler_felony_with_a_violation_is_discretionary_with_17b(petitioner_client, petitioner):
    steps = probation_case(offense=("PC 487(a)", "felony"), violated="yes", felony_steps=True)
    html = finish(petitioner_client, steps)
    result = Determination.objects.get(case__person__owner=petitioner).result
    assert (result["outcome"], result["remedy"], result["form_item"]) == (
        "discretionary",
        "1203.4",
        "2c",
    )
    assert result["reduction_17b"] is True
    assert "The judge decides." in html
    assert "lower a felony to a misdemeanor" in html


def test_misdemeanor_without_probation_inside_a_year_waits_under_1203_4a(
    petitioner_client, petitioner
):
    steps = no_probation_case(
        ("647(f)", "misdemeanor"), county="Alameda", case_number="", judged_days_ago=100
    )
    html = finish(petitioner_client, steps)
    result = Determination.objects.get(case__person__owner=petitioner).result
    assert (result["outcome"], result["remedy"]) == ("wait", "1203.4a")
    opens = datetime.date.fromisoformat(result["eligible_on"])
    assert opens > TODAY
    assert opens.strftime("%m/%d/%Y") in html


def test_felony_county_jail_without_supervision_uses_1203_41_item_5b(petitioner_client, petitioner):
    steps = county_jail_case()
    finish(petitioner_client, steps)
    result = Determination.objects.get(case__person__owner=petitioner).result
    assert (result["outcome"], result["remedy"], result["form_item"]) == (
        "discretionary",
        "1203.41",
        "5b",
    )


def test_pending_charges_block_the_case(petitioner_client, petitioner):
    steps = probation_case(right_now={**NO_TROUBLE, "pending_charges": "yes"})
    html = finish(petitioner_client, steps)
    result = Determination.objects.get(case__person__owner=petitioner).result
    assert (result["outcome"], result["remedy"]) == ("blocked", "1203.4")
    assert "Not yet: something must end first." in html


def test_an_excluded_offense_is_not_eligible_and_gets_no_papers_button(
    petitioner_client, petitioner
):
    steps = probation_case(offense=("PC 288(a)", "felony"), felony_steps=True)
    html = finish(petitioner_client, steps)
    result = Determination.objects.get(case__person__owner=petitioner).result
    assert result["outcome"] == "not_eligible"
    assert any("1203.4" in reason["citation"] for reason in result["reasons"])
    assert "cannot be dismissed under these laws" in html
    assert "Prepare my court papers" not in html


def test_a_person_with_two_cases_sees_both_and_details_are_asked_once(
    petitioner_client, petitioner
):
    finish(petitioner_client, probation_case(county="Sacramento"))
    # The second case skips "about you": the name is already known.
    second = probation_case(
        county="Los Angeles", offense=("VC 23152(b)", "misdemeanor"), right_now=None
    )
    html = finish(petitioner_client, second, with_details=False)
    person = Person.objects.get(owner=petitioner)
    assert [c.county for c in person.cases.all()] == ["Sacramento", "Los Angeles"]
    assert "Sacramento County" in html
    assert "Los Angeles County" in html
    vc = Determination.objects.get(case__county="Los Angeles").result
    assert vc["outcome"] == "discretionary"  # VC 12810 offenses are discretionary (1203.4(c))


def test_i_dont_know_answers_become_assumptions_on_the_results(petitioner_client, petitioner):
    steps = probation_case(violated="unknown")
    html = finish(petitioner_client, steps)
    case = Case.objects.get(person__owner=petitioner)
    assert case.probation_violated is None
    result = Determination.objects.get(case=case).result
    assert result["form_item"] == "2c"  # the cautious reading
    assert result["assumptions"]
    assert "Things to check" in html


def test_unknown_sentence_is_saved_and_explained_without_a_determination(
    petitioner_client, petitioner
):
    steps = [
        ("county", {"county": "Kern"}),
        ("case-number", {"case_number": ""}),
        ("judgment-date", {"judgment_date": iso(900), "judgment_date_estimated": "on"}),
        ("conviction-date", {"conviction_same_day": "yes"}),
        ("offenses", offenses(("PC 459", "unknown", "unsure"))),
        ("sentence", {"sentence": "unknown"}),
        ("complied", {"sentence_complied": "unknown"}),
        ("since", {"new_conviction_since_judgment": "unknown"}),
        ("right-now", {**NO_TROUBLE, "registrant": "unknown"}),
    ]
    html = finish(petitioner_client, steps)
    case = Case.objects.get(person__owner=petitioner)
    assert case.sentence == "unknown"
    assert case.judgment_date_estimated is True
    assert not case.determinations.exists()
    assert "We need to know your sentence" in html


def test_check_your_answers_lists_every_answer_with_a_change_link(petitioner_client):
    steps = [*probation_case(), ("about-you", ABOUT_YOU)]
    petitioner_client.get("/screening/new/")
    for step, data in steps:
        answer(petitioner_client, step, data)
    html = petitioner_client.get(step_url("check")).content.decode()
    assert "Check your answers" in html
    assert "Sacramento" in html
    assert "PC 484(a) · Misdemeanor" in html
    assert 'href="/screening/questions/county/?return=check"' in html
    # Changing one answer returns straight to the check page.
    petitioner_client.get(step_url("county") + "?return=check")
    response = answer(petitioner_client, "county", {"county": "Yolo"})
    assert response["Location"] == step_url("check")
    assert "Yolo" in petitioner_client.get(step_url("check")).content.decode()


def test_editing_a_saved_case_updates_it_instead_of_adding_one(petitioner_client, petitioner):
    finish(petitioner_client, probation_case())
    case = Case.objects.get(person__owner=petitioner)
    response = petitioner_client.post(f"/screening/cases/{case.pk}/edit/")
    assert response["Location"] == step_url("check")
    assert "24CR000123" in petitioner_client.get(step_url("check")).content.decode()
    petitioner_client.get(step_url("probation") + "?return=check")
    answer(
        petitioner_client,
        "probation",
        {"probation_violated": "yes", "probation_terminated_early": "no"},
    )
    response = answer(petitioner_client, "check", {})
    assert response.status_code == 302
    assert Case.objects.filter(person__owner=petitioner).count() == 1
    case.refresh_from_db()
    assert case.probation_violated is True
    assert case.determinations.first().result["form_item"] == "2c"
    assert case.history.count() >= 2  # the edit is kept in the case's history


def test_removing_a_case(petitioner_client, petitioner):
    finish(petitioner_client, probation_case())
    case = Case.objects.get(person__owner=petitioner)
    assert petitioner_client.get(f"/screening/cases/{case.pk}/remove/").status_code == 200
    response = petitioner_client.post(f"/screening/cases/{case.pk}/remove/")
    assert response.status_code == 302
    assert not Case.objects.filter(pk=case.pk).exists()


def test_anonymous_screening_works_and_carries_over_on_sign_up():
    client = Client()
    html = finish(client, probation_case())
    assert "You can ask the court to dismiss this conviction now." in html
    assert "Create an account to prepare your papers" in html
    case = Case.objects.get()
    assert case.person.owner is None

    from tests.factories import PASSWORD

    response = client.post(
        "/accounts/signup/",
        {"email": "anon@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(email="anon@example.org").update(verified=True)
    client.post("/accounts/login/", {"login": "anon@example.org", "password": PASSWORD})
    client.post("/screening/carry-over/", {"choice": "add"})  # "they are mine"
    html = client.get("/screening/results/").content.decode()
    case.refresh_from_db()
    assert case.person.owner.email == "anon@example.org"
    assert case.person.anonymous_key is None
    assert "Prepare my court papers" in html


def test_an_unfinished_anonymous_draft_carries_over_when_logging_in(petitioner):
    client = Client()
    client.get("/screening/new/")
    answer(client, "county", {"county": "Napa"})
    answer(client, "case-number", {"case_number": "N-1"})
    from tests.factories import PASSWORD

    client.post("/accounts/login/", {"login": petitioner.email, "password": PASSWORD})
    client.post("/screening/carry-over/", {"choice": "add"})  # "they are mine"
    response = client.get("/screening/")
    assert response["Location"] == step_url("judgment-date")
    # And the draft is now in the database, so another device resumes it too.
    other_device = Client()
    other_device.force_login(petitioner)
    assert other_device.get("/screening/")["Location"] == step_url("judgment-date")


def test_an_unknown_level_is_taken_from_the_catalog_and_explained_in_spanish(
    petitioner_client, petitioner
):
    steps = probation_case(offense=("PC 148(a)(1)", "unknown"), felony_steps=True)
    finish(petitioner_client, steps)
    case = Case.objects.get(person__owner=petitioner)
    assert case.counts.get().level == "unknown"
    assert Determination.objects.get(case=case).result["counts"][0]["level"] == "misdemeanor"
    petitioner_client.cookies["django_language"] = "es"
    html = petitioner_client.get("/screening/results/").content.decode()
    assert "delito menor" in html
    assert "it can only be a" not in html


def test_catalog_notes_for_lawyers_are_not_shown_to_the_person(petitioner_client, petitioner):
    from eligibility.engine.offenses import lookup, verify_note

    note = verify_note(lookup("PC", "484(a)"))
    finish(petitioner_client, probation_case())
    assert note in Determination.objects.get(case__person__owner=petitioner).result["assumptions"]
    html = petitioner_client.get("/screening/results/").content.decode()
    assert "defines theft" not in html
