"""The packet PDF read back: caption, item 1, every box, attachments, order of parts, metadata."""

from io import BytesIO

import pypdf
import pytest

from forms_filler.render import render_packet_pdf
from forms_filler.render.documents import checkbox_glyphs

from .conftest import (
    CHECKED,
    CR180_BOX_LABELS,
    EMPTY,
    box_beside,
    case,
    count,
    normalized,
    packet,
    page_texts,
    part_sequence,
)

FORM_ITEMS = ("2a", "2b", "2c", "3a", "3b", "4", "5a", "5b", "5c", "6")
DISCRETIONARY = {"2c": "discretionary", "3b": "discretionary"}


def cr180_text(texts: list[str], case_number: str) -> str:
    """The three CR-180 pages of one case, joined."""
    for index, text in enumerate(texts):
        if "PETITION FOR DISMISSAL (Pen. Code" in text and case_number in text:
            return " ".join(texts[index : index + 3])
    raise AssertionError(f"no CR-180 for {case_number}")


@pytest.fixture(scope="module")
def petition_text_by_item() -> dict[str, str]:
    """One packet holding a case for each CR-180 item the engine can choose: one render, not ten.

    Each case is a one-page cover, three CR-180 pages and two CR-181 pages; only the petitions
    are read back (pypdf takes about 0.1 s a page).
    """
    cases = [
        case(
            case_number=f"CASE-{item}", form_item=item, outcome=DISCRETIONARY.get(item, "eligible")
        )
        for item in FORM_ITEMS
    ]
    reader = pypdf.PdfReader(BytesIO(render_packet_pdf(packet(*cases))))
    assert len(reader.pages) == 6 * len(FORM_ITEMS)
    texts = {}
    for index, item in enumerate(FORM_ITEMS):
        pages = reader.pages[6 * index + 1 : 6 * index + 4]
        texts[item] = normalized(" ".join(page.extract_text() for page in pages))
        assert f"CASE-{item}" in texts[item]
    return texts


@pytest.mark.parametrize("item", FORM_ITEMS)
def test_the_engines_item_and_its_parent_are_checked_and_no_other_box(petition_text_by_item, item):
    text = petition_text_by_item[item]
    expected = {item, item[:1]}
    for box, label in CR180_BOX_LABELS.items():
        glyph = box_beside(text, label)
        assert glyph == (CHECKED if box in expected else EMPTY), (box, glyph)


def test_checkbox_glyphs_cover_every_box_and_fall_back_to_the_remedys_item():
    assert checkbox_glyphs(form_item=None, remedy="1203.41")["5"] == CHECKED
    assert checkbox_glyphs(form_item=None, remedy="1203.41")["5a"] == EMPTY
    glyphs = checkbox_glyphs(form_item="3b", remedy="1203.4a")
    assert [box for box, glyph in glyphs.items() if glyph == CHECKED] == ["3", "3b"]
    assert set(glyphs.values()) == {CHECKED, EMPTY}


@pytest.fixture(scope="module")
def one_case_pdf() -> bytes:
    counts = (
        count("487(a)", "felony", reduction_17b=True),
        count("23152(b)", "misdemeanor", code="VC", title="DUI"),
        count("415", "misdemeanor", reduction_17d2=True, title="Disturbing the peace"),
    )
    return render_packet_pdf(packet(case(counts=counts, reduction_17b=True)))


def test_caption_names_the_petitioner_in_pro_per_the_court_and_the_case(one_case_pdf):
    first_page = page_texts(one_case_pdf)[1]
    assert "ATTORNEY OR PARTY WITHOUT ATTORNEY" in first_page
    assert "NAME: Ana María Ruiz" in first_page
    assert "STREET ADDRESS: 1200 J Street, Apt. 4" in first_page
    assert "CITY: Sacramento STATE: CA ZIP CODE: 95814" in first_page
    assert "TELEPHONE NO.: (916) 555-0100" in first_page
    assert "EMAIL ADDRESS: ana@example.org" in first_page
    assert "ATTORNEY FOR (name): In pro per" in first_page
    assert "SUPERIOR COURT OF CALIFORNIA, COUNTY OF SACRAMENTO" in first_page
    assert "DEFENDANT: Ana María Ruiz" in first_page
    assert "CASE NUMBER: 22FE012345" in first_page


def test_pages_two_and_three_repeat_the_short_caption_and_number_their_pages(one_case_pdf):
    texts = page_texts(one_case_pdf)
    for number, text in ((2, texts[2]), (3, texts[3])):
        assert "PEOPLE OF THE STATE OF CALIFORNIA v. DEFENDANT: Ana María Ruiz" in text
        assert "22FE012345" in text
        assert f"Page {number} of 3" in text
        assert "CR-180 [Rev. January 1, 2024]" in text
    assert "Page 1 of 3" in texts[1]


def test_item_1_lists_every_count_with_its_17b_and_17d2_answers(one_case_pdf):
    first_page = page_texts(one_case_pdf)[1]
    assert "On (date): 03/04/2021" in first_page
    assert "PC 487(a) Felony Yes No" in first_page
    assert "VC 23152(b) Misdemeanor No No" in first_page
    assert "PC 415 Misdemeanor No Yes" in first_page
    assert "See Attachment 1" not in first_page


def test_item_8_is_printed_without_a_box_as_on_the_official_form(one_case_pdf):
    """The official CR-180 has no box at items 8 and 9: item 8's request reaches the counts that
    item 1 marks "Yes", so the 17(b) column is what asks for the reduction."""
    page_3 = page_texts(one_case_pdf)[3]
    assert "8. Petitioner requests that the eligible felony offenses listed above" in page_3
    assert "9. Petitioner requests that petitioner be permitted to withdraw" in page_3


def test_17b_column_says_no_for_every_count_when_no_reduction_is_possible():
    pdf = render_packet_pdf(packet(case(counts=(count("484(a)", "misdemeanor"),))))
    assert "PC 484(a) Misdemeanor No No" in page_texts(pdf)[1]


def test_signature_block_types_the_name_and_leaves_date_and_signature_to_the_person(one_case_pdf):
    page_3 = page_texts(one_case_pdf)[3]
    assert "Date: Ana María Ruiz" in page_3  # the date line is left blank, the name typed
    assert "(TYPE OR PRINT NAME) (SIGNATURE OF PETITIONER OR ATTORNEY)" in page_3


def test_cr181_has_its_caption_filled_and_every_box_empty(one_case_pdf):
    texts = page_texts(one_case_pdf)
    order = " ".join(texts[4:6])
    assert "ORDER FOR DISMISSAL" in texts[4]
    assert "DEFENDANT: Ana María Ruiz" in texts[4]
    assert "CASE NUMBER: 22FE012345" in texts[4]
    assert CHECKED not in order
    assert order.count(EMPTY) >= 25
    assert "Page 2 of 2" in texts[5]
    assert "(JUDICIAL OFFICER)" in texts[5]


def test_one_case_is_cover_petition_order(one_case_pdf):
    assert part_sequence(one_case_pdf) == ["cover", "cr180", "cr181"]


def test_six_counts_continue_on_attachment_1_and_five_do_not():
    six = tuple(count(f"{100 + n}", "misdemeanor") for n in range(6))
    pdf = render_packet_pdf(packet(case(counts=six), case(case_number="FIVE", counts=six[:5])))
    texts = page_texts(pdf)
    assert part_sequence(pdf) == [
        "cover",
        "cr180",
        "cr181",
        "attachment",
        "cover",
        "cr180",
        "cr181",
    ]
    petition = cr180_text(texts, "22FE012345")
    assert "See Attachment 1" in petition
    assert "PC 104 Misdemeanor" in petition
    assert "PC 105 Misdemeanor" not in petition
    attachment = next(text for text in texts if "ATTACHMENT 1" in text)
    assert "PC 105 Misdemeanor No No" in attachment
    assert "PC 100" not in attachment
    assert "See Attachment 1" not in cr180_text(texts, "FIVE")


def test_a_discretionary_case_with_a_statement_gets_a_declaration_after_the_order():
    statement = "I have worked at the same clinic for four years."
    pdf = render_packet_pdf(
        packet(case(outcome="discretionary", form_item="2c"), declaration=statement)
    )
    texts = page_texts(pdf)
    assert part_sequence(pdf) == ["cover", "cr180", "cr181", "declaration"]
    assert statement in texts[1]  # short: also in item 2's writing space
    declaration = texts[-1]
    assert statement in declaration
    assert (
        "I declare under penalty of perjury under the laws of the State of California that the "
        "foregoing is true and correct." in declaration
    )
    assert "Ana María Ruiz" in declaration
    assert "(SIGNATURE OF DECLARANT)" in declaration


def test_a_long_statement_is_pointed_to_not_squeezed_into_the_form():
    statement = "Since my conviction I have rebuilt my life. " * 40
    pdf = render_packet_pdf(
        packet(case(outcome="discretionary", form_item="5b"), declaration=statement)
    )
    petition = cr180_text(page_texts(pdf), "22FE012345")
    assert "See attached declaration (form MC-031)." in petition
    assert "rebuilt my life" not in petition
    assert "rebuilt my life" in page_texts(pdf)[-1]


def test_a_mandatory_case_gets_no_declaration_even_with_a_statement():
    pdf = render_packet_pdf(packet(case(), declaration="Please."))
    assert part_sequence(pdf) == ["cover", "cr180", "cr181"]
    assert "Please." not in " ".join(page_texts(pdf))


def test_a_not_eligible_case_gets_an_explanation_and_never_a_petition():
    reasons = [
        {"text": "PC 288 convictions cannot be dismissed.", "citation": "Pen. Code § 1203.4(b)"}
    ]
    not_eligible = case(
        case_number="19CR777",
        county="Alameda",
        counts=(count("288(a)", "felony", dismissable=False),),
        outcome="not_eligible",
        form_item=None,
        reasons=reasons,
        alternatives=["certificate_of_rehabilitation"],
    )
    pdf = render_packet_pdf(packet(not_eligible, case()))
    texts = page_texts(pdf)
    assert part_sequence(pdf) == ["not_eligible", "cover", "cr180", "cr181"]
    assert "19CR777" in texts[0]
    assert "Alameda" in texts[0]
    assert "PC 288 convictions cannot be dismissed. (Pen. Code § 1203.4(b))" in texts[0]
    assert "certificate of rehabilitation" in texts[0]
    assert not any("19CR777" in text for text in texts[1:])


def test_cover_page_says_ask_the_clerk_where_the_county_is_unknown(one_case_pdf):
    cover = page_texts(one_case_pdf)[0]
    assert "Your next steps: case 22FE012345, Sacramento County" in cover
    assert "ask the criminal clerk's office" in cover
    assert "FW-001" in cover
    assert "15 days' notice" in cover


def test_spanish_packet_dates_the_cover_in_spanish_and_keeps_the_forms_in_english():
    pdf = render_packet_pdf(packet(case(), language="es"))
    texts = page_texts(pdf)
    assert "15 de junio de 2025" in texts[0]
    assert "PETITION FOR DISMISSAL" in texts[1]
    reader = pypdf.PdfReader(BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "es"


def test_metadata_title_and_language(one_case_pdf):
    reader = pypdf.PdfReader(BytesIO(one_case_pdf))
    assert reader.metadata.title == "Petition for Dismissal \u2013 Sacramento 22FE012345"
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_fonts_are_our_embedded_dejavu_subsets(one_case_pdf):
    reader = pypdf.PdfReader(BytesIO(one_case_pdf))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            fonts[str(font["/BaseFont"])] = descendant["/FontDescriptor"].get_object()
    assert fonts
    for name, descriptor in fonts.items():
        assert "Packet-Sans" in name  # our @font-face family, not a host font
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, name


def test_pages_are_us_letter(one_case_pdf):
    reader = pypdf.PdfReader(BytesIO(one_case_pdf))
    assert {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    } == {(612, 792)}
