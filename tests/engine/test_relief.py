"""PC 1203.425 automatic relief (rules/relief.py): when probation counts as completed."""

from datetime import date

from eligibility.engine import determine, parse_case

from .scenarios import case


def relief_possible(*, probation_ends: str, as_of: date) -> bool:
    facts = parse_case(case(sentence_end_date=probation_ends))
    return determine(facts, as_of=as_of).automatic_relief_possible


def test_probation_that_ends_today_is_not_yet_completed() -> None:
    # PC 1203.425(a)(1): relief follows completion; on the last day the term is still running.
    assert relief_possible(probation_ends="2025-06-15", as_of=date(2025, 6, 15)) is False


def test_probation_that_ended_yesterday_is_completed() -> None:
    assert relief_possible(probation_ends="2025-06-15", as_of=date(2025, 6, 16)) is True
