"""Other routes the result mentions (rules/alternatives.py)."""

from eligibility.engine import determine, parse_case

from .scenarios import AS_OF, case, count


def alternatives(*counts: dict[str, object]) -> tuple[str, ...]:
    return determine(parse_case(case(*counts)), as_of=AS_OF).alternatives


def test_prop_47_is_suggested_for_a_listed_felony() -> None:
    assert "prop_47" in alternatives(count("HS", "11350", "felony"))


def test_prop_47_is_not_suggested_for_a_misdemeanor() -> None:
    # PC 1170.18 redesignates felonies as misdemeanors: a misdemeanor has nothing to redesignate.
    assert "prop_47" not in alternatives(count("HS", "11350", "misdemeanor"))
    assert "prop_47" not in alternatives(count("PC", "484(a)", "misdemeanor"))
