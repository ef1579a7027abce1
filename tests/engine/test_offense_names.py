"""What people type for an offense, resolved to the offense catalog (engine/offense_names.py)."""

import json

import pytest

from eligibility.engine import offense_names, offenses
from eligibility.engine.offense_names import OffenseMatch, resolve


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
        # PC 664: an attempted burglary is not the burglary whose degree is asked.
        ("664-459", ["PC 664/459"]),
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


def test_a_pair_is_read_in_the_code_it_names():
    # The Vehicle Code has no 484/488: what the person typed is not the Penal Code's petty theft.
    assert citations("484/488 VC") == []


@pytest.mark.parametrize("typed", ["", "   ", "zorbling", "x" * 121, None, 484])
def test_nothing_fits(typed):
    assert resolve(typed).matches == ()


def test_up_to_the_forms_120_characters_are_read():
    assert citations("petty theft".ljust(120)) == ["PC 484(a)"]
    assert citations("petty theft".ljust(121)) == []


def test_a_match_carries_both_titles():
    petty_theft = OffenseMatch(
        "PC", "484(a)", False, "Petty theft", "Hurto menor (robo de poco valor)"
    )
    assert resolve("petty theft").matches == (petty_theft,)
    assert resolve("PC 484(a)").matches == (petty_theft,)
    assert resolve("shoplifting").matches == (
        OffenseMatch(
            "PC",
            "459.5",
            False,
            "Shoplifting ($950 or less)",
            "Robo en tienda (950 dólares o menos)",
        ),
    )
    dui = resolve("DUI").matches[0]
    assert dui.title("en") == "Driving under the influence of alcohol or drugs"
    assert dui.title("es") == "Manejar bajo los efectos del alcohol (o drogas, antes de 2014)"


def test_a_section_the_catalog_does_not_list_is_taken_as_typed_without_a_title():
    assert resolve("PC 12345").matches == (OffenseMatch("PC", "12345", False, "", ""),)


def test_a_subdivision_keeps_its_precision_and_its_parents_title():
    assert resolve("PC 245(a)(1)(A)").matches == (
        OffenseMatch(
            "PC", "245(a)(1)(a)", False, "Assault with a deadly weapon", "Asalto con arma mortal"
        ),
    )


def test_every_name_in_the_data_points_at_catalog_entries():
    records = json.loads(offense_names.DATA_FILE.read_text(encoding="utf-8"))["names"]
    for record in records:
        assert record["why"], record["names"]
        for citation in [*record["offenses"], *([record["unsure"]] if "unsure" in record else [])]:
            parsed = offenses.parse_citation(citation)
            assert parsed is not None, citation
            assert offenses.lookup(parsed.code, parsed.section) is not None, citation


# Searching the titles: every word typed must begin a word of one title; a whole word counts 2,
# a word's beginning 1, and a match in the reader's language counts double. Equal scores go to
# the title with fewer words in the reader's language, then to catalog order. Each expected list
# is worked out from the catalog's titles (data/offenses.json).
@pytest.mark.parametrize(
    ("typed", "language", "expected"),
    [
        # "cannabis" is a whole word of the same five titles in both languages: fewest words first.
        # English: cultivating cannabis (2 words), possession of cannabis (3), selling or
        # transporting (4), possession ... for sale (5), cannabis in a vehicle while driving (6).
        ("cannabis", "en", ["HS 11358", "HS 11357", "HS 11360", "HS 11359", "VC 23222(b)"]),
        # Spanish: posesión de cannabis (marihuana) and cultivo ... (4 words each, catalog order),
        # venta o transporte (6), ... en el vehículo mientras maneja (7, before HS 11359's 7).
        ("cannabis", "es", ["HS 11357", "HS 11358", "HS 11360", "VC 23222(b)", "HS 11359"]),
        # Whole words before a word's beginning ("falsely"); then fewer words, then catalog order.
        ("false", "en", ["PC 236", "PC 529", "PC 148.9", "PC 532", "BP 25661", "PC 148.5"]),
        # Both words whole (by threat) beat a word's beginning ("threatening a public officer").
        ("threat officer", "en", ["PC 69", "PC 71"]),
        # VC 23105 and PC 18755 have "causa" whole and "graves" begun (3 points), PC 245(a)(4)
        # only begun words ("causar lesiones graves", 2 points); VC 23105's title is shorter.
        ("causa grave", "es", ["VC 23105", "PC 18755", "PC 245(a)(4)"]),
        # A Spanish reader's word begun ("testigo", PC 136.1) ties with the English title's whole
        # word ("chemical test", VC 14601.5); the shorter Spanish title (7 words, not 11) first.
        ("test", "es", ["PC 136.1", "VC 14601.5"]),
        # The same tie, won this time by the English title's word: "in concert" (PC 264.1, whose
        # Spanish title has 3 words) before "concertar una cita" (PC 288.4: 8 words).
        ("concert", "es", ["PC 264.1", "PC 288.4"]),
        # Only the first eight words count: a title typed in full with more after it is found.
        ("possession of a firearm by a prohibited person last year", "en", ["PC 29800"]),
    ],
)
def test_title_search_ranks_by_words_matched(typed, language, expected):
    assert [match.citation for match in resolve(typed, language=language).matches] == expected
