"""What people type for an offense, resolved to the offense catalog (engine/offense_names.py)."""

import json

import pytest

from eligibility.engine import offense_names, offenses
from eligibility.engine.offense_names import resolve


def citations(text: str) -> list[str]:
    return [match.citation for match in resolve(text).matches]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("petty theft", ["PC 484(a)"]),
        ("Petty  Theft", ["PC 484(a)"]),
        ("hurto menor", ["PC 484(a)"]),
        ("PC 484/488", ["PC 484(a)"]),
        ("484/488 PC", ["PC 484(a)"]),
        ("Penal Code 484(a)/488", ["PC 484(a)"]),
        ("11350 HS", ["HS 11350"]),
        ("H&S 11350", ["HS 11350"]),
        ("VC 23152(a)", ["VC 23152(a)"]),
        ("664/211", ["PC 664/211"]),
        ("second degree burglary", ["PC 460(b)"]),
        ("shoplifting", ["PC 459.5"]),
    ],
)
def test_one_reading(typed, expected):
    assert citations(typed) == expected


@pytest.mark.parametrize("typed", ["burglary", "459", "PC 459", "Penal Code 459"])
def test_a_bare_burglary_asks_the_degree_and_offers_i_dont_know(typed):
    resolution = resolve(typed)
    assert [m.citation for m in resolution.matches] == ["PC 460(a)", "PC 460(b)"]
    assert resolution.unsure is not None
    assert resolution.unsure.citation == "PC 459"


def test_dui_offers_the_subdivisions():
    resolution = resolve("DUI")
    assert [m.citation for m in resolution.matches] == [
        "VC 23152(a)",
        "VC 23152(b)",
        "VC 23152(f)",
        "VC 23152(g)",
        "VC 23153",
    ]
    assert resolution.matches[0].title("en") == "Driving under the influence of alcohol or drugs"


def test_words_fitting_several_titles_offer_them_but_never_a_bare_459():
    found = citations("robo")
    assert len(found) > 1
    assert "PC 211" in found
    assert "PC 459" not in found


@pytest.mark.parametrize("typed", ["", "   ", "zorbling", "x" * 121])
def test_nothing_fits(typed):
    assert resolve(typed).matches == ()


def test_a_section_the_catalog_does_not_list_is_taken_as_typed_without_a_title():
    (match,) = resolve("PC 12345").matches
    assert (match.code, match.section, match.title_en) == ("PC", "12345", "")


def test_a_subdivision_keeps_its_precision_and_its_parents_title():
    (match,) = resolve("PC 245(a)(1)(A)").matches
    assert match.section == "245(a)(1)(a)"
    assert match.title_en == "Assault with a deadly weapon"


def test_every_name_in_the_data_points_at_catalog_entries():
    records = json.loads(offense_names.DATA_FILE.read_text(encoding="utf-8"))["names"]
    for record in records:
        assert record["why"], record["names"]
        for citation in [*record["offenses"], *([record["unsure"]] if "unsure" in record else [])]:
            parsed = offenses.parse_citation(citation)
            assert parsed is not None, citation
            assert offenses.lookup(parsed.code, parsed.section) is not None, citation
