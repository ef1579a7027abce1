"""Walk the interview through HTTP, one page at a time, as a browser without JavaScript would."""

import datetime
from typing import Any

from django.test import Client

from eligibility.calendar import today_in_california

BASE = "/screening/questions/"


def step_url(step: str) -> str:
    return f"{BASE}{step}/"


def answer(client: Client, step: str, data: dict[str, Any]) -> Any:
    """POST one page's answers; return the response (a redirect to the next page when valid)."""
    payload = {"interview-current_step": step}
    payload.update({f"{step}-{key}": value for key, value in data.items()})
    return client.post(step_url(step), payload)


def offenses(*rows: tuple[str, ...]) -> dict[str, Any]:
    """The offense page's rows: (typed, level) or (typed, level, the choice among matches)."""
    data: dict[str, Any] = {
        "TOTAL_FORMS": "6",
        "INITIAL_FORMS": "0",
        "MIN_NUM_FORMS": "0",
        "MAX_NUM_FORMS": "20",
    }
    for index, (offense, level, *choice) in enumerate(rows):
        data[f"{index}-offense"] = offense
        data[f"{index}-level"] = level
        if choice:
            data[f"{index}-choice"] = choice[0]
    return data


def walk(client: Client, answers: list[tuple[str, dict[str, Any]]]) -> Any:
    """Answer each (step, data) in order, checking each page sends the person to the next one
    named in the list; the last response (after "check") is returned."""
    response = client.get("/screening/new/")
    assert response.status_code == 302
    for index, (step, data) in enumerate(answers):
        response = answer(client, step, data)
        assert response.status_code == 302, (step, _errors(response))
        if index + 1 < len(answers):
            expected = step_url(answers[index + 1][0])
            assert response["Location"] == expected, (step, response["Location"], expected)
    return response


def _errors(response: Any) -> str:
    html = response.content.decode()
    start = html.find('class="error-summary"')
    return html[start : start + 600] if start >= 0 else html[:300]


TODAY = today_in_california()


def iso(days_ago: int) -> str:
    return (TODAY - datetime.timedelta(days=days_ago)).isoformat()


NO_TROUBLE = {"pending_charges": "no", "on_supervision_now": "no", "serving_sentence_now": "no",
              "registrant": "no"}  # fmt: skip
ABOUT_YOU = {"full_name": "Rosa Díaz", "street": "1 Main St", "city": "Sacramento",
             "zip_code": "95814", "phone": "916-555-0100", "email": "rosa@example.org"}  # fmt: skip


def probation_case(county="Sacramento", offense=("PC 484(a)", "misdemeanor"), violated="no",
                   ended_days_ago=400, judged_days_ago=1200, right_now=NO_TROUBLE,
                   felony_steps=False, ended="yes", more_offenses=()):  # fmt: skip
    steps = opening_steps(county, "24CR000123", iso(judged_days_ago), "probation", offense,
                          *more_offenses)  # fmt: skip
    if felony_steps:
        steps.append(("prison-term", {"prison_term_suspended": "no"}))
    steps += probation_steps(ended, iso(ended_days_ago), violated=violated)
    if right_now is not None:  # asked once per person: None once the person has answered
        steps.append(("right-now", right_now))
    return steps


def probation_steps(ended, end_date, *, violated="no"):
    """After the sentence (probation): its end, how it went, and no new conviction since."""
    return [
        ("sentence-end", {"sentence_ended": ended, "sentence_end_date": end_date}),
        ("probation", {"probation_violated": violated, "probation_terminated_early": "no"}),
        ("complied", {"sentence_complied": "yes"}),
        ("since", {"new_conviction_since_judgment": "no"}),
    ]


def opening_steps(county, case_number, judgment_date, sentence, *offense_rows):
    """The first pages of every case: the court, the case, its dates, offenses and sentence."""
    return [
        ("county", {"county": county}),
        ("case-number", {"case_number": case_number}),
        ("judgment-date", {"judgment_date": judgment_date}),
        ("conviction-date", {"conviction_same_day": "yes"}),
        ("offenses", offenses(*offense_rows)),
        ("sentence", {"sentence": sentence}),
    ]


def no_probation_case(offense, *, county="Sacramento", case_number="22CR000415",
                      judged_days_ago=900):  # fmt: skip
    return [
        *opening_steps(county, case_number, iso(judged_days_ago), "no_probation", offense),
        ("complied", {"sentence_complied": "yes"}),
        ("since", {"new_conviction_since_judgment": "no"}),
        ("right-now", NO_TROUBLE),
    ]


def county_jail_case(*, fire_camp="no"):
    """A felony county jail sentence without mandatory supervision, ended 1000 days ago."""
    return [
        *opening_steps("Fresno", "F123", iso(2000), "county_jail", ("HS 11379", "felony")),
        ("supervision", {"mandatory_supervision": "no"}),
        ("sentence-end", {"sentence_ended": "yes", "sentence_end_date": iso(1000)}),
        ("complied", {"sentence_complied": "yes"}),
        ("since", {"new_conviction_since_judgment": "no"}),
        ("fire-camp", {"fire_camp": fire_camp}),
        ("right-now", NO_TROUBLE),
    ]


def prison_case(*, case_number="F10900123", judgment_date="2010-05-03", ended="2017-08-20",
                released=None, years=None, fire_camp="no"):  # fmt: skip
    """A state prison sentence for HS 11379; the release date and years in California as given,
    “I don't know” when not."""
    released_answer = {"released_on": released} if released else {"released_on_unknown": "on"}
    years_answer = (
        {"ca_residence_years": years} if years is not None else {"ca_residence_unknown": "on"}
    )
    return [
        *opening_steps(
            "Fresno", case_number, judgment_date, "state_prison", ("HS 11379", "felony")
        ),
        ("realignment", {"pre_realignment_1170h_eligible": "no"}),
        ("sentence-end", {"sentence_ended": "yes", "sentence_end_date": ended}),
        ("released", released_answer),
        ("residence", years_answer),
        ("complied", {"sentence_complied": "yes"}),
        ("since", {"new_conviction_since_judgment": "no"}),
        ("fire-camp", {"fire_camp": fire_camp}),
        ("right-now", NO_TROUBLE),
    ]


def finish(client, steps, *, with_details=True):
    if with_details:
        steps = [*steps, ("about-you", ABOUT_YOU)]
    response = walk(client, [*steps, ("check", {})])
    assert response["Location"].startswith("/screening/results/#case-")
    return client.get("/screening/results/").content.decode()


def assert_field_error(response, field_id: str, message: str) -> None:
    """The page came back with this error beside the field, tied to it and in the summary."""
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert f'href="#{field_id}"' in html
    assert f'id="{field_id}_error"' in html
    assert message in html
    assert 'aria-invalid="true"' in html
