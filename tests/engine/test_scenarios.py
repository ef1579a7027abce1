"""The scenario table: one case per row, named for the rule it proves (law/README.md)."""

from datetime import date
from typing import Any

import pytest

from eligibility.engine import Determination, determine, parse_case

from .scenarios import AS_OF, FELONY_GRAND_THEFT, FELONY_SALE, MISD_THEFT, case, count, dej

D = date.fromisoformat


class Expect:
    """The expected result: outcome, remedy, form item and opening date always; more if given."""

    def __init__(
        self,
        outcome: str,
        remedy: str | None,
        form_item: str | None,
        eligible_on: str | None,
        **more: Any,
    ) -> None:
        self.core = {
            "outcome": outcome,
            "remedy": remedy,
            "form_item": form_item,
            "eligible_on": eligible_on,
        }
        self.more = more


def row(name: str, data: dict[str, Any], expect: Expect, as_of: date = AS_OF) -> Any:
    return pytest.param(data, as_of, expect, id=name)


NOT_CASE = Expect("not_eligible", None, None, None)

SCENARIOS = [
    # --- The five examples of contracts/screening.md ---
    row(
        "contract-1-misdemeanor-probation-completed-is-2a",
        case(MISD_THEFT, judgment_date="2022-03-01", sentence_end_date="2024-03-01"),
        Expect("eligible", "1203.4", "2a", "2024-03-02", reduction_17b=False),
    ),
    row(
        "contract-2-wobbler-felony-violated-is-2c-with-17b",
        case(
            FELONY_GRAND_THEFT,
            judgment_date="2020-05-10",
            sentence_end_date="2023-05-10",
            probation_violated=True,
        ),
        Expect("discretionary", "1203.4", "2c", "2023-05-11", reduction_17b=True),
    ),
    row(
        "contract-3-misdemeanor-no-probation-waits-past-one-year",
        case(
            count("PC", "647(f)", "misdemeanor"),
            judgment_date="2024-06-15",
            sentence="no_probation",
            sentence_end_date=...,
        ),
        Expect("wait", "1203.4a", "3a", "2025-06-16"),
    ),
    row(
        "contract-4-county-jail-without-supervision-waits-two-years",
        case(
            FELONY_SALE,
            judgment_date="2021-07-01",
            sentence="county_jail",
            sentence_end_date="2023-07-01",
        ),
        Expect("wait", "1203.41", "5b", "2025-07-02"),
    ),
    row(
        "contract-5-pc-288a-is-excluded-by-1203-4b",
        case(count("PC", "288(a)", "felony")),
        Expect("not_eligible", None, None, None, citations=["PC 1203.4(b)"], alternatives=()),
    ),
    # --- PC 1203.4: when it opens ---
    row(
        "1203-4-opens-day-after-probation-ended",
        case(sentence_end_date="2025-06-14"),
        Expect("eligible", "1203.4", "2a", "2025-06-15"),
    ),
    row(
        "1203-4-probation-ending-today-waits-until-tomorrow",
        case(sentence_end_date="2025-06-15"),
        Expect("wait", "1203.4", "2a", "2025-06-16", alternatives=("early_termination",)),
    ),
    row(
        "1203-4-probation-ending-next-month-waits",
        case(sentence_end_date="2025-07-01"),
        Expect("wait", "1203.4", "2a", "2025-07-02"),
    ),
    row(
        "1203-4-early-termination-opens-on-the-order-day-2b",
        case(sentence_end_date="2025-06-15", probation_terminated_early=True),
        Expect("eligible", "1203.4", "2b", "2025-06-15"),
    ),
    row(
        "1203-4-early-termination-is-a-right-despite-violation-hawley",
        case(probation_terminated_early=True, probation_violated=True),
        Expect("eligible", "1203.4", "2b", "2023-01-15"),
    ),
    row(
        "1203-4-early-termination-order-tomorrow-waits",
        case(sentence_end_date="2025-06-16", probation_terminated_early=True),
        Expect("wait", "1203.4", "2b", "2025-06-16"),
    ),
    row(
        "1203-4-probation-not-ended-is-blocked-suggests-early-termination",
        case(sentence_end_date=None),
        Expect("blocked", "1203.4", "2a", None, alternatives=("early_termination",)),
    ),
    row(
        "1203-4-probation-end-leap-day-opens-march-1",
        case(sentence_end_date="2024-02-28"),
        Expect("eligible", "1203.4", "2a", "2024-02-29"),
    ),
    # --- PC 1203.4: items ---
    row(
        "1203-4-uncomplied-conditions-is-2c",
        case(sentence_complied=False),
        Expect("discretionary", "1203.4", "2c", "2023-01-16"),
    ),
    row(
        "1203-4-violation-is-2c-chandler",
        case(probation_violated=True),
        Expect("discretionary", "1203.4", "2c", "2023-01-16", citations=["PC 1203.4(a)(1)"]),
    ),
    # --- PC 1203.4: blockers ---
    row(
        "1203-4-serving-a-sentence-blocks-remedy-kept",
        case(serving_sentence_now=True),
        Expect("blocked", "1203.4", "2a", "2023-01-16", citations=["PC 1203.4(a)(1)"]),
    ),
    row(
        "1203-4-probation-elsewhere-blocks-suggests-early-termination",
        case(on_supervision_now=True),
        Expect("blocked", "1203.4", "2a", "2023-01-16", alternatives=("early_termination",)),
    ),
    row(
        "1203-4-pending-charges-block",
        case(pending_charges=True),
        Expect("blocked", "1203.4", "2a", "2023-01-16", alternatives=()),
    ),
    row(
        "1203-4-blocked-beats-wait-and-keeps-the-date",
        case(pending_charges=True, sentence_end_date="2025-09-30"),
        Expect("blocked", "1203.4", "2a", "2025-10-01"),
    ),
    # --- PC 17(b) ---
    row(
        "17b-not-after-prison-term-imposed-and-suspended-wood",
        case(FELONY_GRAND_THEFT, prison_term_suspended=True),
        Expect(
            "eligible", "1203.4", "2a", "2023-01-16", reduction_17b=False, citations=["PC 17(b)(3)"]
        ),
    ),
    row(
        "17b-wobbler-override-on-offense-not-in-catalog",
        case(count("PC", "99999", "felony", wobbler=True)),
        Expect(
            "eligible", "1203.4", "2a", "2023-01-16", reduction_17b=True, assumes="offense catalog"
        ),
    ),
    row(
        "17b-override-false-beats-catalog-wobbler",
        case(count("PC", "487(a)", "felony", wobbler=False)),
        Expect("eligible", "1203.4", "2a", "2023-01-16", reduction_17b=False),
    ),
    row(
        "17b-not-for-straight-felony",
        case(FELONY_SALE),
        Expect("eligible", "1203.4", "2a", "2023-01-16", reduction_17b=False),
    ),
    row(
        "17b-not-for-a-misdemeanor-wobbler",
        case(count("PC", "459", "misdemeanor")),
        Expect("eligible", "1203.4", "2a", "2023-01-16", reduction_17b=False),
    ),
    row(
        "17b-not-after-county-jail",
        case(
            count("PC", "459", "felony"),
            sentence="county_jail",
            sentence_end_date="2022-01-01",
        ),
        Expect("discretionary", "1203.41", "5b", "2024-01-02", reduction_17b=False),
    ),
    row(
        "17b-available-even-when-dismissal-is-excluded",
        case(count("PC", "311.11", "felony")),
        Expect("not_eligible", None, None, None, reduction_17b=True, dismissable=[False]),
    ),
    # --- PC 1203.4(b) exclusions ---
    row("1203-4b-excludes-286c", case(count("PC", "286(c)", "felony")), NOT_CASE),
    row("1203-4b-excludes-287c", case(count("PC", "287(c)", "felony")), NOT_CASE),
    row("1203-4b-excludes-former-288a-c", case(count("PC", "288a(c)", "felony")), NOT_CASE),
    row("1203-4b-excludes-288-5", case(count("PC", "288.5", "felony")), NOT_CASE),
    row("1203-4b-excludes-289j", case(count("PC", "289(j)", "felony")), NOT_CASE),
    row("1203-4b-excludes-311-1", case(count("PC", "311.1", "misdemeanor")), NOT_CASE),
    row("1203-4b-excludes-311-2", case(count("PC", "311.2", "misdemeanor")), NOT_CASE),
    row("1203-4b-excludes-311-3", case(count("PC", "311.3", "felony")), NOT_CASE),
    row(
        "1203-4b-subsection-288c1-is-within-288",
        case(count("PC", "288(c)(1)", "felony")),
        Expect("not_eligible", None, None, None, citations=["PC 1203.4(b)"]),
    ),
    row(
        "1203-4b-excludes-felony-261-5d",
        case(count("PC", "261.5(d)", "felony")),
        Expect("not_eligible", None, None, None, citations=["PC 1203.4(b)"]),
    ),
    row(
        "1203-4b-misdemeanor-261-5d-is-not-excluded",
        case(count("PC", "261.5(d)", "misdemeanor")),
        Expect("eligible", "1203.4", "2a", "2023-01-16"),
    ),
    row(
        # VC 42002.1: "a misdemeanor violation of Section 2800, 2801, or 2803, insofar as it affects
        # a failure to stop and submit to inspection of equipment or for an unsafe condition".
        "1203-4b-excludes-vc-42002-1-misdemeanor",
        case(count("VC", "42002.1", "misdemeanor")),
        Expect("not_eligible", None, None, None, citations=["PC 1203.4(b); VC 42002.1"]),
    ),
    row(
        "vc-42002-1-plain-vc-2800-stays-dismissable-with-assumption",
        case(count("VC", "2800", "misdemeanor")),
        Expect("eligible", "1203.4", "2a", "2023-01-16", assumes="plain VC 2800 violation"),
    ),
    row(
        "1203-4b-attempt-of-listed-offense-not-excluded-verify-marinelli",
        case(count("PC", "664/288(a)", "felony")),
        Expect("eligible", "1203.4", "2a", "2023-01-16", assumes="Marinelli"),
    ),
    row(
        "1203-4b-infraction-in-probation-case-goes-to-1203-4a",
        case(
            count("PC", "415", "infraction"),
            judgment_date="2024-01-01",
            sentence_end_date="2024-12-01",
        ),
        Expect(
            "eligible", "1203.4a", "3a", "2025-01-02", citations=["PC 1203.4(b); PC 1203.4a(a)"]
        ),
    ),
    # --- PC 1203.4(c): VC 12810 offenses only in the interests of justice ---
    row(
        "1203-4c-dui-misdemeanor-is-discretionary-2c",
        case(count("VC", "23152(b)", "misdemeanor")),
        Expect("discretionary", "1203.4", "2c", "2023-01-16", citations=["PC 1203.4(c)(2)"]),
    ),
    row(
        "1203-4c-hit-and-run-20001-is-discretionary",
        case(count("VC", "20001", "felony")),
        Expect("discretionary", "1203.4", "2c", "2023-01-16", reduction_17b=True),
    ),
    row(
        "1203-4c-reckless-driving-23103-is-discretionary",
        case(count("VC", "23103", "misdemeanor")),
        Expect("discretionary", "1203.4", "2c", "2023-01-16"),
    ),
    row(
        "1203-4c-suspended-licence-14601-is-discretionary",
        case(count("VC", "14601", "misdemeanor")),
        Expect("discretionary", "1203.4", "2c", "2023-01-16"),
    ),
    row(
        "1203-4c-vehicular-manslaughter-191-5b-is-discretionary",
        case(count("PC", "191.5(b)", "felony")),
        Expect("discretionary", "1203.4", "2c", "2023-01-16", reduction_17b=True),
    ),
    row(
        "1203-4c-dui-beside-a-2a-count-case-is-eligible",
        case(count("VC", "23152(a)", "misdemeanor"), MISD_THEFT),
        Expect("eligible", "1203.4", "2a", "2023-01-16", dismissable=[True, True]),
    ),
    row(
        "1203-4c-dui-still-blocked-by-pending-charges",
        case(count("VC", "23152(a)", "misdemeanor"), pending_charges=True),
        Expect("blocked", "1203.4", "2c", "2023-01-16"),
    ),
    # --- PC 1203.4a ---
    row(
        "1203-4a-day-after-first-anniversary-is-eligible-3a",
        case(judgment_date="2024-06-14", sentence="no_probation", sentence_end_date=...),
        Expect("eligible", "1203.4a", "3a", "2025-06-15"),
    ),
    row(
        "1203-4a-leap-day-judgment-opens-march-1",
        case(judgment_date="2024-02-29", sentence="no_probation", sentence_end_date=...),
        Expect("eligible", "1203.4a", "3a", "2025-03-01"),
    ),
    row(
        "1203-4a-leap-day-judgment-feb-28-is-still-waiting",
        case(judgment_date="2024-02-29", sentence="no_probation", sentence_end_date=...),
        Expect("wait", "1203.4a", "3a", "2025-03-01"),
        as_of=D("2025-02-28"),
    ),
    row(
        "1203-4a-feb-28-judgment-opens-on-leap-day",
        case(judgment_date="2023-02-28", sentence="no_probation", sentence_end_date=...),
        Expect("wait", "1203.4a", "3a", "2024-02-29"),
        as_of=D("2024-02-28"),
    ),
    row(
        "1203-4a-new-conviction-is-3b",
        case(sentence="no_probation", sentence_end_date=..., new_conviction_since_judgment=True),
        Expect("discretionary", "1203.4a", "3b", "2021-01-16", citations=["PC 1203.4a(b)"]),
    ),
    row(
        "1203-4a-uncomplied-sentence-blocks",
        case(sentence="no_probation", sentence_end_date=..., sentence_complied=False),
        Expect("blocked", "1203.4a", "3a", "2021-01-16", citations=["PC 1203.4a(a)"]),
    ),
    row(
        "1203-4a-serving-a-sentence-blocks",
        case(sentence="no_probation", sentence_end_date=..., serving_sentence_now=True),
        Expect("blocked", "1203.4a", "3a", "2021-01-16"),
    ),
    row(
        "1203-4a-pending-charges-block",
        case(sentence="no_probation", sentence_end_date=..., pending_charges=True),
        Expect("blocked", "1203.4a", "3a", "2021-01-16"),
    ),
    row(
        # Unsettled: 1203.4a(a) names a sentence being served and charges, not probation. The
        # cautious reading blocks, and says so.
        "1203-4a-supervision-elsewhere-blocks-cautiously",
        case(sentence="no_probation", sentence_end_date=..., on_supervision_now=True),
        Expect(
            "blocked",
            "1203.4a",
            "3a",
            "2021-01-16",
            citations=["PC 1203.4a(a)"],
            assumes="whether probation or supervision for another offense bars it is unsettled",
        ),
    ),
    row(
        "1203-4a-infraction-without-probation-3a",
        case(count("PC", "484(a)", "infraction"), sentence="no_probation", sentence_end_date=...),
        Expect("eligible", "1203.4a", "3a", "2021-01-16"),
    ),
    row(
        "1203-4a-excludes-vc-42001-infraction-speeding-verify",
        case(count("VC", "22350", "infraction"), sentence="no_probation", sentence_end_date=...),
        Expect(
            "not_eligible",
            None,
            None,
            None,
            citations=["PC 1203.4a(d)(3); VC 42001"],
            assumes="VC 42001 infractions",
        ),
    ),
    row(
        "1203-4a-excludes-vc-42002-1-misdemeanor-verify",
        case(count("VC", "42002.1", "misdemeanor"), sentence="no_probation", sentence_end_date=...),
        Expect("not_eligible", None, None, None, citations=["PC 1203.4a(d)(2); VC 42002.1"]),
    ),
    row(
        "1203-4a-felony-without-probation-has-no-route",
        case(FELONY_SALE, sentence="no_probation", sentence_end_date=...),
        Expect("not_eligible", None, None, None, citations=["PC 1203.4a(a)"]),
    ),
    row(
        "1203-4a-misdemeanor-in-felony-jail-case-ricci",
        case(
            FELONY_SALE,
            MISD_THEFT,
            judgment_date="2024-01-10",
            sentence="county_jail",
            sentence_end_date="2024-06-01",
        ),
        Expect("eligible", "1203.4a", "3a", "2025-01-11", dismissable=[True, True]),
    ),
    # --- PC 1203.41 ---
    row(
        "1203-41-jail-with-supervision-one-year-5a",
        case(
            FELONY_SALE,
            sentence="county_jail",
            mandatory_supervision=True,
            sentence_end_date="2024-06-14",
        ),
        Expect("discretionary", "1203.41", "5a", "2025-06-15", citations=["PC 1203.41(a)(1)"]),
    ),
    row(
        "1203-41-jail-with-supervision-anniversary-waits",
        case(
            FELONY_SALE,
            sentence="county_jail",
            mandatory_supervision=True,
            sentence_end_date="2024-06-15",
        ),
        Expect("wait", "1203.41", "5a", "2025-06-16"),
    ),
    row(
        "1203-41-jail-without-supervision-two-years-5b",
        case(FELONY_SALE, sentence="county_jail", sentence_end_date="2023-06-14"),
        Expect("discretionary", "1203.41", "5b", "2025-06-15", automatic_relief_possible=False),
    ),
    row(
        "1203-41-jail-completed-on-leap-day-opens-march-1",
        case(FELONY_SALE, sentence="county_jail", sentence_end_date="2024-02-29"),
        Expect("wait", "1203.41", "5b", "2026-03-01"),
    ),
    row(
        "1203-41-jail-not-completed-is-blocked",
        case(FELONY_SALE, sentence="county_jail", sentence_end_date=None),
        Expect("blocked", "1203.41", "5b", None, alternatives=()),
    ),
    row(
        "1203-41-supervision-not-completed-suggests-early-termination",
        case(
            FELONY_SALE, sentence="county_jail", mandatory_supervision=True, sentence_end_date=None
        ),
        Expect("blocked", "1203.41", "5a", None, alternatives=("early_termination",)),
    ),
    row(
        "1203-41-supervised-in-another-case-blocks",
        case(
            FELONY_SALE,
            sentence="county_jail",
            judgment_date="2018-01-01",
            sentence_end_date="2020-01-01",
            on_supervision_now=True,
        ),
        Expect("blocked", "1203.41", "5b", "2022-01-02", citations=["PC 1203.41(a)"]),
    ),
    row(
        "1203-41-prison-two-years-5c-with-certificate",
        case(FELONY_SALE, sentence="state_prison", sentence_end_date="2022-01-01"),
        Expect(
            "discretionary",
            "1203.41",
            "5c",
            "2024-01-02",
            alternatives=("certificate_of_rehabilitation",),
            assumes="parole",
        ),
    ),
    row(
        "1203-41-prison-completed-recently-waits",
        case(FELONY_SALE, sentence="state_prison", sentence_end_date="2024-03-01"),
        Expect("wait", "1203.41", "5c", "2026-03-02"),
    ),
    row(
        "1203-41-prison-registrant-is-not-eligible",
        case(
            FELONY_SALE,
            judgment_date="2010-01-01",
            sentence="state_prison",
            sentence_end_date="2015-01-01",
            registrant=True,
        ),
        Expect(
            "not_eligible",
            None,
            None,
            None,
            citations=["PC 1203.41(a)(1)"],
            alternatives=("certificate_of_rehabilitation",),
        ),
    ),
    row(
        "1203-41-prison-for-registrable-offense-is-not-eligible",
        case(
            count("PC", "261", "felony"),
            judgment_date="2010-01-01",
            sentence="state_prison",
            sentence_end_date="2015-01-01",
        ),
        NOT_CASE,
    ),
    row(
        "1203-41-prison-parole-not-completed-is-blocked",
        case(FELONY_SALE, sentence="state_prison", sentence_end_date=None),
        Expect("blocked", "1203.41", "5c", None, alternatives=("certificate_of_rehabilitation",)),
    ),
    # --- PC 1203.42 ---
    row(
        "1203-42-pre-realignment-prison-is-item-6",
        case(
            FELONY_SALE,
            judgment_date="2010-05-01",
            sentence="state_prison",
            sentence_end_date="2013-01-01",
            pre_realignment_1170h_eligible=True,
        ),
        # Two years after 2013-01-01 would be 2015-01-02, but 1203.42 began on 2018-01-01.
        Expect(
            "discretionary",
            "1203.42",
            "6",
            "2018-01-01",
            citations=["PC 1203.42(a)", "PC 1203.42 (AB 1115, Stats. 2017)"],
        ),
    ),
    row(
        "1203-42-sentence-on-realignment-day-is-not-pre-realignment",
        case(
            FELONY_SALE,
            judgment_date="2011-10-01",
            sentence="state_prison",
            sentence_end_date="2013-01-01",
            pre_realignment_1170h_eligible=True,
        ),
        # Two years after 2013-01-01, but the state prison route began on 2023-07-01 (SB 731).
        Expect("discretionary", "1203.41", "5c", "2023-07-01"),
    ),
    row(
        "1203-42-waits-two-years-after-completion",
        case(
            FELONY_SALE,
            judgment_date="2011-09-30",
            sentence="state_prison",
            sentence_end_date="2024-01-01",
            pre_realignment_1170h_eligible=True,
        ),
        Expect("wait", "1203.42", "6", "2026-01-02"),
    ),
    row(
        "1203-42-blocked-by-pending-charges",
        case(
            FELONY_SALE,
            judgment_date="2009-01-01",
            sentence="state_prison",
            sentence_end_date="2012-01-01",
            pre_realignment_1170h_eligible=True,
            pending_charges=True,
        ),
        Expect("blocked", "1203.42", "6", "2018-01-01"),
    ),
    # --- PC 1203.49 ---
    row(
        # 1203.49: "the court may issue an order": discretion. Probation completed cleanly makes
        # 1203.4 a right (2a), the better route.
        "1203-49-clean-probation-is-still-1203-4-2a-as-of-right",
        case(count("PC", "647(b)", "misdemeanor"), trafficking_victim=True),
        Expect("eligible", "1203.4", "2a", "2023-01-16", citations=["PC 1203.4(a)(1)"]),
    ),
    row(
        "1203-49-is-discretionary-item-4-when-probation-was-violated",
        case(
            count("PC", "647(b)", "misdemeanor"), trafficking_victim=True, probation_violated=True
        ),
        Expect("discretionary", "1203.49", "4", "2023-01-16", citations=["PC 1203.49"]),
    ),
    row(
        "1203-49-647b-without-trafficking-is-1203-4",
        case(count("PC", "647(b)", "misdemeanor")),
        Expect("eligible", "1203.4", "2a", "2023-01-16"),
    ),
    row(
        "1203-49-needs-probation-completed",
        case(
            count("PC", "647(b)", "misdemeanor"),
            trafficking_victim=True,
            probation_violated=True,
            sentence_end_date=None,
        ),
        Expect("blocked", "1203.49", "4", None),
    ),
    row(
        "1203-49-not-without-probation",
        case(
            count("PC", "647(b)", "misdemeanor"),
            trafficking_victim=True,
            sentence="no_probation",
            sentence_end_date=...,
        ),
        Expect("eligible", "1203.4a", "3a", "2021-01-16"),
    ),
    # --- PC 1203.425 automatic relief ---
    row(
        "1203-425-probation-completed-without-violation",
        case(),
        Expect(
            "eligible",
            "1203.4",
            "2a",
            "2023-01-16",
            automatic_relief_possible=True,
            citations=["PC 1203.425(a)(1)"],
        ),
    ),
    row(
        "1203-425-not-after-violation",
        case(probation_violated=True),
        Expect("discretionary", "1203.4", "2c", "2023-01-16", automatic_relief_possible=False),
    ),
    row(
        "1203-425-misdemeanor-without-probation-after-a-year",
        case(sentence="no_probation", sentence_end_date=...),
        Expect("eligible", "1203.4a", "3a", "2021-01-16", automatic_relief_possible=True),
    ),
    row(
        "1203-425-felony-jail-four-years-after-completion",
        case(
            FELONY_SALE,
            judgment_date="2018-01-01",
            sentence="county_jail",
            sentence_end_date="2020-01-01",
        ),
        Expect(
            "discretionary",
            "1203.41",
            "5b",
            "2022-01-02",
            automatic_relief_possible=True,
            assumes="since 1 January 2005",
        ),
    ),
    row(
        "1203-425-felony-not-for-serious-or-violent",
        case(
            count("PC", "211", "felony"),
            judgment_date="2010-01-01",
            sentence="state_prison",
            sentence_end_date="2015-01-01",
        ),
        Expect("discretionary", "1203.41", "5c", "2023-07-01", automatic_relief_possible=False),
    ),
    row(
        "1203-425-felony-not-before-four-years",
        case(FELONY_SALE, sentence="county_jail", sentence_end_date="2022-01-01"),
        Expect("discretionary", "1203.41", "5b", "2024-01-02", automatic_relief_possible=False),
    ),
    row(
        "1203-425-not-with-pending-charges",
        case(pending_charges=True),
        Expect("blocked", "1203.4", "2a", "2023-01-16", automatic_relief_possible=False),
    ),
    row(
        "1203-425-not-for-a-registrant",
        case(registrant=True),
        Expect("eligible", "1203.4", "2a", "2023-01-16", automatic_relief_possible=False),
    ),
    # --- Alternatives ---
    row(
        "alternative-prop-47-for-felony-drug-possession",
        case(count("HS", "11350", "felony")),
        Expect("eligible", "1203.4", "2a", "2023-01-16", alternatives=("prop_47",)),
    ),
    row(
        "alternative-prop-64-for-cannabis",
        case(count("HS", "11359", "felony")),
        Expect("eligible", "1203.4", "2a", "2023-01-16", alternatives=("prop_64",)),
    ),
    row(
        "alternative-no-certificate-for-misdemeanor-only-exclusion",
        case(count("VC", "42002.1", "misdemeanor")),
        Expect("not_eligible", None, None, None, alternatives=()),
    ),
    row(
        "alternative-certificate-when-felony-has-no-dismissal",
        case(FELONY_SALE, sentence="no_probation", sentence_end_date=...),
        Expect("not_eligible", None, None, None, alternatives=("certificate_of_rehabilitation",)),
    ),
    # --- Several counts ---
    row(
        "multi-excluded-count-does-not-sink-the-other-mgebrov",
        case(count("PC", "288(a)", "felony"), MISD_THEFT),
        Expect(
            "eligible",
            "1203.4",
            "2a",
            "2023-01-16",
            dismissable=[False, True],
            citations=["PC 1203.4(b)", "PC 1203.4(a)(1)"],
        ),
    ),
    row(
        "multi-two-excluded-counts-not-eligible",
        case(count("PC", "288(a)", "felony"), count("PC", "311.11", "felony")),
        Expect("not_eligible", None, None, None, dismissable=[False, False]),
    ),
    row(
        "multi-17b-only-on-the-wobbler-felony",
        case(FELONY_GRAND_THEFT, MISD_THEFT),
        Expect(
            "eligible", "1203.4", "2a", "2023-01-16", reduction_17b=True, count_17b=[True, False]
        ),
    ),
    row(
        "multi-infraction-waits-while-misdemeanor-is-eligible",
        case(
            MISD_THEFT,
            count("PC", "415", "infraction"),
            judgment_date="2024-12-01",
            sentence_end_date="2025-03-01",
        ),
        Expect("eligible", "1203.4", "2a", "2025-03-02", dismissable=[True, True]),
    ),
    row(
        "multi-waiting-counts-report-the-remedy-that-opens-first",
        case(
            FELONY_SALE,
            MISD_THEFT,
            judgment_date="2025-01-10",
            sentence="county_jail",
            sentence_end_date="2025-03-01",
        ),
        Expect("wait", "1203.4a", "3a", "2026-01-11", dismissable=[True, True]),
    ),
    row(
        "multi-discretionary-beats-excluded",
        case(count("PC", "288(a)", "felony"), count("VC", "23152(b)", "misdemeanor")),
        Expect("discretionary", "1203.4", "2c", "2023-01-16", dismissable=[False, True]),
    ),
    # --- The legal review of 2026-12-01 (law/README.md "Corrections"): one row per fix ---
    row(
        # 1203.4a(d): a misdemeanor violation of PC 288(c) is excluded.
        "1203-4a-d-excludes-misdemeanor-288c",
        case(count("PC", "288(c)", "misdemeanor"), sentence="no_probation", sentence_end_date=...),
        Expect("not_eligible", None, None, None, citations=["PC 1203.4a(d)"]),
    ),
    row(
        # A 288(c) wobbler felony sentenced to a fine is a misdemeanor for all purposes (17(b)(1)):
        # still a misdemeanor violation of 288(c), still excluded by 1203.4a(d).
        "1203-4a-d-excludes-288c-made-misdemeanor-by-17b1",
        case(count("PC", "288(c)", "felony"), sentence="no_probation", sentence_end_date=...),
        Expect("not_eligible", None, None, None, citations=["PC 1203.4a(d)"]),
    ),
    row(
        # 290(c) makes 236.1(b) and (c) registrable, not (a): 236.1(a) keeps 1203.41 after prison.
        # Two years after 2020-01-01 is 2022-01-02; the prison route began 2023-07-01.
        "290c-236-1a-is-not-registrable-1203-41-after-prison",
        case(
            count("PC", "236.1(a)", "felony"),
            judgment_date="2015-01-01",
            sentence="state_prison",
            sentence_end_date="2020-01-01",
        ),
        Expect("discretionary", "1203.41", "5c", "2023-07-01"),
    ),
    row(
        "290c-236-1b-is-registrable-no-1203-41-after-prison",
        case(
            count("PC", "236.1(b)", "felony"),
            judgment_date="2015-01-01",
            sentence="state_prison",
            sentence_end_date="2020-01-01",
        ),
        Expect("not_eligible", None, None, None, citations=["PC 1203.41(a)(1)"]),
    ),
    row(
        # 1192.7(c)(23): "any felony in which the defendant personally used a dangerous or deadly
        # weapon" is serious, so no automatic felony relief (1203.425).
        "1192-7-c-23-deadly-weapon-use-makes-it-serious-no-automatic-relief",
        case(
            count("PC", "273.5", "felony"),
            count("PC", "12022(b)(1)", "felony"),
            judgment_date="2010-01-01",
            sentence="state_prison",
            sentence_end_date="2015-01-01",
        ),
        Expect("discretionary", "1203.41", "5c", "2023-07-01", automatic_relief_possible=False),
    ),
    row(
        "1203-425-felony-four-years-after-prison-without-the-weapon-enhancement",
        case(
            count("PC", "273.5", "felony"),
            judgment_date="2010-01-01",
            sentence="state_prison",
            sentence_end_date="2015-01-01",
        ),
        Expect("discretionary", "1203.41", "5c", "2023-07-01", automatic_relief_possible=True),
    ),
    row(
        # 1203.42 reaches only offenses that could be sentenced under 1170(h); robbery is serious
        # and violent (1170(h)(3)), whatever the answer says: 1203.41 5c, and the result says so.
        "1203-42-serious-offense-not-1170h-despite-the-answer",
        case(
            count("PC", "211", "felony"),
            judgment_date="2009-01-01",
            sentence="state_prison",
            sentence_end_date="2012-01-01",
            pre_realignment_1170h_eligible=True,
        ),
        Expect(
            "discretionary",
            "1203.41",
            "5c",
            "2023-07-01",
            citations=["PC 1203.42(a); PC 1170(h)(3)"],
        ),
    ),
    row(
        # Parole is part of a prison sentence (PC 3000(a)(1)): a misdemeanor count is not
        # dismissable under 1203.4a before the parole ends (cautious reading, stated).
        "1203-4a-misdemeanor-count-waits-for-parole-to-end",
        case(
            MISD_THEFT,
            FELONY_SALE,
            judgment_date="2022-01-10",
            sentence="state_prison",
            sentence_end_date="2026-03-01",
        ),
        Expect("wait", "1203.4a", "3a", "2026-03-02", assumes="PC 3000(a)(1)"),
    ),
    row(
        # Mandatory supervision is part of the 1170(h)(5)(B) sentence; end not known: blocked.
        "1203-4a-misdemeanor-count-blocked-while-mandatory-supervision-runs",
        case(
            MISD_THEFT,
            FELONY_SALE,
            judgment_date="2022-01-10",
            sentence="county_jail",
            mandatory_supervision=True,
            sentence_end_date=None,
        ),
        Expect("blocked", "1203.4a", "3a", None, assumes="PC 1170(h)(5)(B)"),
    ),
    row(
        # 17(b)(1): a wobbler felony sentenced to neither probation, prison nor 1170(h) is a
        # misdemeanor for all purposes, so 1203.4a, more than a year after judgment.
        "17b1-wobbler-felony-without-probation-is-a-misdemeanor-1203-4a",
        case(FELONY_GRAND_THEFT, sentence="no_probation", sentence_end_date=...),
        Expect(
            "eligible",
            "1203.4a",
            "3a",
            "2021-01-16",
            reduction_17b=False,
            citations=["PC 17(b)(1); PC 1203.4a(a)"],
        ),
    ),
    row(
        # 1203.41 after prison is for a conviction that does not require registration: count by
        # count, so the registrable 243.4 does not take the 11379 count's relief away.
        "1203-41-registration-is-decided-count-by-count",
        case(
            count("PC", "243.4", "felony"),
            FELONY_SALE,
            judgment_date="2015-01-01",
            sentence="state_prison",
            sentence_end_date="2018-01-01",
            registrant=True,
        ),
        Expect("discretionary", "1203.41", "5c", "2023-07-01", dismissable=[False, True]),
    ),
    row(
        "1203-41-registration-from-an-unknown-count-excludes-each-count-cautiously",
        case(
            FELONY_SALE,
            judgment_date="2015-01-01",
            sentence="state_prison",
            sentence_end_date="2018-01-01",
            registrant=True,
        ),
        Expect("not_eligible", None, None, None, assumes="find which count requires registration"),
    ),
    row(
        # 1203.425(a)(1)(B)(v): felony probation completed without revocation.
        "1203-425-a-1-b-v-felony-probation-completed-without-revocation",
        case(FELONY_GRAND_THEFT, judgment_date="2018-01-10", sentence_end_date="2021-01-10"),
        Expect("eligible", "1203.4", "2a", "2021-01-11", automatic_relief_possible=True),
    ),
    row(
        "catalog-166c4-is-a-wobbler",
        case(count("PC", "166(c)(4)", "felony")),
        Expect("eligible", "1203.4", "2a", "2023-01-16", reduction_17b=True),
    ),
    row(
        "catalog-653f-b-is-not-a-wobbler",
        case(count("PC", "653f(b)", "felony")),
        Expect("eligible", "1203.4", "2a", "2023-01-16", reduction_17b=False),
    ),
    row(
        # Before Prop 64 (9 Nov. 2016) HS 11359 was a straight felony: no 17(b); HS 11361.8.
        "catalog-hs-11359-before-prop-64-is-a-straight-felony",
        case(count("HS", "11359", "felony"), judgment_date="2015-05-01", sentence_end_date=...),
        Expect(
            "blocked",
            "1203.4",
            "2a",
            None,
            reduction_17b=False,
            alternatives=("early_termination", "prop_64"),
        ),
    ),
    row(
        "catalog-hs-11360-before-prop-64-is-a-straight-felony",
        case(
            count("HS", "11360", "felony"),
            judgment_date="2016-11-08",
            sentence_end_date="2018-11-08",
        ),
        Expect(
            "eligible", "1203.4", "2a", "2018-11-09", reduction_17b=False, alternatives=("prop_64",)
        ),
    ),
    row(
        "catalog-hs-11360-from-prop-64-day-is-a-wobbler",
        case(
            count("HS", "11360", "felony"),
            judgment_date="2016-11-09",
            sentence_end_date="2018-11-09",
        ),
        Expect("eligible", "1203.4", "2a", "2018-11-10", reduction_17b=True),
    ),
    row(
        # Bare 459: the degree is not assumed. Read cautiously (first degree: no 17(b)).
        "catalog-bare-459-felony-needs-the-degree-no-17b",
        case(count("PC", "459", "felony")),
        Expect("eligible", "1203.4", "2a", "2023-01-16", reduction_17b=False, assumes="degree"),
    ),
    row(
        "catalog-460b-second-degree-burglary-17b",
        case(count("PC", "460(b)", "felony")),
        Expect("eligible", "1203.4", "2a", "2023-01-16", reduction_17b=True),
    ),
    row(
        "pinpoint-1203-41-waiting-period-is-a-2",
        case(FELONY_SALE, judgment_date="2021-07-01", sentence="county_jail"),
        Expect("discretionary", "1203.41", "5b", "2025-01-16", citations=["PC 1203.41(a)(2)"]),
    ),
    row(
        "pinpoint-1203-41-status-conditions-are-a-3",
        case(
            FELONY_SALE,
            sentence="county_jail",
            sentence_end_date="2021-01-15",
            pending_charges=True,
        ),
        Expect("blocked", "1203.41", "5b", "2023-01-16", citations=["PC 1203.41(a)(3)"]),
    ),
    # --- Negative rows: 1203.425 boundary days; Prop 47 never for misdemeanors ---
    row(
        "1203-425-misdemeanor-not-the-day-before-one-year",
        case(
            count("PC", "647(f)", "misdemeanor"),
            judgment_date="2024-06-15",
            sentence="no_probation",
            sentence_end_date=...,
        ),
        Expect("wait", "1203.4a", "3a", "2025-06-16", automatic_relief_possible=False),
        as_of=D("2025-06-14"),
    ),
    row(
        "1203-425-misdemeanor-on-the-one-year-anniversary",
        case(
            count("PC", "647(f)", "misdemeanor"),
            judgment_date="2024-06-15",
            sentence="no_probation",
            sentence_end_date=...,
        ),
        Expect("wait", "1203.4a", "3a", "2025-06-16", automatic_relief_possible=True),
        as_of=D("2025-06-15"),
    ),
    row(
        "1203-425-felony-not-the-day-before-four-years",
        case(
            FELONY_SALE,
            judgment_date="2020-01-01",
            sentence="county_jail",
            sentence_end_date="2021-06-15",
        ),
        Expect("discretionary", "1203.41", "5b", "2023-06-16", automatic_relief_possible=False),
        as_of=D("2025-06-14"),
    ),
    row(
        "1203-425-felony-on-the-four-year-anniversary",
        case(
            FELONY_SALE,
            judgment_date="2020-01-01",
            sentence="county_jail",
            sentence_end_date="2021-06-15",
        ),
        Expect("discretionary", "1203.41", "5b", "2023-06-16", automatic_relief_possible=True),
    ),
    row(
        "1203-425-felony-not-before-2023-07-01",
        case(
            FELONY_SALE,
            judgment_date="2018-01-01",
            sentence="county_jail",
            sentence_end_date="2019-01-01",
        ),
        Expect("discretionary", "1203.41", "5b", "2021-01-02", automatic_relief_possible=False),
        as_of=D("2023-06-30"),
    ),
    row(
        "1203-425-felony-from-2023-07-01",
        case(
            FELONY_SALE,
            judgment_date="2018-01-01",
            sentence="county_jail",
            sentence_end_date="2019-01-01",
        ),
        Expect("discretionary", "1203.41", "5b", "2021-01-02", automatic_relief_possible=True),
        as_of=D("2023-07-01"),
    ),
    row(
        "1203-425-probation-not-on-its-last-day",
        case(judgment_date="2023-06-15", sentence_end_date="2025-06-15"),
        Expect("wait", "1203.4", "2a", "2025-06-16", automatic_relief_possible=False),
    ),
    row(
        "1203-425-probation-the-day-after-it-ended",
        case(judgment_date="2023-06-15", sentence_end_date="2025-06-15"),
        Expect("eligible", "1203.4", "2a", "2025-06-16", automatic_relief_possible=True),
        as_of=D("2025-06-16"),
    ),
    row(
        "prop-47-never-for-a-misdemeanor-drug-count",
        case(count("HS", "11350", "misdemeanor")),
        Expect("eligible", "1203.4", "2a", "2023-01-16", alternatives=()),
    ),
    row(
        "prop-47-never-for-a-misdemeanor-receiving-count",
        case(count("PC", "496(a)", "misdemeanor"), sentence="no_probation", sentence_end_date=...),
        Expect("eligible", "1203.4a", "3a", "2021-01-16", alternatives=()),
    ),
    row(
        "prop-47-for-the-felony-drug-count",
        case(count("HS", "11350", "felony")),
        Expect("eligible", "1203.4", "2a", "2023-01-16", alternatives=("prop_47",)),
    ),
    # --- PC 1203.43: deferred entry of judgment, CR-180 item 7 (no waiting period) ---
    row(
        "1203-43-dismissed-is-item-7-as-of-right",
        dej(judgment_date="2019-03-01", sentence_end_date="2021-03-01"),
        Expect(
            "eligible",
            "1203.43",
            "7",
            "2021-03-01",
            citations=["PC 1203.43(b)"],
            reduction_17b=False,
            reduction_17d2=False,
            automatic_relief_possible=False,
            alternatives=(),
            assumes="checked 7a",
        ),
    ),
    row(
        "1203-43-on-the-day-of-dismissal",
        dej(judgment_date="2023-06-15", sentence_end_date="2025-06-15"),
        Expect("eligible", "1203.43", "7", "2025-06-15"),
    ),
    row(
        "1203-43-the-day-before-dismissal-waits",
        dej(judgment_date="2023-06-15", sentence_end_date="2025-06-16"),
        Expect("wait", "1203.43", "7", "2025-06-16"),
    ),
    row(
        "1203-43-not-dismissed-yet-is-blocked",
        dej(judgment_date="2024-06-15", sentence_end_date=None),
        Expect("blocked", "1203.43", "7", None, alternatives=()),
    ),
    row(
        "1203-43-granted-on-1-january-1997",
        dej(judgment_date="1997-01-01", sentence_end_date="2017-01-01"),
        Expect("eligible", "1203.43", "7", "2017-01-01"),
    ),
    row(
        "1203-43-not-for-diversion-granted-in-1996",
        dej(judgment_date="1996-12-31", sentence_end_date="2017-01-01"),
        Expect("not_eligible", None, None, None, citations=["PC 1203.43(b)"], alternatives=()),
    ),
    row(
        "1203-43-dismissed-before-2016-opens-when-the-law-began",
        dej(judgment_date="2012-01-10", sentence_end_date="2013-07-01"),
        Expect("eligible", "1203.43", "7", "2016-01-01"),
    ),
    row(
        "1203-43-the-day-before-the-law-began-waits",
        dej(judgment_date="2012-01-10", sentence_end_date="2013-07-01"),
        Expect("wait", "1203.43", "7", "2016-01-01"),
        as_of=D("2015-12-31"),
    ),
    row(
        "1203-43-a-wobbler-after-dej-is-not-reduced-and-no-prop-47",
        dej(count("HS", "11350", "felony"), count("PC", "415", "misdemeanor")),
        Expect(
            "eligible",
            "1203.43",
            "7",
            "2021-03-01",
            count_17b=[False, False],
            count_17d2=[False, False],
            alternatives=(),
        ),
    ),
    # --- PC 17(d)(2): a PC 19.8 misdemeanor may become an infraction ---
    row(
        "17d2-pc-415-misdemeanor-with-a-plain-theft",
        case(
            count("PC", "415", "misdemeanor"),
            MISD_THEFT,
            sentence="no_probation",
            sentence_end_date=...,
        ),
        Expect(
            "eligible",
            "1203.4a",
            "3a",
            "2021-01-16",
            reduction_17d2=True,
            count_17d2=[True, False],
            citations=["PC 17(d)(2); PC 19.8(a)"],
        ),
    ),
    row(
        "17d2-never-for-an-infraction",
        case(count("PC", "415", "infraction"), sentence="no_probation", sentence_end_date=...),
        Expect("eligible", "1203.4a", "3a", "2021-01-16", reduction_17d2=False),
    ),
    row(
        "17d2-pc-602-is-not-listed-but-602-o-is",
        case(count("PC", "602", "misdemeanor"), count("PC", "602(o)", "misdemeanor")),
        Expect("eligible", "1203.4", "2a", "2023-01-16", count_17d2=[False, True]),
    ),
    row(
        "17d2-bp-25658-b-with-probation",
        case(count("BP", "25658(b)", "misdemeanor")),
        Expect("eligible", "1203.4", "2a", "2023-01-16", reduction_17d2=True),
    ),
    row(
        "17d2-vc-5201-1-newly-in-the-catalog",
        case(count("VC", "5201.1", "misdemeanor"), sentence="no_probation", sentence_end_date=...),
        Expect("eligible", "1203.4a", "3a", "2021-01-16", reduction_17d2=True),
    ),
    row(
        "17d2-pc-602-13-zoo-enclosure",
        case(count("PC", "602.13", "misdemeanor"), sentence="no_probation", sentence_end_date=...),
        Expect("eligible", "1203.4a", "3a", "2021-01-16", reduction_17d2=True),
    ),
    row(
        "17d2-reported-even-when-blocked",
        case(
            count("PC", "415", "misdemeanor"),
            sentence="no_probation",
            sentence_end_date=...,
            pending_charges=True,
        ),
        Expect("blocked", "1203.4a", "3a", "2021-01-16", reduction_17d2=True),
    ),
]


def check(result: Determination, expect: Expect) -> None:
    as_dict = result.to_dict()
    core = {key: as_dict[key] for key in expect.core}
    assert core == expect.core
    more = dict(expect.more)
    citations = more.pop("citations", [])
    for citation in citations:
        assert citation in [reason.citation for reason in result.reasons]
    if "assumes" in more:
        phrase = more.pop("assumes")
        assert any(phrase in text for text in result.assumptions), result.assumptions
    if "dismissable" in more:
        assert [c.dismissable for c in result.counts] == more.pop("dismissable")
    if "count_17b" in more:
        assert [c.reduction_17b for c in result.counts] == more.pop("count_17b")
    if "count_17d2" in more:
        assert [c.reduction_17d2 for c in result.counts] == more.pop("count_17d2")
    if "alternatives" in more:
        assert result.alternatives == more.pop("alternatives")
    for key, value in more.items():
        assert getattr(result, key) == value, key


@pytest.mark.parametrize(("data", "as_of", "expect"), SCENARIOS)
def test_scenario(data: dict[str, Any], as_of: date, expect: Expect) -> None:
    result = determine(parse_case(data), as_of=as_of)
    check(result, expect)
    assert result.reasons, "every result has at least one reason"
    assert all(reason.citation for reason in result.reasons)


def test_scenario_table_is_at_least_eighty_rows() -> None:
    assert len(SCENARIOS) >= 80
