"""One person, all their cases, through HTTP: the person-wide questions asked once, every case
screened with the others (a probation still running in one case blocks the rest, PC 1203.4(a)(1)),
end dates to come, and what the results page says about it."""

import datetime
import re

import pytest
from django.utils import dateformat

from eligibility.calendar import today_in_california
from eligibility.models import Case, Determination, Person
from eligibility.services import case_determine

from .interview import (
    ABOUT_YOU,
    NO_TROUBLE,
    answer,
    offenses,
    opening_steps,
    probation_steps,
    step_url,
    walk,
)

pytestmark = pytest.mark.django_db
TODAY = today_in_california()
DUI_ENDS = TODAY + datetime.timedelta(days=400)
DUI_OPENS = DUI_ENDS + datetime.timedelta(days=1)  # PC 1203.4: the day after probation ends


def probation_walk(county, number, judged, offense, ended, end, *, first: bool) -> list:
    """A probation case to "check"; the first case of the person also answers the person-wide
    questions and the details."""
    steps = [
        *opening_steps(county, number, judged, "probation", offense),
        *probation_steps(ended, end),
    ]
    if first:
        steps += [("right-now", NO_TROUBLE), ("about-you", ABOUT_YOU)]
    return [*steps, ("check", {})]


def theft_case(*, first: bool = True) -> list:
    return probation_walk(
        "Sacramento", "16CR1", "2016-05-01", ("petty theft", "misdemeanor"), "yes", "2018-05-01",
        first=first,
    )  # fmt: skip


def dui_case(*, first: bool = False) -> list:
    return probation_walk(
        "Los Angeles", "24TR9", "2024-05-01", ("VC 23152(a)", "misdemeanor"), "no",
        DUI_ENDS.isoformat(), first=first,
    )  # fmt: skip


def section(html: str, case: Case) -> str:
    start = html.index(f'<section id="case-{case.pk}"')
    return html[start : html.index("</section>", start)]


def test_a_running_probation_in_one_case_blocks_the_other_until_the_day_after_it_ends(
    petitioner_client, petitioner
):
    walk(petitioner_client, theft_case())
    theft = Case.objects.get(case_number="16CR1")
    assert Determination.objects.filter(case=theft).latest().outcome == "eligible"
    # The second case skips the person-wide questions: walk checks "since" leads to "check".
    walk(petitioner_client, dui_case())
    dui = Case.objects.get(case_number="24TR9")
    assert dui.sentence_ended is False
    assert dui.sentence_end_date == DUI_ENDS
    result = theft.determinations.first().result
    assert result["outcome"] == "blocked"
    assert result["blocked_by"] == [str(dui.pk)]
    assert result["eligible_on"] == DUI_OPENS.isoformat()
    dui_result = dui.determinations.first().result
    assert (dui_result["outcome"], dui_result["eligible_on"]) == ("wait", DUI_OPENS.isoformat())

    html = petitioner_client.get("/screening/results/").content.decode()
    opens = dateformat.format(DUI_OPENS, "N j, Y")
    shown = section(html, theft)
    assert "Not yet: another of your cases must end first." in shown
    assert (
        "Blocked by the probation in your case for VC 23152(a) (Los Angeles County, 24TR9)."
        in shown
    )
    assert f"You can file from {opens}." in shown
    assert not re.search(r"\bnow\b", shown, re.IGNORECASE)
    assert "dismissal is a right" not in shown
    assert "dismissal will be a right once nothing else stands in the way" in shown
    # The summary at the top names every case with its status.
    summary = html[html.index('id="summary-title"') : html.index('id="situation-title"')]
    assert "Petty theft (Sacramento County, 16CR1)</a>" in summary
    assert f"Not yet: you can file from {opens}." in summary
    assert "VC 23152(a) (Los Angeles County, 24TR9)</a>: Later" in summary


def test_the_petty_theft_alone_is_dismissable_now_and_removing_the_dui_unblocks_it(
    petitioner_client, petitioner
):
    walk(petitioner_client, dui_case(first=True))
    walk(petitioner_client, theft_case(first=False))
    theft = Case.objects.get(case_number="16CR1")
    assert theft.determinations.first().outcome == "blocked"
    dui = Case.objects.get(case_number="24TR9")
    petitioner_client.post(f"/screening/cases/{dui.pk}/remove/")
    assert theft.determinations.first().outcome == "eligible"
    html = petitioner_client.get("/screening/results/").content.decode()
    assert "You can ask the court to dismiss this conviction now." in section(html, theft)


def test_the_person_wide_answers_are_changed_once_and_every_case_is_screened_again(
    petitioner_client, petitioner
):
    walk(petitioner_client, theft_case())
    person = Person.objects.get(owner=petitioner)
    assert (person.pending_charges, person.registrant) == (False, False)
    assert person.situation_answered_at is not None
    page = petitioner_client.get("/screening/situation/").content.decode()
    assert re.search(r'value="no"[^>]*checked', page)  # today's answers are filled in

    charged = {**NO_TROUBLE, "pending_charges": "yes"}
    response = petitioner_client.post("/screening/situation/", charged)
    assert response["Location"] == "/screening/results/"
    person.refresh_from_db()
    assert person.pending_charges is True
    theft = Case.objects.get()
    assert theft.determinations.first().outcome == "blocked"

    # A missing answer: an error beside the field, and nothing changes.
    response = petitioner_client.post("/screening/situation/", {**NO_TROUBLE, "registrant": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_registrant_error"' in html
    person.refresh_from_db()
    assert person.pending_charges is True
    assert theft.determinations.first().outcome == "blocked"


def test_i_dont_know_about_supervision_is_a_stated_assumption(petitioner_client, petitioner):
    steps = theft_case()
    steps[10] = ("right-now", {**NO_TROUBLE, "on_supervision_now": "unknown"})
    walk(petitioner_client, steps)
    assert Person.objects.get(owner=petitioner).on_supervision_now is None
    result = Case.objects.get().determinations.first().result
    assumption = "We assumed you are not on probation, parole or supervision now."
    assert any(text.startswith(assumption) for text in result["assumptions"])
    assert assumption in petitioner_client.get("/screening/results/").content.decode()


def test_the_situation_page_is_only_for_someone_with_answers(client):
    assert client.get("/screening/situation/").status_code == 404


# --- End dates ----------------------------------------------------------------------------------


def start_at_sentence_end(client) -> None:
    client.get("/screening/new/")
    for step, data in dui_case()[:6]:
        assert answer(client, step, data).status_code == 302


@pytest.mark.parametrize(
    ("ended", "end", "message"),
    [
        ("no", "2020-01-01", "That date has passed."),
        ("yes", (TODAY + datetime.timedelta(days=30)).isoformat(), "That date has not come yet."),
        ("no", "2023-01-01", "That date has passed."),
        ("yes", "2023-01-01", "The end date cannot be before the date of sentencing."),
        ("yes", "", "Enter the date it ended."),
        ("no", "2150-01-01", "Enter a date before 2100."),
    ],
)
def test_an_impossible_end_date_gets_an_error_beside_the_field_and_nothing_is_saved(
    petitioner_client, ended, end, message
):
    start_at_sentence_end(petitioner_client)
    response = answer(
        petitioner_client, "sentence-end", {"sentence_ended": ended, "sentence_end_date": end}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_sentence-end-sentence_end_date_error"' in html
    assert message in html
    assert not Case.objects.exists()


def test_a_probation_still_running_with_no_known_end_waits_with_no_date(
    petitioner_client, petitioner
):
    steps = dui_case(first=True)
    steps[6] = ("sentence-end", {"sentence_ended": "no", "sentence_end_date": ""})
    walk(petitioner_client, steps)
    case = Case.objects.get()
    assert (case.sentence_ended, case.sentence_end_date) == (False, None)
    result = case.determinations.first().result
    assert result["outcome"] in {"wait", "blocked"}
    assert result["eligible_on"] is None


# --- Offenses by name ---------------------------------------------------------------------------


def start_at_offenses(client) -> None:
    client.get("/screening/new/")
    for step, data in theft_case()[:4]:
        assert answer(client, step, data).status_code == 302


def test_the_offense_page_shows_one_row_and_adds_another_without_javascript(petitioner_client):
    start_at_offenses(petitioner_client)
    html = petitioner_client.get(step_url("offenses")).content.decode()
    assert 'name="offenses-0-offense"' in html
    assert 'name="offenses-1-offense"' not in html
    assert 'name="add-offense"' in html
    data = {
        "interview-current_step": "offenses",
        "add-offense": "1",
        **{
            f"offenses-{key}": value
            for key, value in {
                **offenses(("petty theft", "misdemeanor")),
                "TOTAL_FORMS": "1",
            }.items()
        },
    }
    response = petitioner_client.post(step_url("offenses"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="offenses-1-offense"' in html
    assert 'name="offenses-2-offense"' not in html
    assert 'value="petty theft"' in html  # what was typed stays
    assert "There is a problem" not in html


@pytest.mark.parametrize(
    ("typed", "code", "section"),
    [
        ("petty theft", "PC", "484(a)"),
        ("PC 484/488", "PC", "484(a)"),
        ("11350 HS", "HS", "11350"),
        ("VC 23152(a)", "VC", "23152(a)"),
        ("shoplifting", "PC", "459.5"),
    ],
)
def test_an_offense_typed_by_name_or_section_is_stored_with_its_section(
    petitioner_client, petitioner, typed, code, section
):
    steps = theft_case()
    steps[4] = ("offenses", offenses((typed, "misdemeanor")))
    walk(petitioner_client, steps)
    count = Case.objects.get().counts.get()
    assert (count.typed, count.code, count.section) == (typed, code, section)


def test_a_name_that_fits_several_offenses_asks_which_one(petitioner_client, petitioner):
    start_at_offenses(petitioner_client)
    response = answer(petitioner_client, "offenses", offenses(("burglary", "felony")))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Which one was it?" in html
    assert 'value="PC 460(a)"' in html
    assert 'value="PC 460(b)"' in html
    assert 'value="unsure"' in html  # "I don't know which": the degree is not assumed
    assert "Choose the offense that fits." in html
    response = answer(petitioner_client, "offenses", offenses(("burglary", "felony", "PC 460(b)")))
    assert response.status_code == 302
    felony_steps = theft_case()[5:]
    felony_steps.insert(1, ("prison-term", {"prison_term_suspended": "no"}))
    for step, data in felony_steps:
        assert answer(petitioner_client, step, data).status_code == 302
    count = Case.objects.get().counts.get()
    assert (count.typed, count.code, count.section) == ("burglary", "PC", "460(b)")


def test_a_bare_459_asks_the_degree(petitioner_client):
    start_at_offenses(petitioner_client)
    html = answer(petitioner_client, "offenses", offenses(("459", "felony"))).content.decode()
    assert "Burglary, first degree (residential) (PC 460(a))" in html
    assert "Burglary, second degree (PC 460(b))" in html


def test_a_name_matching_nothing_asks_for_the_code_section(petitioner_client):
    start_at_offenses(petitioner_client)
    response = answer(petitioner_client, "offenses", offenses(("zorbling", "misdemeanor")))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_offenses-0-offense_error"' in html
    assert "We could not find “zorbling”. Enter the code section from your court papers" in html
    assert not Case.objects.exists()


# --- Interview pages ----------------------------------------------------------------------------


def test_step_numbers_do_not_jump_when_answers_skip_questions(petitioner_client):
    petitioner_client.get("/screening/new/")
    first = petitioner_client.get(step_url("county")).content.decode()
    assert "Step 1 of 20" in first
    for step, data in theft_case()[:5]:
        answer(petitioner_client, step, data)
    answer(petitioner_client, "sentence", {"sentence": "no_probation"})
    html = petitioner_client.get(step_url("complied")).content.decode()
    # Every case question is counted, whether or not it applies (so the count does not jump):
    # county, number, date, conviction date, offenses, sentence, prison-term, supervision,
    # realignment, sentence-end, released, residence, probation, complied, since, fire-camp,
    # right-now, trafficking, about-you, check: 20. "complied" is the 14th, though the seven
    # before it were skipped.
    assert "Step 14 of 20" in html
    assert 'href="/screening/questions/sentence/"' in html  # the back link
    answer(petitioner_client, "sentence", {"sentence": "probation"})
    assert "Step 10 of 20" in petitioner_client.get(step_url("sentence-end")).content.decode()
    assert "Step 14 of 20" in petitioner_client.get(step_url("complied")).content.decode()


def test_a_second_case_counts_fewer_steps_as_the_person_questions_are_not_asked_again(
    petitioner_client,
):
    walk(petitioner_client, theft_case())
    petitioner_client.get("/screening/new/")
    # Without "right-now" and "about-you": 18 steps, for the whole of this interview.
    assert "Step 1 of 18" in petitioner_client.get(step_url("county")).content.decode()


def test_the_not_sure_checkbox_is_a_full_size_control_beside_the_date(petitioner_client):
    petitioner_client.get("/screening/new/")
    for step, data in theft_case()[:2]:
        answer(petitioner_client, step, data)
    html = petitioner_client.get(step_url("judgment-date")).content.decode()
    date_at = html.index('name="judgment-date-judgment_date"')
    box_at = html.index('<div class="field checkbox-field">')
    assert date_at < box_at
    checkbox = html.index('type="checkbox"', box_at)
    label = html.index('<label for="id_judgment-date-judgment_date_estimated"', box_at)
    assert checkbox < label  # the box first, its label beside it


# --- The date of conviction (CR-180 item 1) -----------------------------------------------------


def item_1_date(case: Case) -> str:
    from forms_filler.packet_input import packet_input_for_case
    from forms_filler.render import packet_html

    html = "".join(text for _, text in packet_html(packet_input_for_case(case=case, language="en")))
    found = re.search(r'On <i>\(date\):</i> <span class="date-fill fill">([^<]*)</span>', html)
    assert found, "item 1 not found"
    return found[1]


@pytest.mark.parametrize(
    ("answers", "stored", "printed"),
    [
        ({"conviction_same_day": "yes"}, datetime.date(2016, 5, 1), "05/01/2016"),
        (
            {"conviction_same_day": "no", "conviction_date": "2016-03-10"},
            datetime.date(2016, 3, 10),
            "03/10/2016",
        ),
        ({"conviction_same_day": "unknown", "conviction_date": "2016-03-10"}, None, ""),
    ],
)
def test_the_date_of_conviction_is_asked_apart_from_sentencing_and_fills_item_1(
    petitioner_client, petitioner, answers, stored, printed
):
    steps = theft_case()
    steps[3] = ("conviction-date", answers)
    walk(petitioner_client, steps)
    case = Case.objects.get()
    assert case.judgment_date == datetime.date(2016, 5, 1)
    assert case.conviction_date == stored
    assert item_1_date(case) == printed  # unknown: left for the person to write, never guessed


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"conviction_same_day": "no", "conviction_date": ""}, "Enter the date of conviction."),
        (
            {"conviction_same_day": "no", "conviction_date": "2016-06-01"},
            "The conviction comes before or on the day of sentencing, not after it.",
        ),
    ],
)
def test_a_conviction_date_that_cannot_be_gets_an_error_beside_it(
    petitioner_client, answers, message
):
    petitioner_client.get("/screening/new/")
    for step, data in theft_case()[:3]:
        answer(petitioner_client, step, data)
    response = answer(petitioner_client, "conviction-date", answers)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_conviction-date-conviction_date_error"' in html
    assert message in html


def test_papers_are_refused_for_a_count_without_a_section(petitioner_client, petitioner):
    from forms_filler.packet_input import PacketNotPossible, packet_input_for_case

    walk(petitioner_client, theft_case())
    case = Case.objects.get()
    # A count typed by name before names were resolved: no section, here or in the engine's.
    case.counts.update(code="", section="")
    case_determine(case=case)
    assert case.determinations.first().result["counts"][0]["section"] == ""
    with pytest.raises(PacketNotPossible, match="has no code section"):
        packet_input_for_case(case=case, language="en")


def test_the_blocked_case_reads_in_spanish(petitioner_client, petitioner):
    from django.utils import formats, translation

    walk(petitioner_client, theft_case())
    walk(petitioner_client, dui_case())
    petitioner_client.cookies["django_language"] = "es"
    html = petitioner_client.get("/screening/results/").content.decode()
    with translation.override("es"):
        opens = formats.date_format(DUI_OPENS, "DATE_FORMAT")
    shown = section(html, Case.objects.get(case_number="16CR1"))
    assert "Todavía no: primero debe terminar otro de sus casos." in shown
    assert "Lo impide la libertad condicional de su caso por VC 23152(a)" in shown
    assert f"Puede presentar la petición a partir del {opens}." in shown
    assert "Sus casos de un vistazo" in html
    assert "Blocked by" not in html


def test_a_later_case_is_named_as_the_person_calls_it_on_the_results_and_the_papers(
    petitioner_client, petitioner
):
    from forms_filler.packet_input import packet_input_for_case

    no_probation = [
        step for step in theft_case() if step[0] not in {"sentence-end", "probation", "sentence"}
    ]
    no_probation.insert(5, ("sentence", {"sentence": "no_probation"}))
    walk(petitioner_client, no_probation)
    ended = dui_case()
    ended[6] = ("sentence-end", {"sentence_ended": "yes", "sentence_end_date": "2025-05-01"})
    walk(petitioner_client, ended)
    theft = Case.objects.get(case_number="16CR1")
    said = "VC 23152(a) (Los Angeles County, 24TR9) was decided on"
    assert said in section(petitioner_client.get("/screening/results/").content.decode(), theft)
    reasons = packet_input_for_case(case=theft, language="en").cases[0].determination["reasons"]
    assert any(said in reason["text"] for reason in reasons)
