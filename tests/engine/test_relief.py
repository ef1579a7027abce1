"""PC 1203.425 automatic relief (rules/relief.py): the days each path opens, counted by hand."""

from dataclasses import replace
from datetime import date

import pytest

from eligibility.engine import determine, parse_case

from .scenarios import FELONY_SALE, case


def relief_possible(data: dict[str, object], as_of: date) -> bool:
    return determine(parse_case(data), as_of=as_of).automatic_relief_possible


def test_probation_that_ends_today_is_not_yet_completed() -> None:
    # PC 1203.425(a)(1): relief follows completion; on the last day the term is still running.
    probation = case(sentence_end_date="2025-06-15")
    assert relief_possible(probation, date(2025, 6, 15)) is False


def test_probation_that_ended_yesterday_is_completed() -> None:
    assert relief_possible(case(sentence_end_date="2025-06-15"), date(2025, 6, 16)) is True


# A misdemeanor without probation (judged 2020-01-15): possible from one year after judgment.
@pytest.mark.parametrize(
    ("as_of", "possible"),
    [(date(2021, 1, 14), False), (date(2021, 1, 15), True), (date(2021, 7, 1), True)],
)
def test_misdemeanor_without_probation_opens_one_year_after_judgment(
    as_of: date, possible: bool
) -> None:
    no_probation = case(sentence="no_probation", sentence_end_date=...)
    assert relief_possible(no_probation, as_of) is possible


# A felony jail sentence (judged 2018-01-01, completed 2020-01-01): four years after completion,
# and never before felony relief began on 2023-07-01.
@pytest.mark.parametrize(
    ("judgment", "completed", "as_of", "possible"),
    [
        ("2018-01-01", "2020-01-01", date(2023, 12, 31), False),
        ("2018-01-01", "2020-01-01", date(2024, 1, 1), True),
        ("2018-01-01", "2020-01-01", date(2024, 7, 1), True),
        ("2010-01-01", "2015-01-01", date(2023, 6, 30), False),
        ("2010-01-01", "2015-01-01", date(2023, 7, 1), True),
        ("2005-01-01", "2015-01-01", date(2024, 1, 1), True),
        ("2004-12-31", "2015-01-01", date(2024, 1, 1), False),
    ],
)
def test_felony_relief_opens_four_years_after_completion_from_july_2023(
    judgment: str, completed: str, as_of: date, possible: bool
) -> None:
    felony = case(
        FELONY_SALE, judgment_date=judgment, sentence="county_jail", sentence_end_date=completed
    )
    assert relief_possible(felony, as_of) is possible


# Completed probation (2023-01-15), as of 2025-06-15: possible unless something stands in the way.
def test_being_on_supervision_now_alone_rules_relief_out() -> None:
    assert relief_possible(case(on_supervision_now=True), date(2025, 6, 15)) is False


def test_an_unknown_fact_relief_depends_on_rules_it_out() -> None:
    facts = replace(parse_case(case()), unknown=frozenset({"pending_charges"}))
    assert determine(facts, as_of=date(2025, 6, 15)).automatic_relief_possible is False


def test_convictions_from_1_january_1973_are_covered() -> None:
    # The first conviction day the rule covers (FIRST_CONVICTION_DAY in rules/relief.py).
    old = case(judgment_date="1973-01-01", sentence_end_date="1975-01-01")
    assert relief_possible(old, date(2025, 6, 15)) is True
    older = case(judgment_date="1972-12-31", sentence_end_date="1975-01-01")
    assert relief_possible(older, date(2025, 6, 15)) is False
