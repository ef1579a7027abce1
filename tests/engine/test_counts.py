"""Count rules (rules/counts.py) through ``determine``: each exclusion and reduction names the count
it is about and cites its subdivision, and the PC 1203.49 and PC 1203.42 routes reach exactly the
counts the statutes name. Texts and citations are written out by hand from law/README.md.
"""

from datetime import date
from typing import Any

import pytest

from eligibility.engine import Determination, determine, parse_case

from .scenarios import AS_OF, FELONY_GRAND_THEFT, case, count, dej

D = date.fromisoformat


def decide(data: dict[str, Any]) -> Determination:
    return determine(parse_case(data), as_of=AS_OF)


def reasons(result: Determination) -> list[tuple[str, str]]:
    return [(r.text, r.citation) for r in result.reasons]


NO_PROBATION = {"sentence": "no_probation", "sentence_end_date": ...}

EXCLUSIONS = [
    pytest.param(
        case(count("PC", "288(a)", "felony")),
        "PC 288(a) cannot be dismissed under PC 1203.4: subdivision (b) excludes it.",
        "PC 1203.4(b)",
        id="1203-4b-listed-offense",
    ),
    pytest.param(
        case(count("PC", "261.5(d)", "felony")),
        "PC 261.5(d) as a felony cannot be dismissed under PC 1203.4: subdivision (b) excludes a "
        "felony under PC 261.5(d).",
        "PC 1203.4(b)",
        id="1203-4b-261-5d-felony",
    ),
    pytest.param(
        case(count("VC", "42002.1", "misdemeanor")),
        "VC 42002.1 is a misdemeanor within VC 42002.1, which PC 1203.4 subdivision (b) excludes.",
        "PC 1203.4(b); VC 42002.1",
        id="1203-4b-vc-42002-1",
    ),
    pytest.param(
        case(count("PC", "288(c)", "misdemeanor"), **NO_PROBATION),
        "PC 288(c) as a misdemeanor cannot be dismissed under PC 1203.4a: subdivision (d) "
        "excludes a misdemeanor violation of PC 288(c).",
        "PC 1203.4a(d)",
        id="1203-4a-d-288c",
    ),
    pytest.param(
        case(count("VC", "42002.1", "misdemeanor"), **NO_PROBATION),
        "VC 42002.1 is a misdemeanor within VC 42002.1, which PC 1203.4a does not cover.",
        "PC 1203.4a(d)(2); VC 42002.1",
        id="1203-4a-vc-42002-1",
    ),
    pytest.param(
        case(count("VC", "22350", "infraction"), **NO_PROBATION),
        "VC 22350 is a Vehicle Code infraction under VC 42001, which PC 1203.4a does not cover.",
        "PC 1203.4a(d)(3); VC 42001",
        id="1203-4a-vc-42001",
    ),
    pytest.param(
        # PC 243.4 (sexual battery) requires PC 290 registration: no 1203.41 after prison.
        case(count("PC", "243.4", "felony"), judgment_date="2015-03-01", sentence="state_prison"),
        "PC 243.4 led to a duty to register under PC 290, so PC 1203.41 relief after a state "
        "prison sentence is not available.",
        "PC 1203.41(a)(1)",
        id="1203-41-registrant-after-prison",
    ),
    pytest.param(
        # Granted 1996-05-01: pretrial diversion, before DEJ began on 1 January 1997.
        dej(judgment_date="1996-05-01", sentence_end_date="1998-05-01"),
        "HS 11350: PC 1203.43 reaches deferred entry of judgment granted on or after 1 January "
        "1997. Before then PC 1000 was pretrial diversion, which PC 1203.43 does not cover.",
        "PC 1203.43(b)",
        id="1203-43-diversion-before-1997",
    ),
]


@pytest.mark.parametrize(("data", "text", "citation"), EXCLUSIONS)
def test_an_excluded_count_is_named_in_its_reason(
    data: dict[str, Any], text: str, citation: str
) -> None:
    result = decide(data)
    assert result.outcome == "not_eligible"
    assert (text, citation) in reasons(result)
    assert result.counts[0].reason == text


FINDINGS = [
    pytest.param(
        case(count("VC", "14601", "misdemeanor")),
        "VC 14601 is a Vehicle Code offense listed in VC 12810(a)-(e): PC 1203.4 relief for it "
        "is only in the court's discretion, in the interests of justice.",
        "PC 1203.4(c)(2)",
        id="1203-4c-vc-12810",
    ),
    pytest.param(
        case(FELONY_GRAND_THEFT),
        "PC 487(a) is a wobbler felony and probation was granted without a prison term, so the "
        "court can be asked to reduce it to a misdemeanor.",
        "PC 17(b)(3)",
        id="17b-wobbler-on-probation",
    ),
    pytest.param(
        case(FELONY_GRAND_THEFT, prison_term_suspended=True),
        "PC 487(a) is a wobbler, but a prison term was imposed and suspended before probation, "
        "so it cannot be reduced to a misdemeanor (People v. Wood (1998) 62 Cal.App.4th 1262).",
        "PC 17(b)(3)",
        id="17b-wood",
    ),
    pytest.param(
        case(count("PC", "415", "misdemeanor")),
        "PC 415 is a misdemeanor that the law also lets be an infraction (PC 19.8), so the court "
        "can be asked to make it an infraction.",
        "PC 17(d)(2); PC 19.8(a)",
        id="17d2-wobblette",
    ),
]


@pytest.mark.parametrize(("data", "text", "citation"), FINDINGS)
def test_a_count_finding_names_the_count(data: dict[str, Any], text: str, citation: str) -> None:
    assert (text, citation) in reasons(decide(data))


# --- PC 1203.42 reaches only offenses PC 1170(h)(3) does not keep in prison ---------------------


def pre_realignment_prison(*counts: dict[str, Any]) -> dict[str, Any]:
    return case(
        *counts,
        judgment_date="2010-05-01",
        sentence="state_prison",
        sentence_end_date="2014-06-30",
        pre_realignment_1170h_eligible=True,
    )


def not_1170h(label: str) -> tuple[str, str]:
    return (
        "The answers say the prison sentence was for an offense that would now be a county jail "
        f"felony, but the offense catalog lists {label} as serious, violent or requiring "
        "registration, which PC 1170(h)(3) keeps in state prison: PC 1203.42 does not reach it, "
        "so PC 1203.41 was applied.",
        "PC 1203.42(a); PC 1170(h)(3)",
    )


def test_a_serious_felony_is_kept_in_prison_so_1203_41_applies() -> None:
    # PC 245(a)(1) is serious (PC 1192.7(c)) but neither violent nor registrable. Completed
    # 2014-06-30: more than two years is 2016-07-01; PC 1203.41 after prison began 2023-07-01.
    result = decide(pre_realignment_prison(count("PC", "245(a)(1)", "felony")))
    assert (result.outcome, result.remedy, result.form_item, result.eligible_on) == (
        "discretionary",
        "1203.41",
        "5c",
        D("2023-07-01"),
    )
    assert not_1170h("PC 245(a)(1)") in reasons(result)


def test_a_registrable_felony_is_kept_in_prison_and_excluded_from_1203_41() -> None:
    # PC 243.4 is registrable (PC 290) but neither serious nor violent.
    result = decide(pre_realignment_prison(count("PC", "243.4", "felony")))
    assert (result.outcome, result.remedy) == ("not_eligible", None)
    assert not_1170h("PC 243.4") in reasons(result)


# --- PC 1203.49 reaches PC 647(b) only ----------------------------------------------------------


def trafficked(*counts: dict[str, Any]) -> dict[str, Any]:
    # Probation violated: 1203.4 is not a right, so 1203.49 is the better route for 647(b).
    return case(*counts, trafficking_victim=True, probation_violated=True)


@pytest.mark.parametrize(
    ("section", "remedy", "form_item"),
    [
        pytest.param("647(b)", "1203.49", "4", id="647b-in-the-catalog"),
        # Not in the catalog as typed: read from the section itself, spaces ignored.
        pytest.param("647 (b) 1", "1203.49", "4", id="647b-as-typed"),
        pytest.param("484(a)", "1203.4", "2c", id="another-penal-code-offense"),
        pytest.param("999.99", "1203.4", "2c", id="a-penal-code-section-not-in-the-catalog"),
    ],
)
def test_1203_49_is_for_a_pc_647b_conviction(section: str, remedy: str, form_item: str) -> None:
    result = decide(trafficked(count("PC", section, "misdemeanor")))
    assert (result.outcome, result.remedy, result.form_item, result.eligible_on) == (
        "discretionary",
        remedy,
        form_item,
        D("2023-01-16"),
    )


def test_1203_49_is_not_for_647b_of_another_code() -> None:
    result = decide(trafficked(count("HS", "647(b)", "misdemeanor")))
    assert (result.remedy, result.form_item) == ("1203.4", "2c")
