"""Reasons built from translatable templates (rules/findings.py)."""

from eligibility.engine.determination import Reason
from eligibility.engine.rules.findings import finding


def test_a_finding_without_parameters_is_its_template() -> None:
    assert finding("You completed probation.", "PC 1203.4(a)(1)") == Reason(
        text="You completed probation.",
        citation="PC 1203.4(a)(1)",
        template="You completed probation.",
        params=(),
    )


def test_a_finding_with_parameters_fills_the_text_and_keeps_the_template() -> None:
    # The web translates the template and fills the same parameters in the reader's language.
    assert finding("You may apply from %(date)s.", "PC 1203.4a(a)", date="2025-06-16") == Reason(
        text="You may apply from 2025-06-16.",
        citation="PC 1203.4a(a)",
        template="You may apply from %(date)s.",
        params=(("date", "2025-06-16"),),
    )
