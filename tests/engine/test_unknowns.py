"""The web interview's "I don't know" answers: the cautious reading and the stated assumption."""

from dataclasses import replace
from datetime import date

import pytest

from eligibility.engine import UNKNOWABLE_FIELDS, determine, parse_case

from .scenarios import AS_OF, FELONY_GRAND_THEFT, FELONY_SALE, case


def _with_unknown(data: dict, *names: str):  # type: ignore[no-untyped-def]
    return replace(parse_case(data), unknown=frozenset(names))


def test_unknown_violation_is_read_as_violated() -> None:
    result = determine(_with_unknown(case(), "probation_violated"), as_of=AS_OF)
    assert (result.outcome, result.form_item) == ("discretionary", "2c")
    assert any("violated" in text for text in result.assumptions)
    assert result.automatic_relief_possible is False


def test_unknown_end_date_waits_without_a_date() -> None:
    data = case(sentence_end_date=None)
    result = determine(_with_unknown(data, "sentence_end_date"), as_of=AS_OF)
    assert (result.outcome, result.remedy, result.eligible_on) == ("wait", "1203.4", None)


def test_unknown_new_conviction_is_3b() -> None:
    data = case(sentence="no_probation", sentence_end_date=...)
    result = determine(_with_unknown(data, "new_conviction_since_judgment"), as_of=AS_OF)
    assert result.form_item == "3b"


@pytest.mark.parametrize("name", ["pending_charges", "on_supervision_now", "serving_sentence_now"])
def test_unknown_status_does_not_block_but_is_stated(name: str) -> None:
    result = determine(_with_unknown(case(), name), as_of=AS_OF)
    assert result.outcome == "eligible"
    assert any("We assumed you" in text for text in result.assumptions)


def test_unknown_prison_term_suspended_rules_out_17b() -> None:
    result = determine(
        _with_unknown(case(FELONY_GRAND_THEFT), "prison_term_suspended"), as_of=AS_OF
    )
    assert result.reduction_17b is False
    assert any("17(b)" in text for text in result.assumptions)


def test_unknown_supervision_takes_the_longer_wait() -> None:
    data = case(FELONY_SALE, sentence="county_jail", sentence_end_date="2024-01-01")
    result = determine(_with_unknown(data, "mandatory_supervision"), as_of=AS_OF)
    assert (result.outcome, result.form_item, result.eligible_on) == (
        "wait",
        "5b",
        date(2026, 1, 2),
    )


def test_unknown_compliance_keeps_1203_4_discretionary() -> None:
    result = determine(_with_unknown(case(), "sentence_complied"), as_of=AS_OF)
    assert result.form_item == "2c"


def test_every_unknowable_field_has_an_assumption() -> None:
    facts = _with_unknown(case(), *UNKNOWABLE_FIELDS)
    result = determine(facts, as_of=AS_OF)
    assert len(result.assumptions) >= len(UNKNOWABLE_FIELDS)


def test_a_field_that_cannot_be_unknown_is_refused() -> None:
    with pytest.raises(ValueError, match="judgment_date"):
        determine(_with_unknown(case(), "judgment_date"), as_of=AS_OF)
