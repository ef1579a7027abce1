"""The certificate of rehabilitation's earliest filing day (PC 4852.01, 4852.03(a), 4852.06).

Every expected date below was counted by hand from the statute: the period of rehabilitation
starts on the day the person left prison and is 5 years plus 2, 4 or 5 more; its last day is the
anniversary, and the first day to file is the day after (the engine's "after the lapse" reading).
"""

import dataclasses
from datetime import date
from typing import Any

import pytest

from eligibility.engine import (
    CertificateStatus,
    certificate_of_rehabilitation,
    determine,
    parse_case,
)
from eligibility.engine.rules import certificate_of_rehabilitation as cert

from .scenarios import count

D = date.fromisoformat
SALE = count("HS", "11379", "felony")  # neither listed in 4852.03(a)(1) nor PC 290 registrable
RAPE = count("PC", "261(a)(2)", "felony")  # PC 290 registrable
MURDER = count("PC", "187(a)", "felony")  # PC 4852.03(a)(1)
LEWD = count("PC", "288(a)", "felony")  # PC 4852.01(c)


def prison(*counts: dict[str, Any], **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "prison-1",
        "judgment_date": "2014-01-10",
        "counts": list(counts),
        "sentence": "state_prison",
        "sentence_end_date": "2020-03-10",
    }
    data.update(fields)
    return data


def finding(
    data: dict[str, Any],
    *,
    released_on: str | None,
    resident_since: str | None,
    as_of: str,
    registrant: bool | None = False,
    on_supervision_now: bool | None = False,
) -> cert.CertificateFinding | None:
    facts = parse_case(data)
    outcome = determine(facts, as_of=D(as_of)).outcome
    return certificate_of_rehabilitation(
        facts,
        outcome=outcome,
        released_on=D(released_on) if released_on else None,
        resident_since=D(resident_since) if resident_since else None,
        as_of=D(as_of),
        registrant=registrant,
        on_supervision_now=on_supervision_now,
    )


def citations(result: cert.CertificateFinding) -> list[str]:
    return [reason.citation for reason in result.reasons]


# --- Most offenses: 5 years + 2 more (PC 4852.03(a)(3)) ---------------------------------------
# Left prison 2017-03-10: the seven years' last day is 2024-03-10; the first day is 2024-03-11.


def test_last_day_of_the_seven_years_is_not_yet() -> None:
    result = finding(
        prison(SALE), released_on="2017-03-10", resident_since="2017-03-10", as_of="2024-03-10"
    )
    assert result is not None
    assert result.status is CertificateStatus.WAIT
    assert result.earliest_filing_date == D("2024-03-11")
    assert result.added_years == 2
    assert "PC 4852.03(a)(3)" in citations(result)


def test_first_day_after_the_seven_years_can_file() -> None:
    result = finding(
        prison(SALE), released_on="2017-03-10", resident_since="2017-03-10", as_of="2024-03-11"
    )
    assert result is not None
    assert result.status is CertificateStatus.CAN_FILE
    assert result.earliest_filing_date == D("2024-03-11")


def test_the_period_ends_on_the_anniversary_in_words() -> None:
    result = finding(
        prison(SALE), released_on="2017-03-10", resident_since="2017-03-10", as_of="2024-03-10"
    )
    assert result is not None
    period = next(r for r in result.reasons if r.citation == "PC 4852.03(a)(3)")
    assert "(2017-03-10)" in period.text
    assert "ends on 2024-03-10" in period.text


def test_leap_day_release_counts_from_28_february() -> None:
    # 2016-02-29 + 7 years: no 29 February in 2023, so the last day is 2023-02-28.
    result = finding(
        prison(SALE, sentence_end_date="2019-02-28"),
        released_on="2016-02-29",
        resident_since="2016-02-29",
        as_of="2023-02-28",
    )
    assert result is not None
    assert result.earliest_filing_date == D("2023-03-01")
    assert result.status is CertificateStatus.WAIT


# --- Longer periods -----------------------------------------------------------------------------


def test_registrable_offense_adds_five_years() -> None:
    # Left prison 2015-06-01: 10 years' last day 2025-06-01, first day 2025-06-02.
    data = prison(RAPE, sentence_end_date="2018-06-01", registrant=True)
    before = finding(
        data, released_on="2015-06-01", resident_since="2015-06-01", as_of="2025-06-01"
    )
    after = finding(data, released_on="2015-06-01", resident_since="2015-06-01", as_of="2025-06-02")
    assert before is not None
    assert after is not None
    assert before.added_years == 5
    assert before.status is CertificateStatus.WAIT
    assert before.earliest_filing_date == D("2025-06-02")
    assert after.status is CertificateStatus.CAN_FILE
    assert "PC 4852.03(a)(2)(A)" in citations(before)


def test_murder_adds_four_years() -> None:
    # Left prison 2010-01-20: 9 years' last day 2019-01-20, first day 2019-01-21.
    result = finding(
        prison(MURDER, judgment_date="1995-05-05", sentence_end_date="2013-01-20"),
        released_on="2010-01-20",
        resident_since="2010-01-20",
        as_of="2019-01-20",
    )
    assert result is not None
    assert result.added_years == 4
    assert result.earliest_filing_date == D("2019-01-21")
    assert result.status is CertificateStatus.WAIT
    assert "PC 4852.03(a)(1)" in citations(result)


def test_registration_not_known_counts_the_longer_wait_and_says_so() -> None:
    result = finding(
        prison(SALE),
        released_on="2017-03-10",
        resident_since="2017-03-10",
        as_of="2024-03-11",
        registrant=None,
    )
    assert result is not None
    assert result.added_years == 5
    assert result.earliest_filing_date == D("2027-03-11")
    assert cert.ASSUME_REGISTRANT_UNKNOWN in result.assumptions


# --- The other limits of PC 4852.06 ---------------------------------------------------------------


def test_residence_that_began_later_decides() -> None:
    # Moved back to California 2022-09-01: five years complete 2027-09-01, first day 2027-09-02.
    result = finding(
        prison(SALE), released_on="2017-03-10", resident_since="2022-09-01", as_of="2025-01-01"
    )
    assert result is not None
    assert result.earliest_filing_date == D("2027-09-02")
    assert result.status is CertificateStatus.WAIT


def test_residence_before_prison_counts_only_from_release() -> None:
    # Lived in California since 1990, but the five years count after leaving prison
    # (2017-03-10); the seven-year period (2024-03-11) is later anyway.
    result = finding(
        prison(SALE), released_on="2017-03-10", resident_since="1990-01-01", as_of="2025-01-01"
    )
    assert result is not None
    residence = next(r for r in result.reasons if "without a break since" in r.text)
    assert "since 2017-03-10" in residence.text
    assert result.earliest_filing_date == D("2024-03-11")


def test_parole_that_ends_later_decides() -> None:
    # Seven years from 2016-01-05 end 2023-01-05; parole runs to 2025-02-01: first day 2025-02-02.
    result = finding(
        prison(SALE, sentence_end_date="2025-02-01"),
        released_on="2016-01-05",
        resident_since="2016-01-05",
        as_of="2024-06-01",
    )
    assert result is not None
    assert result.earliest_filing_date == D("2025-02-02")
    assert "PC 4852.06" in citations(result)


def test_supervision_now_leaves_the_date_unknown() -> None:
    result = finding(
        prison(SALE),
        released_on="2017-03-10",
        resident_since="2017-03-10",
        as_of="2025-01-01",
        on_supervision_now=True,
    )
    assert result is not None
    assert result.status is CertificateStatus.UNKNOWN
    assert result.earliest_filing_date is None


# --- Barred offenses (PC 4852.01(c)) --------------------------------------------------------------


def test_barred_offense_has_no_date_and_names_the_pardon() -> None:
    result = finding(
        prison(SALE, LEWD),
        released_on="2010-01-01",
        resident_since="2010-01-01",
        as_of="2025-01-01",
    )
    assert result is not None
    assert result.status is CertificateStatus.BARRED
    assert result.earliest_filing_date is None
    assert citations(result) == ["PC 4852.01(c)"]
    assert "PC 288(a)" in result.reasons[0].text
    assert "4852.01(d)" in result.reasons[0].text


# --- Answers not known ----------------------------------------------------------------------------


def test_release_date_not_known_gives_no_date_and_an_assumption() -> None:
    result = finding(
        prison(SALE), released_on=None, resident_since="2010-01-01", as_of="2025-01-01"
    )
    assert result is not None
    assert result.status is CertificateStatus.UNKNOWN
    assert result.earliest_filing_date is None
    assert cert.ASSUME_RELEASE_UNKNOWN in result.assumptions
    assert cert.RELEASE_UNKNOWN in [r.text for r in result.reasons]


def test_residence_not_known_gives_no_date_and_an_assumption() -> None:
    result = finding(
        prison(SALE), released_on="2010-01-01", resident_since=None, as_of="2025-01-01"
    )
    assert result is not None
    assert result.status is CertificateStatus.UNKNOWN
    assert result.earliest_filing_date is None
    assert cert.ASSUME_RESIDENCE_UNKNOWN in result.assumptions


def test_parole_end_not_known_is_an_assumption_not_a_stop() -> None:
    data = prison(SALE, sentence_end_date=None)
    data["sentence_end_date"] = None
    facts = parse_case(data)
    facts = type(facts)(**{**_fields(facts), "unknown": frozenset({"sentence_end_date"})})
    result = certificate_of_rehabilitation(
        facts,
        outcome=determine(facts, as_of=D("2025-01-01")).outcome,
        released_on=D("2017-03-10"),
        resident_since=D("2017-03-10"),
        as_of=D("2025-01-01"),
    )
    assert result is not None
    assert result.earliest_filing_date == D("2024-03-11")
    assert cert.ASSUME_SUPERVISION_END_UNKNOWN in result.assumptions


def _fields(facts: Any) -> dict[str, Any]:
    return {name: getattr(facts, name) for name in facts.__slots__}


# --- Not the route --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(
            {
                "id": "p",
                "judgment_date": "2020-01-15",
                "counts": [count("PC", "484(a)", "misdemeanor")],
                "sentence": "probation",
                "sentence_end_date": "2023-01-15",
            },
            id="misdemeanor-probation-dismissable",
        ),
        pytest.param(
            {
                "id": "j",
                "judgment_date": "2020-01-15",
                "counts": [SALE],
                "sentence": "county_jail",
                "sentence_end_date": "2021-01-15",
            },
            id="county-jail-with-a-dismissal-route",
        ),
    ],
)
def test_no_finding_when_the_certificate_is_not_the_route(data: dict[str, Any]) -> None:
    assert finding(data, released_on=None, resident_since=None, as_of="2025-06-15") is None


# --- Registration from elsewhere, and the offenses that are neither listed nor registrable ----
# Left prison 2017-03-10: ten years' last day 2027-03-10, first day 2027-03-11; seven years' first
# day 2024-03-11.


def test_registration_because_of_this_case_gives_ten_years_with_no_assumption() -> None:
    result = finding(
        prison(SALE, registrant=True),
        released_on="2017-03-10",
        resident_since="2017-03-10",
        as_of="2027-03-10",
    )
    assert result is not None
    assert (result.status, result.earliest_filing_date) == (CertificateStatus.WAIT, D("2027-03-11"))
    assert result.added_years == 5
    assert "PC 4852.03(a)(2)(A)" in citations(result)
    assert cert.ASSUME_REGISTRANT_OTHER_CASE not in result.assumptions
    assert cert.ASSUME_REGISTRANT_UNKNOWN not in result.assumptions


@pytest.mark.parametrize(
    ("registrant", "assumption"),
    [(True, cert.ASSUME_REGISTRANT_OTHER_CASE), (None, cert.ASSUME_REGISTRANT_UNKNOWN)],
    ids=["registered-because-of-another-case", "registration-unknown"],
)
def test_registration_from_elsewhere_or_unknown_gives_ten_years_as_an_assumption(
    registrant: bool | None, assumption: str
) -> None:
    result = finding(
        prison(SALE),
        released_on="2017-03-10",
        resident_since="2017-03-10",
        as_of="2027-03-11",
        registrant=registrant,
    )
    assert result is not None
    assert (result.status, result.earliest_filing_date) == (
        CertificateStatus.CAN_FILE,
        D("2027-03-11"),
    )
    assert result.added_years == 5
    assert "PC 4852.03(a)(2)(A)" in citations(result)
    assert assumption in result.assumptions


def test_a_penal_code_offense_off_the_list_gives_seven_years() -> None:
    burglary = count("PC", "459", "felony")  # Penal Code, but not 187, 209, 219, 4500 or 18755
    result = finding(
        prison(burglary), released_on="2017-03-10", resident_since="2017-03-10", as_of="2024-03-11"
    )
    assert result is not None
    assert (result.status, result.earliest_filing_date) == (
        CertificateStatus.CAN_FILE,
        D("2024-03-11"),
    )
    assert result.added_years == 2
    assert "PC 4852.03(a)(3)" in citations(result)


def test_no_felony_and_nothing_registrable_is_not_the_certificates_route() -> None:
    shoplifting = count("PC", "490.5", "misdemeanor")
    assert (
        finding(
            prison(shoplifting),
            released_on="2017-03-10",
            resident_since="2017-03-10",
            as_of="2024-03-11",
        )
        is None
    )


def test_a_registrable_offense_alone_gives_ten_years_from_the_catalog() -> None:
    # No registration flag anywhere: the catalog's PC 261(a)(2) is enough (PC 4852.03(a)(2)(A)).
    result = finding(
        prison(RAPE, sentence_end_date="2018-06-01"),
        released_on="2015-06-01",
        resident_since="2015-06-01",
        as_of="2025-06-02",
    )
    assert result is not None
    assert (result.added_years, result.earliest_filing_date) == (5, D("2025-06-02"))
    assert cert.ASSUME_REGISTRANT_UNKNOWN not in result.assumptions


def test_a_registration_answered_i_dont_know_is_an_assumption_not_a_fact() -> None:
    facts = dataclasses.replace(
        parse_case(prison(SALE, registrant=True)), unknown=frozenset({"registrant"})
    )
    result = certificate_of_rehabilitation(
        facts,
        outcome=determine(facts, as_of=D("2027-03-11")).outcome,
        released_on=D("2017-03-10"),
        resident_since=D("2017-03-10"),
        as_of=D("2027-03-11"),
        registrant=False,
        on_supervision_now=False,
    )
    assert result is not None
    assert (result.added_years, result.earliest_filing_date) == (5, D("2027-03-11"))
    assert cert.ASSUME_REGISTRANT_UNKNOWN in result.assumptions


# --- Whole findings: status, date, years, every reason in order with its citation, assumptions --
# The sentences are the ones the person reads, written out here by hand: a changed word, citation
# or order is a changed answer.

A_LIFE_TERM = (
    "Certificate of rehabilitation: if any offense in this case carries a life sentence, you "
    "must wait 4 more years, not 2 (Penal Code 4852.03(a)(1)). Our list of offenses cannot tell."
)
A_REGISTRANT_UNKNOWN = (
    "Certificate of rehabilitation: you did not know whether you must register as a sex "
    "offender, so we counted the longer wait of 5 more years (Penal Code 4852.03(a)(2))."
)
A_CONSECUTIVE = (
    "Certificate of rehabilitation: if you were ordered to serve sentences one after the other "
    "(consecutive), the judge may make the wait longer (Penal Code 4852.03(a)(4))."
)
A_RELEASE_UNKNOWN = (
    "Certificate of rehabilitation: the day you left prison is not known, so the first day to "
    "file is not known. Your parole papers or CDCR can tell you."
)
A_RESIDENCE_UNKNOWN = (
    "Certificate of rehabilitation: how long you have lived in California is not known, so the "
    "first day to file is not known."
)
A_AFTER_THE_LAPSE = (
    "Certificate of rehabilitation: we counted the first day after the period ends as the first "
    "day to file (the cautious reading of Penal Code 4852.06)."
)
A_EXCLUSION_TEXT = (
    "Certificate of rehabilitation: the list of offenses it is not open to (Penal Code "
    "4852.01(c)) was read from secondary copies of the statute; clinic staff should check the "
    "current text."
)
DISMISSED_FIRST = (
    "This case had no prison sentence. Then the certificate is open only after the case is "
    "dismissed under Penal Code 1203.4, which these answers do not show.",
    "PC 4852.01(b)",
)
KIDNAPPING = count("PC", "209(b)(1)", "felony")  # PC 4852.03(a)(1) names 209; not PC 290 listed
UNLAWFUL_SEX = count("PC", "261.5(d)", "felony")  # 1203.4(b) bars its dismissal as a felony
CHILD_PORN = count("PC", "311.11(a)", "misdemeanor")  # PC 290 registrable; 1203.4(b) bars it


def period(added: int, released: str, last_day: str, citation: str) -> tuple[str, str]:
    return (
        f"You need 5 years of living in California plus {added} more years, counted from the day "
        f"you left prison ({released}). That time ends on {last_day}.",
        citation,
    )


def residence(since: str, last_day: str) -> tuple[str, str]:
    return (
        f"You have lived in California without a break since {since}. The 5 years right before "
        f"you file are complete on {last_day}.",
        "PC 4852.06",
    )


def earliest(day: str) -> tuple[str, str]:
    return (f"The earliest day you can file is {day}.", "PC 4852.06")


WHOLE_FINDINGS = [
    pytest.param(
        # Seven years from 2016-01-05: last day 2023-01-05. Parole ends on the screening day
        # itself, so it is still running: first day 2025-02-02 (PC 4852.06, "after termination").
        prison(SALE, sentence_end_date="2025-02-01"),
        {"released_on": "2016-01-05", "resident_since": "2016-01-05", "as_of": "2025-02-01"},
        (CertificateStatus.WAIT, D("2025-02-02"), 2),
        [
            period(2, "2016-01-05", "2023-01-05", "PC 4852.03(a)(3)"),
            (
                "Your parole or supervision ends on 2025-02-01. You can file only after it ends.",
                "PC 4852.06",
            ),
            residence("2016-01-05", "2021-01-05"),
            earliest("2025-02-02"),
        ],
        [A_LIFE_TERM, A_CONSECUTIVE, A_AFTER_THE_LAPSE],
        id="parole-ending-on-the-screening-day-decides",
    ),
    pytest.param(
        # PC 209 (kidnapping for robbery, 209(b)(1)): 5 + 4 years from 2012-06-30, last day
        # 2021-06-30. Back in California since 2014-02-01: five years' last day 2019-02-01.
        # Parole over 2015-06-30. First day 2021-07-01; no life-term assumption needed.
        prison(KIDNAPPING, judgment_date="2000-03-01", sentence_end_date="2015-06-30"),
        {"released_on": "2012-06-30", "resident_since": "2014-02-01", "as_of": "2025-06-15"},
        (CertificateStatus.CAN_FILE, D("2021-07-01"), 4),
        [
            period(4, "2012-06-30", "2021-06-30", "PC 4852.03(a)(1)"),
            residence("2014-02-01", "2019-02-01"),
            earliest("2021-07-01"),
        ],
        [A_CONSECUTIVE, A_AFTER_THE_LAPSE],
        id="pc-209-subdivision-adds-four-years",
    ),
    pytest.param(
        # Release, residence and the end of parole not known, on supervision now, registration
        # not known (the longer 5 years counted): no date, and every missing answer said.
        prison(SALE, sentence_end_date=None),
        {
            "released_on": None,
            "resident_since": None,
            "as_of": "2025-06-15",
            "registrant": None,
            "on_supervision_now": True,
        },
        (CertificateStatus.UNKNOWN, None, 5),
        [
            (
                "We do not know the day you left prison, so we cannot count the time you must "
                "wait.",
                "PC 4852.03(a)",
            ),
            (
                "Your parole or supervision has not ended and we do not know when it ends. You "
                "can file only after it ends.",
                "PC 4852.06",
            ),
            (
                "You said you are on probation, parole or supervision now. You can file only "
                "after it ends.",
                "PC 4852.06",
            ),
            (
                "We do not know how long you have lived in California without a break. You need "
                "the 5 years right before you file, after leaving prison.",
                "PC 4852.06",
            ),
        ],
        [
            A_REGISTRANT_UNKNOWN,
            A_CONSECUTIVE,
            A_RELEASE_UNKNOWN,
            A_RESIDENCE_UNKNOWN,
            A_AFTER_THE_LAPSE,
        ],
        id="nothing-known-yet",
    ),
    pytest.param(
        # Only the end of parole is missing (not ended, end not known): the other limits are
        # counted and said, but there is no date until parole ends (PC 4852.06).
        prison(SALE, sentence_end_date=None),
        {"released_on": "2017-03-10", "resident_since": "2017-03-10", "as_of": "2025-06-15"},
        (CertificateStatus.UNKNOWN, None, 2),
        [
            period(2, "2017-03-10", "2024-03-10", "PC 4852.03(a)(3)"),
            (
                "Your parole or supervision has not ended and we do not know when it ends. You "
                "can file only after it ends.",
                "PC 4852.06",
            ),
            residence("2017-03-10", "2022-03-10"),
        ],
        [A_LIFE_TERM, A_CONSECUTIVE, A_AFTER_THE_LAPSE],
        id="parole-running-with-no-end-date",
    ),
    pytest.param(
        prison(SALE, LEWD),
        {"released_on": "2010-01-01", "resident_since": "2010-01-01", "as_of": "2025-01-01"},
        (CertificateStatus.BARRED, None, None),
        [
            (
                "A certificate of rehabilitation is not open to a person convicted of PC 288(a). "
                "The Governor can still grant a pardon in extraordinary circumstances (Penal "
                "Code 4852.01(d)).",
                "PC 4852.01(c)",
            )
        ],
        [A_EXCLUSION_TEXT],
        id="barred-by-4852-01c",
    ),
    pytest.param(
        # Felony probation with no dismissal route (PC 1203.4(b) names 261.5(d)): the certificate
        # follows a 1203.4 dismissal only (PC 4852.01(b)), so there is no date to count.
        {
            "id": "probation-1",
            "judgment_date": "2015-01-10",
            "counts": [UNLAWFUL_SEX],
            "sentence": "probation",
            "sentence_end_date": "2017-01-10",
        },
        {"released_on": None, "resident_since": None, "as_of": "2025-06-15"},
        (CertificateStatus.UNKNOWN, None, 2),
        [DISMISSED_FIRST],
        [A_LIFE_TERM],
        id="felony-probation-with-no-dismissal-route",
    ),
    pytest.param(
        # A misdemeanor the certificate covers only because PC 290 lists it (PC 4852.01(b));
        # registrable, so 5 more years (PC 4852.03(a)(2)(A)) without an assumption.
        {
            "id": "probation-2",
            "judgment_date": "2015-01-10",
            "counts": [CHILD_PORN],
            "sentence": "probation",
            "sentence_end_date": "2017-01-10",
        },
        {"released_on": None, "resident_since": None, "as_of": "2025-06-15"},
        (CertificateStatus.UNKNOWN, None, 5),
        [DISMISSED_FIRST],
        [],
        id="registrable-misdemeanor-probation-with-no-dismissal-route",
    ),
]


@pytest.mark.parametrize(("data", "answers", "expected", "reasons", "assumptions"), WHOLE_FINDINGS)
def test_the_whole_finding(
    data: dict[str, Any],
    answers: dict[str, Any],
    expected: tuple[CertificateStatus, date | None, int | None],
    reasons: list[tuple[str, str]],
    assumptions: list[str],
) -> None:
    result = finding(data, **answers)
    assert result is not None
    assert (result.status, result.earliest_filing_date, result.added_years) == expected
    assert [(r.text, r.citation) for r in result.reasons] == reasons
    assert list(result.assumptions) == assumptions
