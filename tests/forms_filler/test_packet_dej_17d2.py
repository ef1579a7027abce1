"""Issue 19: CR-180 item 7 (PC 1203.43), item 1's 17(d)(2) column and item 8, read back from the
PDF, through the build_packet JSON path and the stored interview path."""

import datetime
from typing import Any

import pytest

from eligibility.services import case_determine
from forms_filler.packet_input import packet_input_for_case, packet_input_from_dict
from forms_filler.render import CountyNotes, render_packet_pdf
from tests.factories import make_answered_case, make_person

from .conftest import CHECKED, CR180_BOX_LABELS, EMPTY, box_beside, page_texts

AS_OF = datetime.date(2025, 6, 15)
ITEM_7_LABELS = {
    "7": "Deferred entry of judgment",
    "7a": "court records are available showing the case resolution",
    "7b": "petitioner declares under penalty of perjury that the charges were dismissed",
    "7b1": "has attached",
    "7b2": "has not attached",
}
PETITIONER = {"name": "Ana María Ruiz", "street": "1 Main St", "city": "Sacramento",
              "state": "CA", "zip": "95814"}  # fmt: skip


def cr180(pdf: bytes) -> str:
    texts = page_texts(pdf)
    start = next(i for i, text in enumerate(texts) if "PETITION FOR DISMISSAL (Pen. Code" in text)
    return " ".join(texts[start : start + 3])


def json_pdf(case: dict[str, Any]) -> bytes:
    data = {"petitioner": PETITIONER, "cases": [{"county": "Sacramento", **case}]}
    packet = packet_input_from_dict(
        data, as_of=AS_OF, language="en", county_notes=CountyNotes.for_unknown_county
    )
    return render_packet_pdf(packet)


@pytest.fixture(scope="module")
def dej_petition() -> str:
    return cr180(
        json_pdf(
            {
                "case_number": "19CR000777",
                "judgment_date": "2019-03-01",
                "counts": [{"code": "HS", "section": "11350", "level": "felony"}],
                "sentence": "deferred_entry_of_judgment",
                "sentence_end_date": "2021-03-01",
            }
        )
    )


def test_item_7_and_7a_are_checked_and_7b_left_for_when_records_are_gone(dej_petition):
    assert box_beside(dej_petition, ITEM_7_LABELS["7"]) == CHECKED
    assert box_beside(dej_petition, ITEM_7_LABELS["7a"]) == CHECKED
    assert box_beside(dej_petition, ITEM_7_LABELS["7b"]) == EMPTY
    assert "(1) ☐ has" in dej_petition
    assert "(2) ☐ has not" in dej_petition


def test_item_7_dates_the_dismissal_and_item_1_the_grant(dej_petition):
    assert "former Penal Code section 1000.3 on (date): 03/01/2021" in dej_petition
    assert "On (date): 03/01/2019" in dej_petition
    assert "HS 11350 Felony No No" in dej_petition


def test_no_other_item_is_checked_for_dej(dej_petition):
    for box, label in CR180_BOX_LABELS.items():
        if box != "7":
            assert box_beside(dej_petition, label) == EMPTY, box


def test_item_7_date_stays_blank_for_any_other_item():
    text = cr180(
        json_pdf(
            {
                "case_number": "22CR000001",
                "judgment_date": "2022-03-01",
                "counts": [{"code": "PC", "section": "484(a)", "level": "misdemeanor"}],
                "sentence": "probation",
                "sentence_end_date": "2024-03-01",
            }
        )
    )
    assert box_beside(text, ITEM_7_LABELS["7"]) == EMPTY
    assert box_beside(text, ITEM_7_LABELS["7a"]) == EMPTY
    assert "former Penal Code section 1000.3 on (date): . Furthermore" in text


def test_17d2_column_and_item_8_from_the_json_path():
    text = cr180(
        json_pdf(
            {
                "case_number": "22CR000415",
                "judgment_date": "2022-03-01",
                "counts": [
                    {"code": "PC", "section": "415", "level": "misdemeanor"},
                    {"code": "PC", "section": "484(a)", "level": "misdemeanor"},
                    {"code": "VC", "section": "5201.1", "level": "misdemeanor"},
                ],
                "sentence": "no_probation",
            }
        )
    )
    assert "PC 415 Misdemeanor No Yes" in text
    assert "PC 484(a) Misdemeanor No No" in text
    assert "VC 5201.1 Misdemeanor No Yes" in text
    assert (
        "eligible misdemeanor offenses be reduced to infractions under Penal Code section 17(d)(2)"
        in text
    )
    assert (
        "8. Petitioner requests that the eligible felony offenses listed above be reduced" in text
    )


@pytest.mark.django_db
def test_a_stored_case_fills_the_17d2_column_as_the_engine_says(petitioner):
    case = make_answered_case(
        make_person(petitioner),
        [("PC 415", "misdemeanor"), ("PC 484(a)", "misdemeanor")],
        county="Sacramento",
        case_number="22CR000416",
        judgment_date=datetime.date(2022, 3, 1),
        conviction_same_day=True,
        sentence="no_probation",
        sentence_complied=True,
        new_conviction_since_judgment=False,
    )
    determination = case_determine(case=case, as_of=AS_OF)
    assert determination is not None
    assert determination.result["reduction_17d2"] is True
    text = cr180(render_packet_pdf(packet_input_for_case(case=case, language="en")))
    assert "PC 415 Misdemeanor No Yes" in text
    assert "PC 484(a) Misdemeanor No No" in text


@pytest.mark.django_db
def test_a_stored_dej_case_fills_item_7(petitioner):
    case = make_answered_case(
        make_person(petitioner),
        [("HS 11350", "felony")],
        county="Sacramento",
        case_number="19CR000778",
        judgment_date=datetime.date(2019, 3, 1),
        conviction_same_day=None,
        sentence="deferred_entry_of_judgment",
        sentence_ended=True,
        sentence_end_date=datetime.date(2021, 3, 1),
    )
    determination = case_determine(case=case, as_of=AS_OF)
    assert determination is not None
    assert (determination.result["remedy"], determination.result["form_item"]) == ("1203.43", "7")
    text = cr180(render_packet_pdf(packet_input_for_case(case=case, language="en")))
    assert box_beside(text, ITEM_7_LABELS["7"]) == CHECKED
    assert box_beside(text, ITEM_7_LABELS["7a"]) == CHECKED
    assert "former Penal Code section 1000.3 on (date): 03/01/2021" in text
    # Item 1's date is the day DEJ was granted, though the conviction date was not known.
    assert "On (date): 03/01/2019" in text
