"""The offense catalog: its content against the law notes, and lookup."""

import ast
import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest

from eligibility.engine import offenses
from eligibility.engine.offenses import FLAG_NAMES, LEVELS, Offense, catalog, lookup


def entry(code: str, section: str) -> Offense:
    """The exact entry, failing the test when it is missing (no parent fallback)."""
    found = [o for o in catalog() if o.code == code and o.section == section]
    assert found, f"{code} {section} missing from the catalog"
    return found[0]


# --- Data integrity -----------------------------------------------------------------------------


def test_catalog_is_large_enough() -> None:
    assert len(catalog()) >= 150


def test_entries_are_unique() -> None:
    keys = [(o.code, o.section) for o in catalog()]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("offense", catalog(), ids=lambda o: o.citation)
def test_every_true_flag_has_a_citation_and_no_false_flag_does(offense: Offense) -> None:
    true_flags = {name for name in FLAG_NAMES if getattr(offense, name)}
    assert set(offense.citations) == true_flags
    assert all(cite.strip() for cite in offense.citations.values())


@pytest.mark.parametrize("offense", catalog(), ids=lambda o: o.citation)
def test_entry_is_consistent(offense: Offense) -> None:
    assert offense.code in offenses.CODE_NAMES
    assert offense.levels
    assert offense.levels <= LEVELS
    assert offense.title_en.strip()
    assert offense.title_es.strip()
    # A wobbler can be either felony or misdemeanor; a wobblette either misdemeanor or infraction.
    if offense.wobbler:
        assert {"felony", "misdemeanor"} <= offense.levels
    if offense.wobblette:
        assert {"misdemeanor", "infraction"} <= offense.levels
    if offense.excluded_1203_4b_felony_only:
        assert "felony" in offense.levels
        assert not offense.excluded_1203_4b
    if offense.vc_42001_infraction:
        assert offense.code == "VC"
        assert "infraction" in offense.levels
    if offense.vc_42002_1:
        assert offense.code == "VC"
        assert "misdemeanor" in offense.levels
    if offense.serious_1192_7c or offense.violent_667_5c:
        assert "felony" in offense.levels
    if offense.prop_64:
        assert offense.code == "HS"


def test_offense_is_hashable_and_frozen() -> None:
    offense = entry("PC", "459")
    assert hash(offense) == hash(entry("PC", "459"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        offense.wobbler = False  # type: ignore[misc]


def test_offenses_module_is_pure_python() -> None:
    tree = ast.parse(Path(offenses.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        (node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    }
    assert "django" not in imported


# --- Loading: a mistake in the data file stops the loader, naming the entry ---------------------

ROBBERY = {
    "code": "PC",
    "section": "211",
    "title_en": "Robbery",
    "title_es": "Robo",
    "levels": ["felony"],
    "flags": {"serious_1192_7c": "Pen. Code, § 1192.7, subd. (c)(19)"},
}


def load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **changes: Any) -> tuple[Offense, ...]:
    """The catalog as loaded from a data file holding only ``ROBBERY`` with ``changes``."""
    data_file = tmp_path / "offenses.json"
    data_file.write_text(json.dumps({"offenses": [ROBBERY | changes]}), encoding="utf-8")
    monkeypatch.setattr(offenses, "DATA_FILE", data_file)
    return catalog.__wrapped__()  # past the cache: the process keeps the real catalog


def test_loading_an_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (robbery,) = load(tmp_path, monkeypatch)
    assert robbery == Offense(
        code="PC",
        section="211",
        title_en="Robbery",
        title_es="Robo",
        levels=frozenset({"felony"}),
        serious_1192_7c=True,
    )
    assert robbery.citations == {"serious_1192_7c": "Pen. Code, § 1192.7, subd. (c)(19)"}
    assert robbery.verify == ""  # no "verify": the entry is certain
    (robbery,) = load(tmp_path, monkeypatch, verify="Check the subdivision.")
    assert robbery.verify == "Check the subdivision."


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"flags": ["serious_1192_7c"]}, "PC 211: flags must be an object"),
        # A misspelt flag would otherwise be silently False; every one is named.
        (
            {"flags": {"wobler": "Pen. Code, § 17", "serius": "Pen. Code, § 1192.7"}},
            "PC 211: unknown flags ['serius', 'wobler']",
        ),
        ({"flags": {"wobbler": " "}}, "PC 211: flag wobbler has no citation"),
        ({"flags": {"wobbler": True}}, "PC 211: flag wobbler has no citation"),
        ({"levels": "felony"}, "PC 211: levels must be a list"),
        ({"levels": []}, "PC 211: bad levels []"),
        ({"levels": ["felony", "violation"]}, "PC 211: bad levels ['felony', 'violation']"),
        ({"section": "211 (a)"}, "PC 211 (a): section is not normalized"),
        ({"section": "Robbery"}, "PC Robbery: section is not normalized"),
    ],
)
def test_loading_rejects_a_mistake(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        load(tmp_path, monkeypatch, **changes)


# --- Every section the law notes name (shared/law/README.md) ------------------------------------

# PC 1203.4(b): dismissal excluded.
EXCLUDED_1203_4B = [
    ("PC", "286(c)"),
    ("PC", "287(c)"),
    ("PC", "288a(c)"),
    ("PC", "288"),
    ("PC", "288.5"),
    ("PC", "289(j)"),
    ("PC", "311.1"),
    ("PC", "311.2"),
    ("PC", "311.3"),
    ("PC", "311.11"),
]
# PC 1203.4(c): the VC 12810(a)-(e) offenses, dismissal discretionary only.
DISCRETIONARY_VC_12810 = [
    ("VC", "20001"),
    ("VC", "20002"),
    ("VC", "23152"),
    ("VC", "23153"),
    ("VC", "23103"),
    ("VC", "23104"),
    ("VC", "23105"),
    ("PC", "191.5(b)"),
    ("PC", "192(c)"),
    ("VC", "2800.2"),
    ("VC", "2800.3"),
    ("VC", "21651(b)"),
    ("VC", "22348(b)"),
    ("VC", "23109(a)"),
    ("VC", "23109(c)"),
    ("VC", "23109.1"),
    ("VC", "31602"),
    ("VC", "23140(a)"),
    ("VC", "23140(b)"),
    ("VC", "14601"),
    ("VC", "14601.1"),
    ("VC", "14601.2"),
    ("VC", "14601.3"),
    ("VC", "14601.5"),
]
# VC 42002.1 misdemeanors: VC 2800, 2801 and 2803 only "insofar as it affects a failure to stop
# and submit to inspection of equipment or for an unsafe condition", charged as VC 42002.1.
VC_42002_1 = [("VC", "42002.1")]
# PC 4852.01: no certificate of rehabilitation.
EXCLUDED_CERT_REHAB = [
    ("PC", "286(c)"),
    ("PC", "288"),
    ("PC", "287(c)"),
    ("PC", "288a(c)"),
    ("PC", "288.5"),
    ("PC", "289(j)"),
]
# Named elsewhere in the notes: longer certificate periods, 1203.49, firearm bans, registration,
# the VC 42001 example.
OTHER_NAMED = [
    ("PC", "187"),
    ("PC", "209"),
    ("PC", "219"),
    ("PC", "4500"),
    ("PC", "18755"),
    ("PC", "647(b)"),
    ("PC", "29800"),
    ("PC", "29900"),
    ("PC", "290"),
    ("PC", "261.5(d)"),
    ("VC", "22350"),
]
ALL_NAMED = sorted(
    set(EXCLUDED_1203_4B + DISCRETIONARY_VC_12810 + VC_42002_1 + EXCLUDED_CERT_REHAB + OTHER_NAMED)
)


@pytest.mark.parametrize(("code", "section"), ALL_NAMED)
def test_every_section_the_law_notes_name_is_found(code: str, section: str) -> None:
    assert lookup(code, section) is not None


@pytest.mark.parametrize(("code", "section"), EXCLUDED_1203_4B)
def test_1203_4b_exclusions(code: str, section: str) -> None:
    offense = entry(code, section)
    assert offense.excluded_1203_4b
    assert "1203.4, subd. (b)" in offense.citations["excluded_1203_4b"]


def test_only_a_felony_261_5d_is_excluded() -> None:
    offense = entry("PC", "261.5(d)")
    assert offense.excluded_1203_4b_felony_only
    assert not offense.excluded_1203_4b
    assert not entry("PC", "261.5(b)").excluded_1203_4b_felony_only


def test_attempt_statute_is_not_excluded() -> None:
    assert not entry("PC", "664").excluded_1203_4b


@pytest.mark.parametrize(("code", "section"), DISCRETIONARY_VC_12810)
def test_vc_12810_offenses_are_discretionary(code: str, section: str) -> None:
    offense = lookup(code, section)
    assert offense is not None
    assert offense.discretionary_vc_12810
    assert "1203.4, subd. (c)" in offense.citations["discretionary_vc_12810"]


@pytest.mark.parametrize(("code", "section"), VC_42002_1)
def test_vc_42002_1_misdemeanors(code: str, section: str) -> None:
    offense = entry(code, section)
    assert offense.vc_42002_1
    assert offense.levels == {"misdemeanor"}


@pytest.mark.parametrize("section", ["2800", "2801", "2803"])
def test_plain_vc_2800_2801_2803_are_not_within_42002_1(section: str) -> None:
    offense = entry("VC", section)
    assert not offense.vc_42002_1
    assert "inspection" in offense.verify  # staff are told what would change it


def test_misdemeanor_288c_is_excluded_from_1203_4a() -> None:
    assert entry("PC", "288(c)").excluded_1203_4a
    assert entry("PC", "288").excluded_1203_4a  # a misdemeanor "288" can only be 288(c)
    assert "1203.4a, subd. (d)" in entry("PC", "288(c)").citations["excluded_1203_4a"]
    assert not entry("PC", "288(a)").excluded_1203_4a  # a straight felony


def test_human_trafficking_registration_is_236_1_b_and_c_not_a() -> None:
    assert not entry("PC", "236.1(a)").registrable_290
    assert entry("PC", "236.1(b)").registrable_290
    assert entry("PC", "236.1(c)").registrable_290


def test_catalog_fixes_of_the_legal_review() -> None:
    assert entry("PC", "166(c)(4)").wobbler
    assert entry("PC", "12022(b)(1)").serious_1192_7c
    assert "1192.7, subd. (c)(23)" in entry("PC", "12022(b)(1)").citations["serious_1192_7c"]
    assert not entry("PC", "653f(b)").wobbler
    for section in ("11359", "11360"):
        assert entry("HS", section).straight_felony_before_prop_64


def test_bare_459_asks_for_the_degree_and_assumes_nothing() -> None:
    burglary = entry("PC", "459")
    assert burglary.degree_needed
    assert not burglary.wobbler  # second degree is not assumed
    assert burglary.serious_1192_7c  # read the cautious way until the degree is known
    assert "degree" in burglary.verify
    assert entry("PC", "460(b)").wobbler
    assert not entry("PC", "460(b)").degree_needed


@pytest.mark.parametrize(("code", "section"), EXCLUDED_CERT_REHAB)
def test_certificate_of_rehabilitation_exclusions(code: str, section: str) -> None:
    assert entry(code, section).excluded_cert_rehab


def test_certificate_exclusion_is_not_over_applied() -> None:
    for code, section in [("PC", "187"), ("PC", "261"), ("PC", "289"), ("PC", "286")]:
        assert not entry(code, section).excluded_cert_rehab


def test_speeding_is_a_vc_42001_infraction() -> None:
    offense = entry("VC", "22350")
    assert offense.vc_42001_infraction
    assert offense.levels == {"infraction"}


# --- Flags of common offenses -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "section"),
    [
        ("PC", "460(b)"),
        ("PC", "487(a)"),
        ("PC", "245(a)(1)"),
        ("PC", "273.5"),
        ("PC", "496(a)"),
        ("PC", "422"),
        ("PC", "666"),
        ("VC", "10851"),
        ("VC", "20001"),
        ("HS", "11377"),
    ],
)
def test_wobblers(code: str, section: str) -> None:
    offense = entry(code, section)
    assert offense.wobbler
    assert "§ 17, subd. (b)" in offense.citations["wobbler"]


@pytest.mark.parametrize(
    ("code", "section", "levels"),
    [
        ("PC", "460(a)", {"felony"}),
        ("PC", "211", {"felony"}),
        ("HS", "11379", {"felony"}),
        ("HS", "11351", {"felony"}),
        ("PC", "29800", {"felony"}),
        ("PC", "647(f)", {"misdemeanor"}),
        ("PC", "242", {"misdemeanor"}),
        ("VC", "20002", {"misdemeanor"}),
        ("HS", "11350", {"felony", "misdemeanor"}),
        ("PC", "490.2", {"felony", "misdemeanor"}),
    ],
)
def test_straight_levels(code: str, section: str, levels: set[str]) -> None:
    offense = entry(code, section)
    assert offense.levels == levels
    assert not offense.wobbler


@pytest.mark.parametrize(
    ("code", "section"),
    [("PC", "484(a)"), ("PC", "488")],
)
def test_petty_theft_is_a_misdemeanor(code: str, section: str) -> None:
    offense = entry(code, section)
    assert "misdemeanor" in offense.levels
    assert "felony" not in offense.levels


@pytest.mark.parametrize(
    ("code", "section"),
    [
        ("PC", "415"),
        ("VC", "12500"),
        ("VC", "14601.1"),
        ("VC", "40508"),
        ("BP", "25662"),
        ("PC", "602.13"),
        ("VC", "5201.1"),
        ("VC", "27150.1"),
    ],
)
def test_pc_19_8_wobblettes(code: str, section: str) -> None:
    offense = entry(code, section)
    assert offense.wobblette
    assert "§ 17, subd. (d)" in offense.citations["wobblette"]


def test_robbery_is_serious_and_violent() -> None:
    robbery = entry("PC", "211")
    assert robbery.serious_1192_7c
    assert robbery.violent_667_5c
    assert robbery.citations["serious_1192_7c"] == "Pen. Code, § 1192.7, subd. (c)(19)"
    assert robbery.citations["violent_667_5c"] == "Pen. Code, § 667.5, subd. (c)(9)"


@pytest.mark.parametrize(
    ("code", "section", "serious", "violent"),
    [
        ("PC", "187", True, True),
        ("PC", "215", True, True),
        ("PC", "460(a)", True, False),
        ("PC", "245(a)(1)", True, False),
        ("PC", "422", True, False),
        ("PC", "245(a)(4)", False, False),
        ("PC", "459", True, False),  # cautious until the degree is known
        ("PC", "273.5", False, False),
        ("HS", "11352", False, False),
    ],
)
def test_serious_and_violent(code: str, section: str, serious: bool, violent: bool) -> None:
    offense = entry(code, section)
    assert (offense.serious_1192_7c, offense.violent_667_5c) == (serious, violent)


@pytest.mark.parametrize(
    ("code", "section", "registrable"),
    [
        ("PC", "261", True),
        ("PC", "288", True),
        ("PC", "314", True),
        ("PC", "647.6", True),
        ("PC", "243.4", True),
        ("PC", "311.11", True),
        ("PC", "266h(b)", True),
        ("PC", "266h", False),
        ("PC", "261.5(c)", False),
        ("PC", "647(a)", False),
        ("PC", "459", False),
    ],
)
def test_registrable(code: str, section: str, registrable: bool) -> None:
    assert entry(code, section).registrable_290 is registrable


@pytest.mark.parametrize(
    ("code", "section"),
    [
        ("PC", "459.5"),
        ("PC", "473"),
        ("PC", "476a"),
        ("PC", "490.2"),
        ("PC", "496"),
        ("PC", "666"),
        ("HS", "11350"),
        ("HS", "11357"),
        ("HS", "11377"),
    ],
)
def test_prop_47(code: str, section: str) -> None:
    offense = entry(code, section)
    assert offense.prop_47
    assert "1170.18" in offense.citations["prop_47"]


@pytest.mark.parametrize("section", ["11357", "11358", "11359", "11360"])
def test_prop_64(section: str) -> None:
    offense = entry("HS", section)
    assert offense.prop_64
    assert "11361.8" in offense.citations["prop_64"]


def test_drug_sales_are_not_prop_47() -> None:
    assert not entry("HS", "11379").prop_47
    assert not entry("HS", "11352").prop_47


# --- Lookup -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "section", "expected"),
    [
        ("PC", "245(a)(1)", "245(a)(1)"),
        ("PC", "288(c)(1)", "288(c)"),
        ("PC", "288(a)", "288(a)"),
        ("PC", "286(c)(2)(a)", "286(c)"),
        ("PC", "286(b)(1)", "286"),
        ("PC", "261.5(d)(1)", "261.5(d)"),
        ("PC", "288a(c)(1)", "288a(c)"),
        ("PC", "245(a)(3)", "245"),
        ("PC", "594(a)", "594"),
        ("VC", "23140(a)", "23140"),
        ("VC", "23152(a)(1)", "23152(a)"),
        ("VC", "23152(c)", "23152"),
        ("HS", "11351.5", "11351.5"),
        ("pc", "459", "459"),
        (" PC ", "459", "459"),
        ("PC", "245 (A)(1)", "245(a)(1)"),
    ],
)
def test_lookup_exact_or_nearest_listed_parent(code: str, section: str, expected: str) -> None:
    found = lookup(code, section)
    assert found is not None
    assert found.section == expected


@pytest.mark.parametrize(
    ("code", "section"),
    [
        ("PC", "99999"),
        ("PC", "11350"),  # a Health and Safety Code section under the wrong code
        ("XX", "459"),
        ("PC", ""),
        ("PC", "not a section"),
        ("PC", "288b"),  # a lettered section is its own section, not a subdivision of 288
        ("HS", "11351.9"),  # nor is a decimal section a part of its integer neighbour
    ],
)
def test_lookup_unknown_is_none(code: str, section: str) -> None:
    assert lookup(code, section) is None


def test_lookup_returns_the_catalog_object() -> None:
    assert lookup("PC", "459") is entry("PC", "459")
