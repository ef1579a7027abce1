"""Issue 18 item 5: the Judicial Council's own CR-180 and CR-181, filled, when OFFICIAL_FORMS_DIR
holds them; the rendition otherwise, with system check forms_filler.W003 when a form is missing or
wrong.

The official PDFs come from ../shared/forms (beside the repository; never copied into it). The
tests link them into a temporary directory under the names the portal expects. Values are read
back with pypdf, not with the pikepdf that wrote them.
"""

import dataclasses
import json
import os
from datetime import date
from io import BytesIO, StringIO
from pathlib import Path

import pypdf
import pypdfium2
import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.test import override_settings
from PIL import Image

from forms_filler.render import official_fields as fields
from forms_filler.render import render_packet_pdf
from forms_filler.render.official import official_forms

from .conftest import PETITIONER_JSON, case, count, packet, page_texts, part_sequence

REPO = Path(__file__).resolve().parents[2]
CANDIDATES = [
    Path(os.environ["OFFICIAL_FORMS_TEST_DIR"])
    if os.environ.get("OFFICIAL_FORMS_TEST_DIR")
    else None,
    REPO.parent / "shared" / "forms",  # a checkout beside shared/ (CI, /work/main)
    REPO.parent.parent / "shared" / "forms",  # a worktree under /work/wt/
]
SHARED_FORMS = next(
    (path for path in CANDIDATES if path and (path / "cr180-rev2024.pdf").is_file()), None
)
pytestmark = pytest.mark.skipif(
    SHARED_FORMS is None,
    reason="The official CR-180/CR-181 PDFs are not in ../shared/forms (set "
    "OFFICIAL_FORMS_TEST_DIR to the directory holding cr180-rev2024.pdf and cr181-rev2024.pdf).",
)

CR180 = "CR-180[0].Page1[0]"
CR180_P2 = "CR-180[0].Page2[0]"
CR180_P3 = "CR-180[0].Page3[0]"
CR181 = "CR-181[0].Page1[0]"
CR181_P2 = "CR-181[0].Page2[0]"
CASE_NUMBER_P1 = f"{CR180}.P1Caption[0].HeaderSub[0].Stmp[0].CaseNumber[0].CaseNumber1[0]"
ROW1 = f"{CR180}.LI1[0].li1[0].ConvTable[0].Row1[0]"
ROW2 = f"{CR180}.LI1[0].li1[0].ConvTable[0].Row2[0]"


def official(name: str) -> Path:
    assert SHARED_FORMS is not None
    return SHARED_FORMS / f"{name}-rev2024.pdf"


@pytest.fixture
def forms_dir(tmp_path: Path) -> Path:
    (tmp_path / "cr180.pdf").symlink_to(official("cr180"))
    (tmp_path / "cr181.pdf").symlink_to(official("cr181"))
    return tmp_path


def pypdf_fields(pdf: bytes | Path) -> dict[str, object]:
    source = pdf if isinstance(pdf, Path) else BytesIO(pdf)
    found = pypdf.PdfReader(source).get_fields() or {}
    return {name: field.get("/V") for name, field in found.items()}


def rendered(forms_directory: Path | str, *cases, **kwargs) -> bytes:
    with override_settings(OFFICIAL_FORMS_DIR=str(forms_directory)):
        return render_packet_pdf(packet(*cases, **kwargs))


def w003(forms_directory: Path | str) -> list[str]:
    with override_settings(OFFICIAL_FORMS_DIR=str(forms_directory)):
        messages = run_checks(tags=["packets"])
    return [message.msg for message in messages if message.id == "forms_filler.W003"]


# --- The mapping ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "names"), [("cr180", fields.cr180_fields()), ("cr181", fields.cr181_fields())]
)
def test_every_mapped_field_exists_in_the_official_pdf(form, names):
    present = set(pypdf_fields(official(form)))
    assert [name for name in names if name not in present] == []


def fillable_fields(form: str) -> dict[str, str]:
    """Every field a person can fill on the official form, with its type (/Tx or /Btn)."""
    found = pypdf.PdfReader(official(form)).get_fields() or {}
    return {
        name: str(field["/FT"])
        for name, field in found.items()
        if field.get("/FT") in ("/Tx", "/Btn") and not int(field.get("/Ff", 0)) & (1 << 16)
    }


@pytest.mark.parametrize(
    ("form", "names"), [("cr180", fields.cr180_fields()), ("cr181", fields.cr181_fields())]
)
def test_every_field_of_the_official_form_is_mapped(form, names):
    """Filled, or named as left blank: a field the mapping forgot would stay empty unseen."""
    assert sorted(set(fillable_fields(form)) - set(names)) == []


def test_boxes_are_check_boxes_and_everything_else_text():
    cr180 = fillable_fields("cr180")
    assert {name for name, kind in cr180.items() if kind == "/Btn"} == set(
        fields.CR180_BOXES.values()
    )
    # CR-180 has 18 boxes and 58 text fields; CR-181 29 boxes, all the court's.
    assert len(fields.CR180_BOXES) == 18
    assert len([kind for kind in cr180.values() if kind == "/Tx"]) == 58
    cr181 = fillable_fields("cr181")
    assert {name for name, kind in cr181.items() if kind == "/Btn"} == set(fields.CR181_ORDER_BOXES)
    assert len(fields.CR181_ORDER_BOXES) == 29


# --- Filled values, read back -------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_case_packet(tmp_path_factory) -> bytes:
    directory = tmp_path_factory.mktemp("official")
    (directory / "cr180.pdf").symlink_to(official("cr180"))
    (directory / "cr181.pdf").symlink_to(official("cr181"))
    return rendered(
        directory,
        case(
            form_item="2c",
            outcome="discretionary",
            counts=(
                count("487(a)", "felony", reduction_17b=True),
                count("23152(a)", "misdemeanor", code="VC"),
            ),
        ),
        case(case_number="23MI000777", county="Yolo", form_item="3a"),
        declaration="I have worked at the same bakery since 2021 and care for my mother.",
    )


def test_the_packet_keeps_its_order_with_the_official_forms(two_case_packet):
    assert part_sequence(two_case_packet) == [
        "cover", "cr180", "cr181", "declaration", "cover", "cr180", "cr181",
    ]  # fmt: skip
    # Cover (1 page), CR-180 (3), CR-181 (2), declaration (1); then 1 + 3 + 2, as the rendition.
    assert len(pypdf.PdfReader(BytesIO(two_case_packet)).pages) == 7 + 6


def test_a_mixed_packet_has_the_renditions_parts_and_pages(forms_dir):
    six_counts = tuple(count(f"48{n}") for n in range(6))
    cases = (
        case(case_number="NOPE1", outcome="not_eligible", form_item=None),
        case(form_item="2c", outcome="discretionary", counts=six_counts),
    )
    official_pdf = rendered(forms_dir, *cases, declaration="A statement.")
    rendition_pdf = rendered("", *cases, declaration="A statement.")
    expected = ["not_eligible", "cover", "cr180", "cr181", "declaration", "attachment"]
    assert part_sequence(rendition_pdf) == expected
    assert part_sequence(official_pdf) == expected
    pages = [len(pypdf.PdfReader(BytesIO(pdf)).pages) for pdf in (official_pdf, rendition_pdf)]
    assert pages[0] == pages[1]
    values = pypdf_fields(official_pdf)
    assert values[CASE_NUMBER_P1] == "22FE012345"
    assert values[f"{CR180}.LI1[0].li1[0].ConvTable[0].Row5[0].Section5[0]"] == "484"
    # The not-eligible case has no petition, so the only copy is the second case's.
    assert not any(name.startswith("CR-180[1]") for name in values)
    # Item 1 points to the attachment, as the rendition does, under the table.
    assert [text for text in page_texts(official_pdf) if "See Attachment 1." in text] == [
        next(text for text in page_texts(official_pdf) if "Vehicle, etc.)" in text)
    ]


def test_no_attachment_no_pointer(two_case_packet):
    assert not [text for text in page_texts(two_case_packet) if "See Attachment" in text]


def test_caption_item_1_and_signature_read_back(two_case_packet):
    values = pypdf_fields(two_case_packet)
    attorney = f"{CR180}.P1Caption[0].AttyPartyInfo[0]"
    assert values[f"{attorney}.Name[0]"] == "Ana María Ruiz"
    assert values[f"{attorney}.Street[0]"] == "1200 J Street, Apt. 4"
    assert values[f"{attorney}.City[0]"] == "Sacramento"
    assert values[f"{attorney}.State[0]"] == "CA"
    assert values[f"{attorney}.Zip[0]"] == "95814"
    assert values[f"{attorney}.Phone[0]"] == "(916) 555-0100"
    assert values[f"{attorney}.Email[0]"] == "ana@example.org"
    assert values[f"{attorney}.AttyFor[0]"] == "In pro per"
    assert values[f"{attorney}.AttyBarNo[0]"] is None
    assert values[f"{CR180}.P1Caption[0].CourtInfo[0].CrtCounty[0]"] == "SACRAMENTO"
    assert values[f"{CR180}.P1Caption[0].TitlePartyName[0].Defendant[0]"] == "Ana María Ruiz"
    assert values[CASE_NUMBER_P1] == "22FE012345"
    assert values[f"{CR180_P2}.pXCaption[0].CaseNumber1[0]"] == "22FE012345"
    assert values[f"{CR180_P3}.pXCaption[0].Defendant[0]"] == "Ana María Ruiz"
    assert values[f"{CR180}.LI1[0].li1[0].ConvictionDate[0]"] == "03/04/2021"
    row1 = [values[f"{ROW1}.{name}1[0]"] for name in ("Code", "Section", "TypeOff")]
    assert row1 == ["PC", "487(a)", "Felony"]
    assert values[f"{ROW1}.Reduce1[0]"] == "Yes"
    assert values[f"{ROW1}.Offense1[0]"] == "No"
    row2 = [values[f"{ROW2}.{name}2[0]"] for name in ("Code", "Section", "TypeOff", "Reduce")]
    assert row2 == ["VC", "23152(a)", "Misdemeanor", "No"]
    assert values[f"{CR180}.LI1[0].li1[0].ConvTable[0].Row3[0].Code3[0]"] is None
    assert values[f"{CR180_P3}.SigName[0]"] == "Ana María Ruiz"
    assert values[f"{CR180_P3}.SigDate[0]"] is None
    assert values[f"{CR180}.P1Caption[0].HeaderSub[0].CrtUse[0].DateField2[0]"] is None


def checked_boxes(pdf: bytes, root: str) -> set[str]:
    found = pypdf.PdfReader(BytesIO(pdf)).get_fields() or {}
    return {
        name
        for name, field in found.items()
        if name.startswith(root)
        and field.get("/FT") == "/Btn"
        and str(field.get("/V", "/Off")).lower() != "/off"
    }


def test_the_engines_item_and_its_parent_are_the_only_boxes_checked(two_case_packet):
    assert checked_boxes(two_case_packet, "CR-180[0]") == {
        f"{CR180}.LI2[0].ProbationGranted[0]",
        f"{CR180}.LI2[0].li2c[0].ProbationGrantedReason[0]",
    }
    # The second case is filed under item 3a (PC 1203.4a), on page 2.
    assert checked_boxes(two_case_packet, "CR-180[1]") == {
        "CR-180[1].Page2[0].LI3[0].OffenseWSentence[0]",
        "CR-180[1].Page2[0].LI3[0].li3a[0].ProbationNotGrantedReason[0]",
    }
    assert checked_boxes(two_case_packet, "CR-181") == set()


def test_the_short_statement_fills_the_items_writing_space(two_case_packet):
    values = pypdf_fields(two_case_packet)
    assert values[f"{CR180}.LI2[0].li2c[0].TextField6[0]"] == (
        "I have worked at the same bakery since 2021 and care for my mother.\n"
        "This statement is also made under penalty of perjury in the attached declaration "
        "(form MC-031)."
    )
    # The second case's item (3a) is not discretionary: no statement anywhere on its form.
    assert values["CR-180[1].Page1[0].LI2[0].li2c[0].TextField6[0]"] is None
    assert values["CR-180[1].Page2[0].LI3[0].li3b[0].TextField6[0]"] is None


def test_the_second_case_has_its_own_renamed_copy_of_each_form(two_case_packet):
    values = pypdf_fields(two_case_packet)
    assert values[CASE_NUMBER_P1] == "22FE012345"
    assert values[CASE_NUMBER_P1.replace("CR-180[0]", "CR-180[1]")] == "23MI000777"
    assert values["CR-180[1].Page1[0].P1Caption[0].CourtInfo[0].CrtCounty[0]"] == "YOLO"
    case_number_2 = "CR-181[1].Page1[0].Caption[0].HeaderSub[0].CaseNumber[0].CaseNumber2[0]"
    assert values[case_number_2] == "23MI000777"


def test_the_order_is_left_to_the_court(two_case_packet):
    values = pypdf_fields(two_case_packet)
    assert values[f"{CR181}.Caption[0].HeaderSub[0].CaseNumber[0].CaseNumber2[0]"] == "22FE012345"
    assert values[f"{CR181}.Caption[0].TitlePartyName[0].Party1[0]"] == "Ana María Ruiz"
    assert values[f"{CR181_P2}.P2Header[0].Party1[0]"] == "Ana María Ruiz"
    assert values[f"{CR181}.Caption[0].CourtInfo[0].CrtCounty[0]"] == "SACRAMENTO"
    for name in (*fields.CR181_ORDER_BOXES, *fields.CR181_ORDER_TEXT):
        assert str(values[name] or "/Off").lower() == "/off", name


def test_xfa_usage_rights_and_screen_buttons_are_gone_and_appearances_drawn(two_case_packet):
    reader = pypdf.PdfReader(BytesIO(two_case_packet))
    root = reader.trailer["/Root"]
    acroform = root["/AcroForm"]
    assert "/XFA" not in acroform
    assert "/Perms" not in root
    assert acroform.get("/NeedAppearances") in (None, False)
    names = set(reader.get_fields() or {})
    assert not [name for name in names if name.endswith(("Print[0]", "Save[0]", "Reset[0]"))]
    case_number = next(
        annotation.get_object()
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/T") == "CaseNumber1[0]"
        and annotation.get_object().get("/V") == "22FE012345"
    )
    appearance = case_number["/AP"]["/N"].get_object().get_data()
    assert b"(22FE012345) Tj" in appearance


def test_the_title_and_language_stay_the_packets(two_case_packet):
    reader = pypdf.PdfReader(BytesIO(two_case_packet))
    assert reader.metadata is not None
    assert reader.metadata.title == (
        "Petition for Dismissal – Sacramento 22FE012345; Yolo 23MI000777"  # noqa: RUF001
    )
    assert reader.trailer["/Root"]["/Lang"] == "en"


# --- One page image against the rendition's --------------------------------------------------


def page_image(pdf: bytes, index: int, dpi: int = 50) -> Image.Image:
    document = pypdfium2.PdfDocument(pdf)
    document.init_forms()  # draws the fields' appearance streams
    try:
        return document[index].render(scale=dpi / 72, may_draw_forms=True).to_pil().convert("L")
    finally:
        document.close()


def ink(image: Image.Image, cells: tuple[int, int] = (34, 44)) -> list[float]:
    """How dark each cell of a coarse grid is (0 white, 255 black)."""
    small = image.resize(cells, Image.Resampling.BOX)
    return [255 - value for value in small.get_flattened_data()]


def correlation(a: list[float], b: list[float]) -> float:
    mean_a, mean_b = sum(a) / len(a), sum(b) / len(b)
    covariance = sum((x - mean_a) * (y - mean_b) for x, y in zip(a, b, strict=True))
    spread_a = sum((x - mean_a) ** 2 for x in a) ** 0.5
    spread_b = sum((y - mean_b) ** 2 for y in b) ** 0.5
    return covariance / (spread_a * spread_b)


def dark_fraction(image: Image.Image, box: tuple[float, float, float, float]) -> float:
    """Share of dark pixels in a box given in PDF points (origin bottom left, US Letter)."""
    scale = image.width / 612
    left, bottom, right, top = box
    pixel_box = (left * scale, (792 - top) * scale, right * scale, (792 - bottom) * scale)
    region = image.crop(tuple(int(value) for value in pixel_box))
    pixels = list(region.get_flattened_data())
    return sum(1 for value in pixels if value < 128) / len(pixels)


def test_cr180_page_1_looks_like_the_renditions_and_shows_the_case_number(forms_dir):
    one_case = (case(form_item="2a"),)
    official_pdf = rendered(forms_dir, *one_case)
    rendition_pdf = rendered("", *one_case)
    # Page 1 is the cover in both; page 2 is CR-180's first page; page 5 is CR-181's first.
    official_page = page_image(official_pdf, 1)
    rendition_page = page_image(rendition_pdf, 1)
    rendition_order = page_image(rendition_pdf, 4)
    same_form = correlation(ink(official_page), ink(rendition_page))
    other_form = correlation(ink(official_page), ink(rendition_order))
    assert same_form > 0.7, same_form
    assert same_form > other_form + 0.2, (same_form, other_form)

    # The case number's field (its /Rect on the official form) has ink once filled, none blank.
    reader = pypdf.PdfReader(official("cr180"))
    widget = next(
        annotation.get_object()
        for annotation in reader.pages[0]["/Annots"]
        if annotation.get_object().get("/T") == "CaseNumber1[0]"
    )
    box = tuple(float(value) for value in widget["/Rect"])
    blank = page_image(official("cr180").read_bytes(), 0)
    assert dark_fraction(blank, box) == 0
    assert dark_fraction(official_page, box) > 0.02
    # The rendition prints its case number in the same box of the caption, give or take.
    assert dark_fraction(rendition_page, box) > 0.02


# --- Falling back to the rendition ------------------------------------------------------------


def is_rendition(pdf: bytes) -> bool:
    reader = pypdf.PdfReader(BytesIO(pdf))
    return "/AcroForm" not in reader.trailer["/Root"] and "☒" in reader.pages[1].extract_text()


def test_without_the_setting_packets_use_the_rendition_and_no_warning():
    assert is_rendition(rendered("", case()))
    assert w003("") == []


def test_a_good_directory_gives_no_warning_and_a_filled_form(forms_dir):
    assert w003(forms_dir) == []
    assert not is_rendition(rendered(forms_dir, case()))


def test_a_missing_form_warns_and_falls_back(forms_dir):
    (forms_dir / "cr181.pdf").unlink()
    messages = w003(forms_dir)
    assert len(messages) == 1
    assert "cr181.pdf is missing" in messages[0]
    assert is_rendition(rendered(forms_dir, case()))


def test_a_missing_directory_warns_and_falls_back(tmp_path):
    missing = tmp_path / "nowhere"
    assert len(w003(missing)) == 2
    assert is_rendition(rendered(missing, case()))


def test_the_wrong_form_warns_and_falls_back(forms_dir):
    # CR-181 saved as cr180.pdf: a real form, but not the petition.
    (forms_dir / "cr180.pdf").unlink()
    (forms_dir / "cr180.pdf").symlink_to(official("cr181"))
    messages = w003(forms_dir)
    assert len(messages) == 1
    assert "is not the CR-180" in messages[0]
    assert is_rendition(rendered(forms_dir, case()))


def test_a_file_that_is_not_a_pdf_warns_and_falls_back(forms_dir):
    (forms_dir / "cr181.pdf").unlink()
    (forms_dir / "cr181.pdf").write_text("<html>Page not found</html>")
    messages = w003(forms_dir)
    assert len(messages) == 1
    assert "is not a PDF that can be read" in messages[0]
    assert is_rendition(rendered(forms_dir, case()))


def test_a_name_the_forms_font_cannot_print_keeps_the_rendition(forms_dir):
    # The official forms draw in Windows-1252 Arial: "ễ" would print as "?".
    assert is_rendition(rendered(forms_dir, case(), name="Nguyễn Văn An"))
    assert not is_rendition(rendered(forms_dir, case(), name="José Muñoz"))


CLI_INPUT = {
    "petitioner": PETITIONER_JSON,
    "cases": [{"county": "Sacramento", "case_number": "22FE000123",
               "judgment_date": "2020-01-10",
               "counts": [{"code": "PC", "section": "487(a)", "level": "felony"}],
               "sentence": "probation", "sentence_end_date": "2023-05-10"}],
}  # fmt: skip


@pytest.mark.django_db
def test_build_packet_keeps_the_contracts_checkbox_glyphs_with_official_forms(
    forms_dir, tmp_path
) -> None:
    """The CLI's contract promises ☒/☐ in the text: it renders the rendition even when the
    operator's forms are configured."""
    source = tmp_path / "in.json"
    source.write_text(json.dumps(CLI_INPUT))
    out = tmp_path / "packet.pdf"
    with override_settings(OFFICIAL_FORMS_DIR=str(forms_dir)):
        assert official_forms() is not None  # configured and valid
        call_command(
            "build_packet", str(source), "--output", str(out), "--as-of", "2025-06-15",
            stdout=StringIO(),
        )  # fmt: skip
    reader = pypdf.PdfReader(out)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "☒" in text
    assert "☐" in text
    assert not reader.get_fields()  # no AcroForm: the rendition


def test_item_7_and_its_date_and_the_17d2_column_fill_the_official_form(forms_dir) -> None:
    """Deferred entry of judgment (PC 1203.43): 7 and 7a checked and the dismissal date in item
    7's field; a misdemeanor reducible under 17(d)(2) says Yes in item 1's last column."""
    dej = dataclasses.replace(
        case(form_item="7", outcome="eligible", counts=(count("11350", "felony", code="HS"),)),
        dej_dismissed_on=date(2021, 3, 1),
    )
    wobblette = case(
        case_number="23MI000888",
        form_item="3a",
        counts=(count("602.13", "misdemeanor", reduction_17d2=True),),
    )
    pdf = rendered(forms_dir, dej, wobblette)
    values = pypdf_fields(pdf)
    assert values[f"{CR180_P3}.LI7[0].DateField1[0]"] == "03/01/2021"
    assert checked_boxes(pdf, "CR-180[0]") == {
        f"{CR180_P3}.LI7[0].OffenseWSentence[0]",
        f"{CR180_P3}.LI7[0].li7a[0].Petitioner[0]",
    }
    assert values[f"{ROW1.replace('CR-180[0]', 'CR-180[1]')}.Offense1[0]"] == "Yes"
    assert values["CR-180[1].Page3[0].LI7[0].DateField1[0]"] is None
