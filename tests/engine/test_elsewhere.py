"""What a person's other cases say about one case (rules/elsewhere.py), through
``determine_person``: which other case is still running, and which has an end the person does not
know (contracts/screening.md and docs/eligibility.md, "One person's cases").

Expectations are written out by hand: PC 1203.4(a)(1) asks that the person is not on probation for
*any* offense; a probation whose end the person does not know is taken as over, and that reading
is stated as an assumption. Alone, the theft below is eligible under PC 1203.4, item 2a, from the
day after its probation ended (2018-03-02).
"""

import dataclasses
from datetime import date

import pytest

from eligibility.engine import CaseFacts, Determination, determine_person, parse_case

from .scenarios import case, count, dej

AS_OF = date(2025, 6, 15)
A_OTHER_END_UNKNOWN = (
    "You do not know when the probation or sentence in another of your cases ended, so we took "
    "it to be over. If it is still running, you cannot file until it ends."
)


def theft_done() -> dict:
    return case(id="theft", judgment_date="2016-03-01", sentence_end_date="2018-03-01")


def dui(**fields: object) -> dict:
    data = {"id": "dui", "judgment_date": "2014-05-01", "sentence_end_date": None, **fields}
    return case(count("VC", "23152(a)", "misdemeanor"), **data)


def end_not_known(data: dict) -> CaseFacts:
    """The case as the web interview gives it when the person answered "I don't know" to when
    its probation or sentence ended."""
    facts = parse_case(data)
    return dataclasses.replace(facts, unknown=facts.unknown | {"sentence_end_date"})


def assert_decided_as_alone(theft_result: Determination) -> None:
    """The theft's result when nothing else the person has blocks it (the module's docstring)."""
    assert (theft_result.outcome, theft_result.remedy, theft_result.form_item) == (
        "eligible",
        "1203.4",
        "2a",
    )
    assert theft_result.eligible_on == date(2018, 3, 2)
    assert theft_result.blocked_by == ()


@pytest.mark.parametrize(
    ("other", "assumed_over"),
    [
        pytest.param(end_not_known(dui()), True, id="probation-end-not-known-is-taken-as-over"),
        pytest.param(
            parse_case(dui(sentence_end_date="2016-05-01")), False, id="probation-ended-on-a-day"
        ),
        # Deferred entry of judgment is no probation or sentence (no judgment was entered): not
        # knowing when its charges were dismissed says nothing about a running sentence.
        pytest.param(
            end_not_known(dej(id="dej", sentence_end_date=None)),
            False,
            id="dej-dismissal-not-known",
        ),
    ],
)
def test_another_case_whose_end_is_not_known_is_taken_as_over_and_said(
    other: CaseFacts, assumed_over: bool
) -> None:
    theft_result, _ = determine_person([parse_case(theft_done()), other], as_of=AS_OF)
    assert_decided_as_alone(theft_result)
    assert (A_OTHER_END_UNKNOWN in theft_result.assumptions) is assumed_over


def test_another_case_is_still_running_only_with_an_end_date_after_the_screening_day() -> None:
    # contracts/screening.md, "One person's cases": still running is "no end date or an end date
    # after --as-of". The DUI's probation ends on the screening day, so it no longer blocks the
    # theft (eligible under PC 1203.4, item 2a, as alone); the DUI itself opens the day after
    # its own probation ended (PC 1203.4(a)(1), docs/eligibility.md).
    dui_ending = parse_case(dui(judgment_date="2024-02-10", sentence_end_date="2025-06-15"))
    theft_result, dui_result = determine_person([parse_case(theft_done()), dui_ending], as_of=AS_OF)
    assert (dui_result.outcome, dui_result.eligible_on) == ("wait", date(2025, 6, 16))
    assert_decided_as_alone(theft_result)
    # The day before, the DUI's end is after the screening day: it blocks the theft until the
    # day after it ends.
    day_before, _ = determine_person(
        [parse_case(theft_done()), dui_ending], as_of=date(2025, 6, 14)
    )
    assert (day_before.outcome, day_before.blocked_by) == ("blocked", ("dui",))
    assert day_before.eligible_on == date(2025, 6, 16)
