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


SUPERVISION_NOW = (
    "You are on probation, parole or supervision now; you can file once it ends, or ask the "
    "court to end probation early (PC 1203.3).",
    "PC 1203.4(a)(1)",
)
SERVING_NOW = (
    "You are serving a sentence for an offense now; you can file once it is over.",
    "PC 1203.4(a)(1)",
)


def on_parole_elsewhere(**status: bool) -> dict:
    # Another case, its own probation long over, that says what the person is now.
    return case(DUI, id="dui", judgment_date="2019-02-10", sentence_end_date="2021-02-10", **status)


@pytest.mark.parametrize(
    ("status", "reason"),
    [("on_supervision_now", SUPERVISION_NOW), ("serving_sentence_now", SERVING_NOW)],
)
@pytest.mark.parametrize("said_in", ["person", "another-case"])
def test_a_status_now_said_once_blocks_every_case(
    status: str, reason: tuple[str, str], said_in: str
) -> None:
    # PC 1203.4(a)(1): not on probation or supervision for, nor serving a sentence for, *any*
    # offense. Alone, the theft is eligible from the day after probation ended (2018-03-02);
    # PC 1203.425 relief is for no one supervised or serving a sentence.
    theft = parse_case(theft_done())
    if said_in == "person":
        results = determine_person([theft], as_of=AS_OF, person=PersonFacts(**{status: True}))
    else:
        other = parse_case(on_parole_elsewhere(**{status: True}))
        results = determine_person([theft, other], as_of=AS_OF)
    theft_result = results[0]
    assert (theft_result.outcome, theft_result.remedy, theft_result.form_item) == (
        "blocked",
        "1203.4",
        "2a",
    )
    assert theft_result.eligible_on == date(2018, 3, 2)
    assert theft_result.blocked_by == ()
    assert reason in [(r.text, r.citation) for r in theft_result.reasons]
    assert theft_result.automatic_relief_possible is False


def test_cases_that_require_no_registration_leave_automatic_relief_possible() -> None:
    # Two probations completed long ago without violation (PC 1203.425(a)(1)); nothing running,
    # no one required to register: each may already have been cleared.
    other = case(THEFT, id="theft-2", judgment_date="2017-05-01", sentence_end_date="2019-05-01")
    results = determine_person([parse_case(theft_done()), parse_case(other)], as_of=AS_OF)
    assert [r.automatic_relief_possible for r in results] == [True, True]
    assert not any(r.citation == "PC 1203.425" for result in results for r in result.reasons)


def test_registration_said_in_another_case_takes_automatic_relief_from_this_one() -> None:
    # The other case's answer "I must register" (no count the catalog lists): PC 1203.425
    # excludes anyone required to register, whichever case the duty comes from.
    other = case(
        THEFT,
        id="other",
        judgment_date="2010-05-01",
        sentence_end_date="2012-05-01",
        registrant=True,
    )
    theft_result, _ = determine_person([parse_case(theft_done()), parse_case(other)], as_of=AS_OF)
    assert theft_result.automatic_relief_possible is False
    assert (
        "Case other requires registration under PC 290, so this case cannot have been dismissed "
        "automatically (PC 1203.425 excludes anyone required to register).",
        "PC 1203.425",
    ) in [(r.text, r.citation) for r in theft_result.reasons]


A_REGISTRANT_NOT_KNOWN = (
    "We assumed this case does not require you to register as a sex offender (PC 290). If it "
    "does, relief after a state prison sentence is not available."
)


def test_registration_not_known_is_read_cautiously_in_each_case_it_could_come_from() -> None:
    # The person does not know whether they must register: the theft is still eligible, but
    # PC 1203.425 relief (not for registrants) cannot be claimed, and the reading is stated.
    (theft_result,) = determine_person(
        [parse_case(theft_done())], as_of=AS_OF, person=PersonFacts(registrant=None)
    )
    assert (theft_result.outcome, theft_result.form_item) == ("eligible", "2a")
    assert theft_result.automatic_relief_possible is False
    assert A_REGISTRANT_NOT_KNOWN in theft_result.assumptions

    # A case with a count PC 290(c) lists (PC 647.6) requires registration whatever the person
    # says: nothing is assumed about it there.
    annoying = case(
        count("PC", "647.6(a)", "misdemeanor"),
        id="647.6",
        judgment_date="2012-01-01",
        sentence_end_date="2014-01-01",
    )
    _, registrable_result = determine_person(
        [parse_case(theft_done()), parse_case(annoying)],
        as_of=AS_OF,
        person=PersonFacts(registrant=None),
    )
    assert (registrable_result.outcome, registrable_result.form_item) == ("eligible", "2a")
    assert registrable_result.automatic_relief_possible is False
    assert A_REGISTRANT_NOT_KNOWN not in registrable_result.assumptions


def disorderly(case_id: str, judgment_date: str) -> dict:
    # A misdemeanor without probation (PC 1203.4a): as of right (item 3a) one year after
    # judgment with no new conviction since, otherwise in the court's discretion (item 3b).
    return case(
        count("PC", "647(f)", "misdemeanor"),
        id=case_id,
        judgment_date=judgment_date,
        sentence="no_probation",
        sentence_end_date=...,
    )


def test_only_a_strictly_later_judgment_is_a_new_conviction_since_this_one() -> None:
    # PC 1203.4a(a): "since the pronouncement of judgment". The earlier case is not a new
    # conviction for the later one; a judgment the same day is not "since" either
    # (docs/eligibility.md, "One person's cases" 3: a judgment date after this one's).
    old, newer = determine_person(
        [parse_case(disorderly("old", "2019-04-01")), parse_case(disorderly("new", "2021-06-01"))],
        as_of=AS_OF,
    )
    assert (old.outcome, old.form_item, old.eligible_on) == (
        "discretionary",
        "3b",
        date(2020, 4, 2),
    )
    assert (newer.outcome, newer.form_item, newer.eligible_on) == (
        "eligible",
        "3a",
        date(2022, 6, 2),
    )

    same_day = determine_person(
        [parse_case(disorderly("a", "2021-06-01")), parse_case(disorderly("b", "2021-06-01"))],
        as_of=AS_OF,
    )
    assert [(r.outcome, r.form_item) for r in same_day] == [("eligible", "3a")] * 2
    assert not any("after this judgment" in r.text for result in same_day for r in result.reasons)
