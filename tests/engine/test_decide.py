"""How a case's counts make its result (``determine``, eligibility/engine/decide.py).

Whole result objects, written out by hand from the statutes (law/README.md): each count's own
result and reason, the case's reasons in order with their citations, and what the case draws from
all its counts together (PC 1203.425 automatic relief, the alternatives). Unless a row says
otherwise: probation granted on 2020-01-15 and completed on 2023-01-15 without violation, screened
on 2025-06-15.
"""

from datetime import date
from typing import Any

import pytest

from eligibility.engine import CaseError, determine, parse_case

from .scenarios import AS_OF, case, count

PUBLIC_INTOXICATION = count("PC", "647(f)", "misdemeanor")
VC_42002_1 = count("VC", "42002.1", "misdemeanor")  # within VC 42002.1 (PC 1203.4(b))
DRIVING_SUSPENDED = count("VC", "14601", "misdemeanor")  # listed in VC 12810 (PC 1203.4(c)(2))
ROBBERY = count("PC", "211", "felony")  # serious (PC 1192.7(c)(19)) and violent (667.5(c)(9))

# Reasons of a completed probation under PC 1203.4 item 2a (PC 1203.4(a)(1)).
PROBATION_ROUTE = {
    "text": "Probation was granted, so the petition is under PC 1203.4.",
    "citation": "PC 1203.4(a)(1)",
}
PROBATION_ENDED = {
    "text": "Probation ended on 2023-01-15; relief is available from the next day, 2023-01-16.",
    "citation": "PC 1203.4(a)(1)",
}
ITEM_2A = {
    "text": "The conditions of probation were fulfilled for the entire period, so dismissal is a "
    "right.",
    "citation": "PC 1203.4(a)(1)",
}
EXCLUDED_42002_1 = {
    "text": "VC 42002.1 is a misdemeanor within VC 42002.1, which PC 1203.4 subdivision (b) "
    "excludes.",
    "citation": "PC 1203.4(b); VC 42002.1",
}
AUTOMATIC = {
    "text": "This conviction may already have been dismissed automatically by the Department of "
    "Justice; filing a petition can still help, for example to ask for a PC 17(b) reduction.",
    "citation": "PC 1203.425(a)(1)",
}


def count_result(
    code: str, section: str, level: str, reason: str, **flags: bool
) -> dict[str, str | bool]:
    return {
        "code": code,
        "section": section,
        "level": level,
        "dismissable": flags.get("dismissable", True),
        "reduction_17b": False,
        "reduction_17d2": False,
        "reason": reason,
    }


def decided(data: dict[str, Any], as_of: date = AS_OF) -> dict[str, Any]:
    return dict(determine(parse_case(data), as_of=as_of).to_dict())


def test_a_count_excluded_by_1203_4b_does_not_sink_the_other_count() -> None:
    # PC 1203.4(b) excludes "any misdemeanor that is within the provisions of Section 42002.1 of
    # the Vehicle Code"; the 647(f) count is dismissed as of right (item 2a), and probation
    # completed without revocation with a dismissable count is PC 1203.425(a)(1)(B)(v) relief.
    result = determine(parse_case(case(PUBLIC_INTOXICATION, VC_42002_1)), as_of=AS_OF)
    assert result.to_dict() == {
        "id": "case-1",
        "outcome": "eligible",
        "remedy": "1203.4",
        "form_item": "2a",
        "eligible_on": "2023-01-16",
        "reduction_17b": False,
        "reduction_17d2": False,
        "automatic_relief_possible": True,
        "counts": [
            count_result(
                "PC", "647(f)", "misdemeanor", "Can be dismissed under PC 1203.4, CR-180 item 2a."
            ),
            count_result(
                "VC", "42002.1", "misdemeanor", EXCLUDED_42002_1["text"], dismissable=False
            ),
        ],
        "alternatives": [],
        "reasons": [PROBATION_ROUTE, PROBATION_ENDED, ITEM_2A, EXCLUDED_42002_1, AUTOMATIC],
        "assumptions": [],
    }
    # The web translates a count's reason from its template and parameters.
    dismissable, excluded = result.counts
    assert dismissable.reason_template == (
        "Can be dismissed under PC %(remedy)s, CR-180 item %(item)s."
    )
    assert dismissable.reason_params == (("remedy", "1203.4"), ("item", "2a"))
    assert excluded.reason_template == (
        "%(offense)s is a misdemeanor within VC 42002.1, which PC 1203.4 subdivision (b) excludes."
    )
    assert excluded.reason_params == (("offense", "VC 42002.1"),)


def test_every_count_excluded_is_not_eligible_and_each_reason_is_stated_once() -> None:
    # Two counts of the same excluded offense: one reason, no dismissable count, so no automatic
    # relief either (PC 1203.425 reaches a conviction eligible for PC 1203.4 relief).
    assert decided(case(VC_42002_1, VC_42002_1)) == {
        "id": "case-1",
        "outcome": "not_eligible",
        "remedy": None,
        "form_item": None,
        "eligible_on": None,
        "reduction_17b": False,
        "reduction_17d2": False,
        "automatic_relief_possible": False,
        "counts": [
            count_result(
                "VC", "42002.1", "misdemeanor", EXCLUDED_42002_1["text"], dismissable=False
            ),
            count_result(
                "VC", "42002.1", "misdemeanor", EXCLUDED_42002_1["text"], dismissable=False
            ),
        ],
        "alternatives": [],
        "reasons": [EXCLUDED_42002_1],
        "assumptions": [],
    }


def test_between_counts_waiting_for_the_same_day_the_first_is_reported() -> None:
    # Probation ends 2025-07-01: both counts open on 2025-07-02 under PC 1203.4. The 647(f) count
    # is then a right (2a); VC 14601 only in the interests of justice (PC 1203.4(c)(2), 2c). The
    # case reports the first count in input order.
    data = case(
        PUBLIC_INTOXICATION,
        DRIVING_SUSPENDED,
        judgment_date="2023-07-01",
        sentence_end_date="2025-07-01",
    )
    assert decided(data) == {
        "id": "case-1",
        "outcome": "wait",
        "remedy": "1203.4",
        "form_item": "2a",
        "eligible_on": "2025-07-02",
        "reduction_17b": False,
        "reduction_17d2": False,
        "automatic_relief_possible": False,
        "counts": [
            count_result(
                "PC", "647(f)", "misdemeanor", "Can be dismissed under PC 1203.4, CR-180 item 2a."
            ),
            count_result(
                "VC",
                "14601",
                "misdemeanor",
                "Can be dismissed under PC 1203.4 only in the court's discretion, CR-180 item 2c.",
            ),
        ],
        "alternatives": ["early_termination"],
        "reasons": [
            PROBATION_ROUTE,
            {
                "text": "Probation ends on 2025-07-01; relief will be available from the next day, "
                "2025-07-02.",
                "citation": "PC 1203.4(a)(1)",
            },
            ITEM_2A,
        ],
        "assumptions": [],
    }


def test_a_registrable_count_rules_out_automatic_relief_whatever_its_place() -> None:
    # PC 1203.425 excludes a person required to register under PC 290; PC 290(c) lists 653f(c).
    # Neither count is excluded from PC 1203.4, so the case is eligible as of right.
    data = case(count("PC", "653f(c)", "felony"), PUBLIC_INTOXICATION)
    assert decided(data) == {
        "id": "case-1",
        "outcome": "eligible",
        "remedy": "1203.4",
        "form_item": "2a",
        "eligible_on": "2023-01-16",
        "reduction_17b": False,
        "reduction_17d2": False,
        "automatic_relief_possible": False,
        "counts": [
            count_result(
                "PC", "653f(c)", "felony", "Can be dismissed under PC 1203.4, CR-180 item 2a."
            ),
            count_result(
                "PC", "647(f)", "misdemeanor", "Can be dismissed under PC 1203.4, CR-180 item 2a."
            ),
        ],
        "alternatives": [],
        "reasons": [PROBATION_ROUTE, PROBATION_ENDED, ITEM_2A],
        "assumptions": [],
    }


def test_prison_case_robbery_and_a_misdemeanor() -> None:
    # Judgment 2012-01-10 (after realignment), parole ended 2015-01-10. The misdemeanor count is
    # dismissed under PC 1203.4a as of right (People v. Ricci (2017) 18 Cal.App.5th 1021) once the
    # sentence with its parole is over (PC 3000(a)(1)); robbery only under PC 1203.41 (5c). The
    # robbery is serious and violent: no automatic felony relief (PC 1203.425); it is a felony
    # that PC 4852.01 covers, so the certificate of rehabilitation is an alternative.
    data = case(
        ROBBERY,
        PUBLIC_INTOXICATION,
        judgment_date="2012-01-10",
        sentence="state_prison",
        sentence_end_date="2015-01-10",
    )
    assert decided(data) == {
        "id": "case-1",
        "outcome": "eligible",
        "remedy": "1203.4a",
        "form_item": "3a",
        "eligible_on": "2015-01-11",
        "reduction_17b": False,
        "reduction_17d2": False,
        "automatic_relief_possible": False,
        "counts": [
            count_result(
                "PC",
                "211",
                "felony",
                "Can be dismissed under PC 1203.41 only in the court's discretion, CR-180 item 5c.",
            ),
            count_result(
                "PC", "647(f)", "misdemeanor", "Can be dismissed under PC 1203.4a, CR-180 item 3a."
            ),
        ],
        "alternatives": ["certificate_of_rehabilitation"],
        "reasons": [
            {
                "text": "A misdemeanor without probation is dismissed under PC 1203.4a.",
                "citation": "PC 1203.4a(a)",
            },
            {
                "text": "The probation or sentence in this case (with any parole or supervision) "
                "ended on 2015-01-10; relief under PC 1203.4a is available from the next day, "
                "2015-01-11.",
                "citation": "PC 1203.4a(a)",
            },
            {
                "text": "No new conviction since judgment, so dismissal is a right if you have "
                "obeyed the law since then.",
                "citation": "PC 1203.4a(a)",
            },
        ],
        "assumptions": [
            "A misdemeanor or infraction count in a case with probation, a prison term with "
            "parole (PC 3000(a)(1)) or a county jail term with mandatory supervision "
            "(PC 1170(h)(5)(B)) was not taken to be dismissable under PC 1203.4a before that was "
            "over: parole and mandatory supervision are part of the sentence, and for probation "
            "we read the statute cautiously. Staff should confirm this reading."
        ],
    }


def test_prop_47_and_prop_64_from_any_count() -> None:
    # PC 1170.18 (Prop 47) lists PC 473 forgery; HS 11361.8 (Prop 64) reaches HS 11359. Each is
    # named whatever count follows it.
    data = case(count("PC", "473", "felony"), count("HS", "11359", "felony"), PUBLIC_INTOXICATION)
    result = determine(parse_case(data), as_of=AS_OF)
    assert (result.outcome, result.form_item) == ("eligible", "2a")
    assert result.alternatives == ("prop_47", "prop_64")


def test_a_judgment_on_the_screening_day_is_decided_a_later_one_is_an_error() -> None:
    # A misdemeanor judged today, without probation: PC 1203.4a opens more than one year later.
    today = case(
        PUBLIC_INTOXICATION,
        judgment_date="2025-06-15",
        sentence="no_probation",
        sentence_end_date=...,
    )
    result = decided(today)
    assert (result["outcome"], result["remedy"], result["form_item"], result["eligible_on"]) == (
        "wait",
        "1203.4a",
        "3a",
        "2026-06-16",
    )
    with pytest.raises(CaseError) as error:
        decided(today, as_of=date(2025, 6, 14))
    assert (error.value.field, error.value.message) == (
        "judgment_date",
        "The judgment date is after the screening date.",
    )
