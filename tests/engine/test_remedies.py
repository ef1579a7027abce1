"""Each remedy's opening day, blockers and reasons (rules/remedies.py), through ``determine``.

The reasons are what the result page shows and the petition relies on, so each row pins them
whole: the exact English text (dates counted by hand) and the citation that decided it, in the
order the engine gives them (route, opening, blockers, the person's other cases, form item,
automatic relief). Boundary rows sit on the screening day itself and on the day before.
"""

from dataclasses import replace
from datetime import date
from typing import Any

from eligibility.engine import Determination, determine, determine_person, parse_case

from .scenarios import AS_OF, FELONY_SALE, MISD_THEFT, case, count, dej

D = date.fromisoformat
Reasons = list[tuple[str, str]]


def decide(data: dict[str, Any], *, unknown: tuple[str, ...] = ()) -> Determination:
    facts = parse_case(data)
    if unknown:
        facts = replace(facts, unknown=frozenset(unknown))
    return determine(facts, as_of=AS_OF)


def reasons(result: Determination) -> Reasons:
    return [(r.text, r.citation) for r in result.reasons]


def core(result: Determination) -> tuple[str, str | None, str | None, date | None]:
    return result.outcome.value, result.remedy, result.form_item, result.eligible_on


# --- Texts that recur, written out from the templates -----------------------------------------

PC_1203_4 = "PC 1203.4(a)(1)"
ROUTE_1203_4 = ("Probation was granted, so the petition is under PC 1203.4.", PC_1203_4)
ITEM_2A = (
    "The conditions of probation were fulfilled for the entire period, so dismissal is a right.",
    PC_1203_4,
)
ITEM_2B = (
    "Probation was terminated early (PC 1203.3), so dismissal is a right, even if there were "
    "violations before.",
    PC_1203_4,
)
AUTOMATIC = (
    "This conviction may already have been dismissed automatically by the Department of "
    "Justice; filing a petition can still help, for example to ask for a PC 17(b) reduction.",
    "PC 1203.425(a)(1)",
)
ROUTE_1203_4A = ("A misdemeanor without probation is dismissed under PC 1203.4a.", "PC 1203.4a(a)")
ITEM_3A = (
    "No new conviction since judgment, so dismissal is a right if you have obeyed the law since "
    "then.",
    "PC 1203.4a(a)",
)
ROUTE_JAIL = (
    "A felony county jail sentence (PC 1170(h)) is dismissed under PC 1203.41.",
    "PC 1203.41(a)",
)
ITEM_1203_41 = ("Relief under PC 1203.41 is always in the court's discretion.", "PC 1203.41(a)(1)")
ROUTE_DEJ = (
    "Deferred entry of judgment was granted under former PC 1000, so the petition is under "
    "PC 1203.43 once the charges are dismissed.",
    "PC 1203.43(b)",
)
ITEM_7 = (
    "Once the charges were dismissed after deferred entry of judgment, the court must let you "
    "withdraw the plea and dismiss the case: it is a right (CR-180 item 7).",
    "PC 1203.43(b)",
)
SUPERVISED = (
    "You are on probation, parole or supervision now; you can file once it ends, or ask the "
    "court to end probation early (PC 1203.3)."
)
OWN_SENTENCE_1203_4A = "A misdemeanor or infraction count in a case with probation"
PRISON_COMPLETION = "A state prison sentence was counted as completed on discharge from parole"
PROBATION_BARS_1203_4A = "PC 1203.4a names a sentence being served and pending charges"


def assumes(result: Determination, start: str) -> bool:
    return any(text.startswith(start) for text in result.assumptions)


# --- PC 1203.4: the day after probation ends (law/README.md, "Dates") --------------------------


def test_1203_4_probation_ending_on_the_screening_day_opens_the_next_day() -> None:
    result = decide(case(judgment_date="2023-06-15", sentence_end_date="2025-06-15"))
    assert core(result) == ("wait", "1203.4", "2a", D("2025-06-16"))
    assert reasons(result) == [
        ROUTE_1203_4,
        (
            "Probation ends on 2025-06-15; relief will be available from the next day, 2025-06-16.",
            PC_1203_4,
        ),
        ITEM_2A,
    ]
    assert result.alternatives == ("early_termination",)
    assert result.counts[0].reason == "Can be dismissed under PC 1203.4, CR-180 item 2a."
    assert not assumes(result, PRISON_COMPLETION)


def test_1203_4_probation_ended_the_day_before_opens_on_the_screening_day() -> None:
    result = decide(case(judgment_date="2023-06-15", sentence_end_date="2025-06-14"))
    assert core(result) == ("eligible", "1203.4", "2a", D("2025-06-15"))
    assert reasons(result) == [
        ROUTE_1203_4,
        (
            "Probation ended on 2025-06-14; relief is available from the next day, 2025-06-15.",
            PC_1203_4,
        ),
        ITEM_2A,
        AUTOMATIC,
    ]
    assert result.alternatives == ()


def test_1203_4_probation_without_an_end_date_is_still_running() -> None:
    result = decide(case(sentence_end_date=None))
    assert core(result) == ("blocked", "1203.4", "2a", None)
    assert reasons(result) == [
        ROUTE_1203_4,
        ("Probation in this case has not ended; relief is only available once it has.", PC_1203_4),
        ITEM_2A,
    ]
    assert result.alternatives == ("early_termination",)


def test_1203_4_unknown_end_of_probation_gives_no_date() -> None:
    result = decide(case(sentence_end_date=None), unknown=("sentence_end_date",))
    assert core(result) == ("wait", "1203.4", "2a", None)
    assert reasons(result) == [
        ROUTE_1203_4,
        (
            "We do not know when the sentence or probation ended, so we cannot say when relief "
            "opens.",
            PC_1203_4,
        ),
        ITEM_2A,
    ]


def test_1203_4_early_termination_opens_on_the_day_of_the_order() -> None:
    # PC 1203.3: the order ends probation that day; 1203.4 relief is a right (item 2b).
    result = decide(case(sentence_end_date="2024-02-01", probation_terminated_early=True))
    assert core(result) == ("eligible", "1203.4", "2b", D("2024-02-01"))
    assert reasons(result) == [
        ROUTE_1203_4,
        (
            "Probation was terminated early on 2024-02-01; relief is available from that day.",
            PC_1203_4,
        ),
        ITEM_2B,
        AUTOMATIC,
    ]


def test_1203_4_status_conditions_each_block_with_their_own_reason() -> None:
    # PC 1203.4(a)(1): not serving a sentence, not on probation, not charged "for any offense".
    data = case(serving_sentence_now=True, on_supervision_now=True, pending_charges=True)
    result = decide(data)
    assert core(result) == ("blocked", "1203.4", "2a", D("2023-01-16"))
    assert reasons(result) == [
        ROUTE_1203_4,
        (
            "Probation ended on 2023-01-15; relief is available from the next day, 2023-01-16.",
            PC_1203_4,
        ),
        ("You are serving a sentence for an offense now; you can file once it is over.", PC_1203_4),
        (SUPERVISED, PC_1203_4),
        (
            "You are charged with an offense now; you can file once the charges are resolved.",
            PC_1203_4,
        ),
        ITEM_2A,
    ]


def test_1203_49_opens_the_day_after_probation_with_its_own_citation() -> None:
    data = case(
        count("PC", "647(b)", "misdemeanor"), trafficking_victim=True, probation_violated=True
    )
    result = decide(data)
    assert core(result) == ("discretionary", "1203.49", "4", D("2023-01-16"))
    assert reasons(result) == [
        (
            "A PC 647(b) conviction that resulted from being a victim of human trafficking can be "
            "vacated under PC 1203.49 once probation is completed, in the court's discretion.",
            "PC 1203.49",
        ),
        (
            "Probation ended on 2023-01-15; relief is available from the next day, 2023-01-16.",
            "PC 1203.49",
        ),
        (
            "The court may vacate the conviction if you show by clear and convincing evidence "
            "that it resulted from being a victim of human trafficking; attach the evidence to "
            "the petition.",
            "PC 1203.49",
        ),
    ]


# --- PC 1203.4a: more than one year after judgment ---------------------------------------------


def test_1203_4a_opens_the_day_after_the_first_anniversary_of_judgment() -> None:
    result = decide(
        case(judgment_date="2024-06-14", sentence="no_probation", sentence_end_date=...)
    )
    assert core(result) == ("eligible", "1203.4a", "3a", D("2025-06-15"))
    assert reasons(result) == [
        ROUTE_1203_4A,
        (
            "Judgment was on 2024-06-14; relief is available more than one year later, from "
            "2025-06-15.",
            "PC 1203.4a(a)",
        ),
        ITEM_3A,
        AUTOMATIC,
    ]
    assert result.counts[0].reason == "Can be dismissed under PC 1203.4a, CR-180 item 3a."


def test_1203_4a_supervision_and_an_uncomplied_sentence_block() -> None:
    data = case(
        sentence="no_probation",
        sentence_end_date=...,
        on_supervision_now=True,
        sentence_complied=False,
    )
    result = decide(data)
    assert core(result) == ("blocked", "1203.4a", "3a", D("2021-01-16"))
    assert reasons(result) == [
        ROUTE_1203_4A,
        (
            "Judgment was on 2020-01-15; relief is available more than one year later, from "
            "2021-01-16.",
            "PC 1203.4a(a)",
        ),
        (SUPERVISED, "PC 1203.4a(a)"),
        (
            "The sentence has not been fully carried out (unpaid restitution does not count); you "
            "can file once it has.",
            "PC 1203.4a(a)",
        ),
        ITEM_3A,
    ]
    # Supervision is what stands in the way: early termination (PC 1203.3) is worth asking for.
    assert result.alternatives == ("early_termination",)
    assert assumes(result, PROBATION_BARS_1203_4A)


# A misdemeanor count of a county jail case (People v. Ricci (2017) 18 Cal.App.5th 1021), judged
# 2023-01-10: one year after judgment is 2024-01-11, but not before its own sentence is over.
def jail_misdemeanor(end: str | None) -> dict[str, Any]:
    return case(
        MISD_THEFT, judgment_date="2023-01-10", sentence="county_jail", sentence_end_date=end
    )


def test_1203_4a_own_sentence_still_running_blocks() -> None:
    result = decide(jail_misdemeanor(None))
    assert core(result) == ("blocked", "1203.4a", "3a", None)
    assert reasons(result) == [
        ROUTE_1203_4A,
        (
            "The probation or sentence in this case (with any parole or supervision) is not "
            "over; relief under PC 1203.4a is available only once it is.",
            "PC 1203.4a(a)",
        ),
        ITEM_3A,
    ]
    assert assumes(result, OWN_SENTENCE_1203_4A)


def test_1203_4a_own_sentence_ending_on_the_screening_day() -> None:
    result = decide(jail_misdemeanor("2025-06-15"))
    assert core(result) == ("wait", "1203.4a", "3a", D("2025-06-16"))
    assert reasons(result) == [
        ROUTE_1203_4A,
        (
            "The probation or sentence in this case (with any parole or supervision) ends on "
            "2025-06-15; relief under PC 1203.4a is available once it is over, from 2025-06-16.",
            "PC 1203.4a(a)",
        ),
        ITEM_3A,
    ]
    assert assumes(result, OWN_SENTENCE_1203_4A)


def test_1203_4a_own_sentence_ended_the_day_before() -> None:
    result = decide(jail_misdemeanor("2025-06-14"))
    assert core(result) == ("eligible", "1203.4a", "3a", D("2025-06-15"))
    assert reasons(result) == [
        ROUTE_1203_4A,
        (
            "The probation or sentence in this case (with any parole or supervision) ended on "
            "2025-06-14; relief under PC 1203.4a is available from the next day, 2025-06-15.",
            "PC 1203.4a(a)",
        ),
        ITEM_3A,
    ]


def test_1203_4a_own_sentence_over_on_the_first_anniversary_leaves_the_year_to_decide() -> None:
    # Completed 2024-01-10: the next day, 2024-01-11, is also the first day after one year.
    result = decide(jail_misdemeanor("2024-01-10"))
    assert core(result) == ("eligible", "1203.4a", "3a", D("2024-01-11"))
    assert reasons(result) == [
        ROUTE_1203_4A,
        (
            "Judgment was on 2023-01-10; relief is available more than one year later, from "
            "2024-01-11.",
            "PC 1203.4a(a)",
        ),
        ITEM_3A,
    ]
    assert not assumes(result, OWN_SENTENCE_1203_4A)


# --- PC 1203.41 and 1203.42: more than one or two years after completion -------------------------


def jail(end: str | None, **fields: Any) -> dict[str, Any]:
    return case(
        FELONY_SALE,
        judgment_date="2022-01-10",
        sentence="county_jail",
        sentence_end_date=end,
        **fields,
    )


def test_1203_41_with_supervision_opens_after_one_year() -> None:
    result = decide(jail("2024-06-14", mandatory_supervision=True))
    assert core(result) == ("discretionary", "1203.41", "5a", D("2025-06-15"))
    assert reasons(result) == [
        ROUTE_JAIL,
        (
            "The county jail sentence with mandatory supervision was completed on 2024-06-14; "
            "relief is available more than one year later, from 2025-06-15.",
            "PC 1203.41(a)(2)",
        ),
        ITEM_1203_41,
    ]
    assert result.counts[0].reason == (
        "Can be dismissed under PC 1203.41 only in the court's discretion, CR-180 item 5a."
    )
    assert not assumes(result, PRISON_COMPLETION)


def test_1203_41_without_supervision_opens_after_two_years() -> None:
    result = decide(jail("2023-06-14"))
    assert core(result) == ("discretionary", "1203.41", "5b", D("2025-06-15"))
    assert reasons(result) == [
        ROUTE_JAIL,
        (
            "The county jail sentence without mandatory supervision was completed on 2023-06-14; "
            "relief is available more than two years later, from 2025-06-15.",
            "PC 1203.41(a)(2)",
        ),
        ITEM_1203_41,
    ]


def test_1203_41_jail_not_completed_blocks() -> None:
    result = decide(jail(None))
    assert core(result) == ("blocked", "1203.41", "5b", None)
    assert reasons(result) == [
        ROUTE_JAIL,
        (
            "The county jail sentence or mandatory supervision in this case has not been "
            "completed.",
            "PC 1203.41(a)(2)",
        ),
        ITEM_1203_41,
    ]


ROUTE_PRISON = ("A felony state prison sentence is dismissed under PC 1203.41.", "PC 1203.41(a)")


def prison(end: str | None, **fields: Any) -> dict[str, Any]:
    data = {"judgment_date": "2015-03-01", "sentence": "state_prison", "sentence_end_date": end}
    return case(FELONY_SALE, **(data | fields))


def test_1203_41_after_prison_opens_no_earlier_than_sb_731() -> None:
    # Completed 2021-03-10: more than two years is 2023-03-11, before SB 731 took effect.
    result = decide(prison("2021-03-10"))
    assert core(result) == ("discretionary", "1203.41", "5c", D("2023-07-01"))
    assert reasons(result) == [
        ROUTE_PRISON,
        (
            "The state prison sentence, including parole or post-release supervision, was "
            "completed on 2021-03-10; relief is available more than two years later, from "
            "2023-03-11.",
            "PC 1203.41(a)(2)",
        ),
        (
            "This relief did not exist before 2023-07-01, so it is available from that day at "
            "the earliest.",
            "PC 1203.41 (SB 731, Stats. 2022)",
        ),
        ITEM_1203_41,
        AUTOMATIC,  # four years after completion, since 2025-03-10 (PC 1203.425)
    ]
    assert assumes(result, PRISON_COMPLETION)


def test_1203_41_after_prison_opening_on_the_day_sb_731_began_needs_no_note() -> None:
    # Completed 2021-06-30: more than two years is 2023-07-01, SB 731's first day itself.
    result = decide(prison("2021-06-30"))
    assert core(result) == ("discretionary", "1203.41", "5c", D("2023-07-01"))
    assert reasons(result) == [
        ROUTE_PRISON,
        (
            "The state prison sentence, including parole or post-release supervision, was "
            "completed on 2021-06-30; relief is available more than two years later, from "
            "2023-07-01.",
            "PC 1203.41(a)(2)",
        ),
        ITEM_1203_41,
    ]


def test_1203_41_prison_not_completed_blocks() -> None:
    result = decide(prison(None))
    assert core(result) == ("blocked", "1203.41", "5c", None)
    assert reasons(result) == [
        ROUTE_PRISON,
        (
            "The state prison sentence, parole or post-release supervision in this case has not "
            "been completed.",
            "PC 1203.41(a)(2)",
        ),
        ITEM_1203_41,
    ]


def test_1203_42_opens_no_earlier_than_ab_1115() -> None:
    # Judged before realignment (1 October 2011); completed 2014-06-30: more than two years is
    # 2016-07-01, before PC 1203.42 took effect on 2018-01-01.
    data = prison("2014-06-30", judgment_date="2010-05-01", pre_realignment_1170h_eligible=True)
    result = decide(data)
    assert core(result) == ("discretionary", "1203.42", "6", D("2018-01-01"))
    assert reasons(result) == [
        (
            "A state prison sentence from before 1 October 2011, for an offense that would now "
            "be a county jail felony, is dismissed under PC 1203.42.",
            "PC 1203.42(a)",
        ),
        (
            "The state prison sentence, including parole or post-release supervision, was "
            "completed on 2014-06-30; relief is available more than two years later, from "
            "2016-07-01.",
            "PC 1203.42(a)",
        ),
        (
            "This relief did not exist before 2018-01-01, so it is available from that day at "
            "the earliest.",
            "PC 1203.42 (AB 1115, Stats. 2017)",
        ),
        ("Relief under PC 1203.42 is always in the court's discretion.", "PC 1203.42(a)"),
        AUTOMATIC,
    ]
    assert assumes(result, PRISON_COMPLETION)


# --- PC 1203.43: from the day the charges were dismissed, and from 1 January 2016 --------------


def test_1203_43_dismissed_on_the_screening_day_is_available_that_day() -> None:
    result = decide(dej(sentence_end_date="2025-06-15"))
    assert core(result) == ("eligible", "1203.43", "7", D("2025-06-15"))
    assert reasons(result) == [
        ROUTE_DEJ,
        (
            "The charges were dismissed on 2025-06-15 after deferred entry of judgment; relief "
            "under PC 1203.43 is available from that day, with no waiting period.",
            "PC 1203.43(b)",
        ),
        ITEM_7,
    ]


def test_1203_43_dismissal_due_the_next_day_waits_for_it() -> None:
    result = decide(dej(sentence_end_date="2025-06-16"))
    assert core(result) == ("wait", "1203.43", "7", D("2025-06-16"))
    assert reasons(result) == [
        ROUTE_DEJ,
        (
            "The charges are due to be dismissed on 2025-06-16, once deferred entry of judgment "
            "is completed; relief under PC 1203.43 is available from that day.",
            "PC 1203.43(b)",
        ),
        ITEM_7,
    ]


def test_1203_43_charges_not_dismissed_yet_block() -> None:
    result = decide(dej(sentence_end_date=None))
    assert core(result) == ("blocked", "1203.43", "7", None)
    assert reasons(result) == [
        ROUTE_DEJ,
        (
            "The charges have not been dismissed yet: relief under PC 1203.43 is available once "
            "the court dismisses them after you complete deferred entry of judgment.",
            "PC 1203.43(b)",
        ),
        ITEM_7,
    ]


def test_1203_43_unknown_dismissal_gives_no_date() -> None:
    result = decide(dej(sentence_end_date=None), unknown=("sentence_end_date",))
    assert core(result) == ("wait", "1203.43", "7", None)
    assert reasons(result) == [
        ROUTE_DEJ,
        (
            "We do not know whether or when the charges were dismissed, so we cannot say when "
            "relief under PC 1203.43 opens. The court's docket shows the dismissal and its date.",
            "PC 1203.43(b)",
        ),
        ITEM_7,
    ]


def test_1203_43_dismissed_before_the_section_began_opens_on_1_january_2016() -> None:
    result = decide(dej(judgment_date="2014-03-01", sentence_end_date="2015-12-31"))
    assert core(result) == ("eligible", "1203.43", "7", D("2016-01-01"))
    assert reasons(result) == [
        ROUTE_DEJ,
        (
            "The charges were dismissed on 2015-12-31 after deferred entry of judgment; relief "
            "under PC 1203.43 is available from that day, with no waiting period.",
            "PC 1203.43(b)",
        ),
        (
            "This relief did not exist before 2016-01-01, so it is available from that day at "
            "the earliest.",
            "PC 1203.43 (AB 1352, Stats. 2015)",
        ),
        ITEM_7,
    ]


def test_1203_43_dismissed_on_the_day_the_section_began_needs_no_note() -> None:
    result = decide(dej(judgment_date="2014-03-01", sentence_end_date="2016-01-01"))
    assert core(result) == ("eligible", "1203.43", "7", D("2016-01-01"))
    assert reasons(result) == [
        ROUTE_DEJ,
        (
            "The charges were dismissed on 2016-01-01 after deferred entry of judgment; relief "
            "under PC 1203.43 is available from that day, with no waiting period.",
            "PC 1203.43(b)",
        ),
        ITEM_7,
    ]


# --- The person's other cases: each remedy's own "any offense" clause -------------------------


THEFT = case(id="theft", judgment_date="2016-03-01", sentence_end_date="2018-03-01")
THEFT_4A = case(
    id="theft", judgment_date="2016-03-01", sentence="no_probation", sentence_end_date=...
)


def dui(end: str | None) -> dict[str, Any]:
    return case(
        count("VC", "23152(a)", "misdemeanor"),
        id="dui",
        judgment_date="2024-02-10",
        sentence_end_date=end,
    )


def other_jail(end: str | None) -> dict[str, Any]:
    return case(
        FELONY_SALE,
        id="jail",
        judgment_date="2024-01-10",
        sentence="county_jail",
        sentence_end_date=end,
    )


def first_of(*cases: dict[str, Any], unknown: tuple[str, ...] = ()) -> Determination:
    facts = [parse_case(c) for c in cases]
    if unknown:
        facts[0] = replace(facts[0], unknown=frozenset(unknown))
    return determine_person(facts, as_of=AS_OF)[0]


def test_1203_43_states_no_status_conditions_so_other_cases_do_not_block() -> None:
    result = first_of(dej(id="dej"), dui(None))
    assert core(result) == ("eligible", "1203.43", "7", D("2021-03-01"))
    assert result.blocked_by == ()


def test_other_cases_running_without_an_end_each_give_their_reason() -> None:
    result = first_of(THEFT, dui(None), other_jail(None))
    assert core(result) == ("blocked", "1203.4", "2a", None)
    assert result.blocked_by == ("dui", "jail")
    assert reasons(result)[2:4] == [
        (
            "Probation in case dui has not ended, and you cannot file while on probation for any "
            "offense: you can file once it has ended.",
            PC_1203_4,
        ),
        (
            "The sentence in case jail (with any parole or supervision) has not been completed, "
            "and you cannot file while serving a sentence for any offense: you can file once it "
            "is completed.",
            PC_1203_4,
        ),
    ]


def test_other_cases_with_known_ends_give_the_day_after_the_last() -> None:
    result = first_of(THEFT, dui("2027-02-10"), other_jail("2026-03-01"))
    assert core(result) == ("blocked", "1203.4", "2a", D("2027-02-11"))
    assert reasons(result)[2:4] == [
        (
            "Probation in case dui ends on 2027-02-10, and you cannot file while on probation for "
            "any offense: you can file from 2027-02-11.",
            PC_1203_4,
        ),
        (
            "The sentence in case jail (with any parole or supervision) ends on 2026-03-01, and "
            "you cannot file while serving a sentence for any offense: you can file from "
            "2026-03-02.",
            PC_1203_4,
        ),
    ]
    # PC 1203.4(a)(1) names probation itself: no cautious reading to state.
    assert not assumes(result, PROBATION_BARS_1203_4A)


def test_a_sentence_elsewhere_states_no_probation_reading() -> None:
    result = first_of(THEFT, other_jail("2026-03-01"))
    assert core(result) == ("blocked", "1203.4", "2a", D("2026-03-02"))
    assert not assumes(result, PROBATION_BARS_1203_4A)
    assert result.alternatives == ()


def test_unknown_own_end_stays_unknown_beside_a_known_end_elsewhere() -> None:
    result = first_of(
        case(id="theft", sentence_end_date=None),
        other_jail("2026-03-01"),
        unknown=("sentence_end_date",),
    )
    assert core(result) == ("blocked", "1203.4", "2a", None)
    assert result.blocked_by == ("jail",)


def test_1203_4a_blocked_by_probation_elsewhere_states_the_cautious_reading() -> None:
    result = first_of(THEFT_4A, dui("2027-02-10"))
    assert result.outcome == "blocked"
    assert result.remedy == "1203.4a"
    assert assumes(result, PROBATION_BARS_1203_4A)


def test_1203_4a_blocked_by_a_sentence_elsewhere_needs_no_cautious_reading() -> None:
    # 1203.4a(a) names "serving a sentence for any offense" itself.
    result = first_of(THEFT_4A, other_jail("2026-03-01"))
    assert result.outcome == "blocked"
    assert result.remedy == "1203.4a"
    assert not assumes(result, PROBATION_BARS_1203_4A)
