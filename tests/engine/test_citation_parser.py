"""The citation parser: every form people type, rejection of garbage, and properties."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eligibility.engine.offenses import (
    ParsedCitation,
    format_citation,
    normalize_section,
    parse_citation,
)

PC_459 = ParsedCitation("PC", "459", attempt=False)
PC_245A1 = ParsedCitation("PC", "245(a)(1)", attempt=False)
VC_23152B = ParsedCitation("VC", "23152(b)", attempt=False)
HS_11350 = ParsedCitation("HS", "11350", attempt=False)
ATTEMPT_211 = ParsedCitation("PC", "211", attempt=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PC 459", PC_459),
        ("459 PC", PC_459),
        ("Pen. Code § 459", PC_459),
        ("Pen. Code, § 459", PC_459),
        ("Penal Code section 459", PC_459),
        ("pc459", PC_459),
        ("P.C. 459", PC_459),
        ("p.c.459", PC_459),
        ("  459  ", PC_459),
        ("459", PC_459),
        ("Cal. Penal Code § 459", PC_459),
        ("California Penal Code section 459", PC_459),
        ("Cal. Veh. Code § 23152(b)", VC_23152B),
        ("§ 459", PC_459),
        ("section 459", PC_459),
        ("245(a)(1)", PC_245A1),
        ("245 (a)(1)", PC_245A1),
        ("245(A)(1)", PC_245A1),
        ("245 ( a ) ( 1 )", PC_245A1),
        ("PC 245(a)(1)", PC_245A1),
        ("VC 23152(b)", VC_23152B),
        ("Veh. Code § 23152(b)", VC_23152B),
        ("Vehicle Code 23152(B)", VC_23152B),
        ("23152(b) VC", VC_23152B),
        ("CVC 23152(b)", VC_23152B),
        ("H&S 11350", HS_11350),
        ("H & S 11350", HS_11350),
        ("HS 11350", HS_11350),
        ("HSC 11350", HS_11350),
        ("Health and Safety Code 11350", HS_11350),
        ("Health & Saf. Code, § 11350", HS_11350),
        ("11350 H&S", HS_11350),
        ("BP 25662", ParsedCitation("BP", "25662", attempt=False)),
        ("B&P 25662", ParsedCitation("BP", "25662", attempt=False)),
        ("Bus. & Prof. Code § 25662", ParsedCitation("BP", "25662", attempt=False)),
        ("W&I 871", ParsedCitation("WI", "871", attempt=False)),
        ("664/211", ATTEMPT_211),
        ("664-211", ATTEMPT_211),
        ("664 / 211", ATTEMPT_211),
        ("PC 664/211", ATTEMPT_211),
        ("664/211 PC", ATTEMPT_211),
        ("664/187(a)", ParsedCitation("PC", "187(a)", attempt=True)),
        ("664", ParsedCitation("PC", "664", attempt=False)),
        ("11351.5", ParsedCitation("PC", "11351.5", attempt=False)),
        ("HS 11351.5", ParsedCitation("HS", "11351.5", attempt=False)),
        ("288a(c)", ParsedCitation("PC", "288a(c)", attempt=False)),
        ("PC 476A", ParsedCitation("PC", "476a", attempt=False)),
        ("286(c)(2)(A)", ParsedCitation("PC", "286(c)(2)(a)", attempt=False)),
        ("1203.4a", ParsedCitation("PC", "1203.4a", attempt=False)),
        ("pc 459", PC_459),
        ("\uff30\uff23 \uff14\uff15\uff19", PC_459),  # full-width, as some phone keyboards type
    ],
)
def test_parses_what_people_type(text: str, expected: ParsedCitation) -> None:
    assert parse_citation(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "burglary",
        "PC",
        "hello 459",
        "459 hello",
        "XY 459",
        "Cal. 459",  # the state names no code
        "PC 459 VC",
        "0459",
        "459(",
        "459)",
        "459()",
        "459(a",
        "245(a)(1) extra",
        "123456",
        "459/211",
        "664/",
        "/211",
        "PC 459; DROP TABLE",
        "4 5 9",
        "459..5",
        "PC " + "9" * 200,
    ],
)
def test_rejects_garbage(text: str) -> None:
    assert parse_citation(text) is None


def test_reads_at_most_120_characters() -> None:
    assert parse_citation(" " * 114 + "PC 459") == PC_459  # 120
    assert parse_citation(" " * 115 + "PC 459") is None  # 121


@pytest.mark.parametrize("value", [None, 459, b"PC 459", ["PC 459"]])
def test_rejects_non_strings(value: object) -> None:
    assert parse_citation(value) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("245 (A)(1)", "245(a)(1)"),
        ("23152(b)", "23152(b)"),
        ("11351.5", "11351.5"),
        ("288A(C)", "288a(c)"),
        ("459 PC", None),
        ("", None),
    ],
)
def test_normalize_section(text: str, expected: str | None) -> None:
    assert normalize_section(text) == expected


def test_normalize_section_reads_strings_of_at_most_40_characters() -> None:
    forty = "11351.5" + "(a)(1)" * 5 + "(a)"
    assert normalize_section(forty) == forty
    assert normalize_section("11351.5" + "(a)(1)" * 5 + "(10)") is None  # 41
    assert normalize_section(None) is None
    assert normalize_section(459) is None


def test_format_citation_is_canonical() -> None:
    assert format_citation(ATTEMPT_211) == "PC 664/211"
    assert str(VC_23152B) == "VC 23152(b)"


# --- Properties ---------------------------------------------------------------------------------

CITATION_ALPHABET = "0123456789()/-.&§ abcdefghijklmnopqrstuvwxyzABCHPSV,;"


@given(st.text(max_size=200))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    result = parse_citation(text)
    assert result is None or isinstance(result, ParsedCitation)


@given(st.text(alphabet=CITATION_ALPHABET, max_size=40))
@settings(max_examples=500)
def test_never_raises_on_citation_like_text(text: str) -> None:
    result = parse_citation(text)
    if result is not None:
        # Whatever it accepts is already normalized: parsing its canonical form is a fixed point.
        assert parse_citation(format_citation(result)) == result
        assert normalize_section(result.section) == result.section


_subdivision = st.one_of(
    st.sampled_from("abcdefghjk"),
    st.integers(min_value=1, max_value=12).map(str),
)


@st.composite
def valid_citations(draw: st.DrawFn) -> ParsedCitation:
    number = str(draw(st.integers(min_value=1, max_value=99999)))
    letter = draw(st.sampled_from(["", "", "a", "h"]))
    decimal = draw(st.sampled_from(["", "", ".1", ".5", ".22"]))
    subdivisions = draw(st.lists(_subdivision, max_size=3))
    section = number + letter + decimal + "".join(f"({sub})" for sub in subdivisions)
    return ParsedCitation(
        code=draw(st.sampled_from(["PC", "VC", "HS", "BP", "WI"])),
        section=section,
        attempt=draw(st.booleans()),
    )


# Ways of writing each code; the spelling people use most for each.
_CODE_SPELLINGS = {
    "PC": ["PC", "pc", "P.C.", "Pen. Code §", "Penal Code section"],
    "VC": ["VC", "Veh. Code §", "Vehicle Code"],
    "HS": ["HS", "H&S", "Health and Safety Code"],
    "BP": ["BP", "B&P", "Bus. & Prof. Code §"],
    "WI": ["WI", "W&I", "Welf. & Inst. Code §"],
}


@given(
    valid_citations(),
    st.integers(min_value=0, max_value=4),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["/", "-", " / "]),
)
def test_round_trips_generated_citations(
    citation: ParsedCitation, spelling: int, code_after: bool, upper: bool, slash: str
) -> None:
    spellings = _CODE_SPELLINGS[citation.code]
    code_text = spellings[spelling % len(spellings)]
    section = citation.section.upper() if upper else citation.section
    body = (f"664{slash}" if citation.attempt else "") + section
    text = f"{body} {code_text}" if code_after and "§" not in code_text else f"{code_text} {body}"
    assert parse_citation(text) == citation
    assert parse_citation(format_citation(citation)) == citation
