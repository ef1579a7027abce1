"""One person's cases decided together (contracts/screening.md, "One person's cases").

Expectations are written out by hand from the statutes: PC 1203.4(a)(1), 1203.41(a)(3),
1203.42(a) and 1203.4a(a) look at *any* offense; a later judgment is a new conviction since this
judgment; a registrant cannot have had PC 1203.425 relief.
"""

from dataclasses import replace
from datetime import date

import pytest

from eligibility.engine import (
    CaseError,
    PersonFacts,
    determine,
    determine_person,
    parse_case,
)

from .scenarios import case, count

AS_OF = date(2025, 6, 15)
THEFT = count("PC", "484(a)", "misdemeanor")
DUI = count("VC", "23152(a)", "misdemeanor")


def theft_done() -> dict:
    # Probation ended 2018-03-01 with no violation: alone, eligible under 1203.4 item 2a.
    return case(THEFT, id="theft", judgment_date="2016-03-01", sentence_end_date="2018-03-01")


def dui_until_2027() -> dict:
    # Probation runs until 2027-02-10 (a future end date: still running).
    return case(DUI, id="dui", judgment_date="2024-02-10", sentence_end_date="2027-02-10")


def test_the_issue_journey_theft_is_blocked_by_the_dui_probation() -> None:
    theft, dui = (parse_case(c) for c in (theft_done(), dui_until_2027()))
    assert determine(theft, as_of=AS_OF).outcome == "eligible"  # alone

    theft_result, dui_result = determine_person([theft, dui], as_of=AS_OF)

    assert theft_result.id == "theft"
    assert theft_result.outcome == "blocked"
    assert theft_result.remedy == "1203.4"
    assert theft_result.form_item == "2a"
    assert theft_result.eligible_on == date(2027, 2, 11)
    assert theft_result.blocked_by == ("dui",)
    blocking = [r for r in theft_result.reasons if "dui" in r.text]
    assert len(blocking) == 1
    assert blocking[0].citation == "PC 1203.4(a)(1)"
    assert "2027-02-11" in blocking[0].text
    assert "early_termination" in theft_result.alternatives
    assert theft_result.to_dict()["blocked_by"] == ["dui"]

    # The DUI itself only waits for its own probation to end (day after 2027-02-10).
    assert dui_result.outcome == "wait"
    assert dui_result.eligible_on == date(2027, 2, 11)
    assert dui_result.blocked_by == ()
    assert "blocked_by" not in dui_result.to_dict()


def test_unknown_end_of_the_blocking_case_gives_no_date() -> None:
    dui = case(DUI, id="dui", judgment_date="2024-02-10", sentence_end_date=None)
    theft_result, _ = determine_person([parse_case(theft_done()), parse_case(dui)], as_of=AS_OF)
    assert theft_result.outcome == "blocked"
    assert theft_result.eligible_on is None
    assert theft_result.blocked_by == ("dui",)


def test_an_other_case_whose_end_is_not_known_is_taken_as_over_and_said_so() -> None:
    dui = replace(
        parse_case(case(DUI, id="dui", judgment_date="2024-02-10", sentence_end_date=None)),
        unknown=frozenset({"sentence_end_date"}),
    )
    # Probation for public intoxication (no catalog note to state) ended 2018-03-01.
    drunk = case(
        count("PC", "647(f)", "misdemeanor"),
        id="drunk",
        judgment_date="2016-03-01",
        sentence_end_date="2018-03-01",
    )
    drunk_result, _ = determine_person([parse_case(drunk), dui], as_of=AS_OF)
    assert (drunk_result.outcome, drunk_result.form_item, drunk_result.eligible_on) == (
        "eligible",
        "2a",
        date(2018, 3, 2),
    )
    assert drunk_result.blocked_by == ()
    assert drunk_result.assumptions == (
        "You do not know when the probation or sentence in another of your cases ended, so we "
        "took it to be over. If it is still running, you cannot file until it ends.",
    )


def test_prison_sentence_running_blocks_1203_41_with_its_status_clause() -> None:
    jail = case(
        count("HS", "11379", "felony"),
        id="jail",
        judgment_date="2019-01-10",
        sentence="county_jail",
        sentence_end_date="2021-01-10",
    )  # alone: 1203.41 5b from 2023-01-11, discretionary by 2025
    prison = case(
        count("PC", "211", "felony"),
        id="prison",
        judgment_date="2022-05-01",
        sentence="state_prison",
        sentence_end_date="2026-08-31",
    )
    jail_result, prison_result = determine_person(
        [parse_case(jail), parse_case(prison)], as_of=AS_OF
    )
    assert (jail_result.outcome, jail_result.remedy, jail_result.form_item) == (
        "blocked",
        "1203.41",
        "5b",
    )
    assert jail_result.eligible_on == date(2026, 9, 1)
    assert "PC 1203.41(a)(3)" in [r.citation for r in jail_result.reasons]
    # Its own prison term is due to end 2026-08-31: only time is missing (more than two years).
    assert (prison_result.outcome, prison_result.eligible_on) == ("wait", date(2028, 9, 1))


def test_later_judgment_elsewhere_is_a_new_conviction_for_1203_4a() -> None:
    old = case(
        count("PC", "647(f)", "misdemeanor"),
        id="old",
        judgment_date="2019-04-01",
        sentence="no_probation",
        sentence_end_date=...,
    )
    newer = case(THEFT, id="newer", judgment_date="2021-06-01", sentence_end_date="2022-06-01")
    old_result, newer_result = determine_person([parse_case(old), parse_case(newer)], as_of=AS_OF)
    assert (old_result.outcome, old_result.remedy, old_result.form_item) == (
        "discretionary",
        "1203.4a",
        "3b",
    )
    assert [(r.text, r.citation) for r in old_result.reasons] == [
        ("A misdemeanor without probation is dismissed under PC 1203.4a.", "PC 1203.4a(a)"),
        (
            "Judgment was on 2019-04-01; relief is available more than one year later, from "
            "2020-04-02.",
            "PC 1203.4a(a)",
        ),
        (
            "There was a new conviction since judgment, so the court decides in the interests of "
            "justice.",
            "PC 1203.4a(b)",
        ),
        (
            "Case newer was decided on 2021-06-01, after this judgment: that is a new conviction "
            "since this judgment.",
            "PC 1203.4a(a)",
        ),
        (
            "This conviction may already have been dismissed automatically by the Department of "
            "Justice; filing a petition can still help, for example to ask for a PC 17(b) "
            "reduction.",
            "PC 1203.425(a)(1)",
        ),
    ]
    # The earlier case is not a new conviction for the later one.
    assert (newer_result.outcome, newer_result.form_item) == ("eligible", "2a")


def test_registrant_person_has_no_automatic_relief_anywhere() -> None:
    theft = parse_case(theft_done())
    assert determine(theft, as_of=AS_OF).automatic_relief_possible is True
    (alone,) = determine_person([theft], as_of=AS_OF, person=PersonFacts(registrant=True))
    assert alone.automatic_relief_possible is False
    assert any(r.citation == "PC 1203.425" for r in alone.reasons)

    sex_case = case(
        count("PC", "288(a)", "felony"),
        id="sex",
        judgment_date="2001-01-01",
        sentence_end_date="2004-01-01",
    )
    theft_result, _ = determine_person([theft, parse_case(sex_case)], as_of=AS_OF)
    assert theft_result.automatic_relief_possible is False
    assert any("sex" in r.text and r.citation == "PC 1203.425" for r in theft_result.reasons)


def test_person_facts_apply_to_every_case() -> None:
    theft = parse_case(theft_done())
    (charged,) = determine_person([theft], as_of=AS_OF, person=PersonFacts(pending_charges=True))
    assert charged.outcome == "blocked"
    assert charged.blocked_by == ()  # a status, not another case

    (unsure,) = determine_person([theft], as_of=AS_OF, person=PersonFacts(on_supervision_now=None))
    assert unsure.outcome == "eligible"  # "I don't know" does not block...
    assert any("not on probation, parole or supervision now" in a for a in unsure.assumptions)
    assert unsure.automatic_relief_possible is False  # ...but relief cannot be claimed


def test_a_judgment_after_as_of_is_a_case_error() -> None:
    future = parse_case(case(THEFT, judgment_date="2025-07-01", sentence_end_date=None))
    with pytest.raises(CaseError) as error:
        determine_person([parse_case(theft_done()), future], as_of=AS_OF)
    assert error.value.field == "judgment_date"
