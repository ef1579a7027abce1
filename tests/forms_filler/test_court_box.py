"""The court, filled in: the CR-180/CR-181 court box and the cover's court block, read back from
the PDF, from the database's note or (no database) from the shipped court data."""

import logging
from datetime import date
from typing import Any

import pytest
from django.db import DatabaseError

from expunge_portal.guide.models import CountyFilingNote
from forms_filler.packet_input import county_notes_for, packet_input_from_dict
from forms_filler.render import render_packet_pdf

from .conftest import PETITIONER_JSON, page_kind, page_texts

AS_OF = date(2025, 6, 15)


def packet_data(county: str) -> dict[str, Any]:
    return {
        "petitioner": dict(PETITIONER_JSON),
        "cases": [
            {
                "county": county,
                "case_number": "22CR000123",
                "judgment_date": "2020-01-10",
                "counts": [{"code": "PC", "section": "487(a)", "level": "felony"}],
                "sentence": "probation",
                "sentence_end_date": "2023-05-10",
            }
        ],
        "declaration": "",
    }


def pages_by_kind(county: str, language: str = "en") -> dict[str, list[str]]:
    packet = packet_input_from_dict(packet_data(county), as_of=AS_OF, language=language)
    kinds: dict[str, list[str]] = {}
    for text in page_texts(render_packet_pdf(packet)):
        kinds.setdefault(page_kind(text), []).append(text)
    return kinds


def cover_text(county: str, language: str) -> str:
    packet = packet_input_from_dict(packet_data(county), as_of=AS_OF, language=language)
    texts = page_texts(render_packet_pdf(packet))
    cr180 = next(i for i, text in enumerate(texts) if page_kind(text) == "cr180")
    return " ".join(texts[:cr180])


@pytest.fixture
def no_database(monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable(**_kwargs: object) -> None:
        raise DatabaseError("no such table: guide_countyfilingnote")

    monkeypatch.setattr("expunge_portal.guide.selectors.county_filing_note", unavailable)


@pytest.mark.django_db
def test_cr180_and_cr181_court_boxes_show_amadors_courthouse():
    kinds = pages_by_kind("Amador")
    for kind in ("cr180", "cr181"):
        first_page = kinds[kind][0]
        assert "SUPERIOR COURT OF CALIFORNIA, COUNTY OF AMADOR" in first_page, kind
        assert "STREET ADDRESS: 500 Argonaut Lane" in first_page, kind
        assert "CITY AND ZIP CODE: Jackson, CA 95642" in first_page, kind


@pytest.mark.django_db
def test_a_court_nobody_checked_leaves_the_box_blank():
    first_page = pages_by_kind("Los Angeles")["cr180"][0]
    blank_box = "STREET ADDRESS: MAILING ADDRESS: CITY AND ZIP CODE: FOR COURT USE ONLY"
    assert f"COUNTY OF LOS ANGELES {blank_box}" in first_page


@pytest.mark.django_db
def test_the_database_copy_wins_once_staff_edit_it():
    CountyFilingNote.objects.filter(county="Amador").update(
        court_street="2 Staff Street", court_city="Sutter Creek", court_zip="95685"
    )
    first_page = pages_by_kind("Amador")["cr181"][0]
    assert "STREET ADDRESS: 2 Staff Street" in first_page
    assert "CITY AND ZIP CODE: Sutter Creek, CA 95685" in first_page


@pytest.mark.django_db
def test_without_a_database_the_shipped_data_fills_the_box(no_database, caplog):
    with caplog.at_level(logging.WARNING, logger="forms_filler.county_notes"):
        kinds = pages_by_kind("Amador")
    assert "STREET ADDRESS: 500 Argonaut Lane" in kinds["cr180"][0]
    assert "CITY AND ZIP CODE: Jackson, CA 95642" in kinds["cr181"][0]
    warnings = [record.getMessage() for record in caplog.records]
    assert warnings == [
        "County filing notes unavailable (no such table: guide_countyfilingnote); "
        "using the shipped court data for Amador"
    ]


@pytest.mark.django_db
def test_english_cover_gives_the_rest_of_the_court_facts():
    text = cover_text("Orange", "en")
    assert (
        "Your court Court Superior Court of California, County of Orange. "
        "Ask the clerk which courthouse takes these petitions. The court has several justice "
        "centers; the pages we read do not say which one takes petitions for dismissal."
    ) in text
    assert (
        "Clerk Phone: (877) 872-2122. Help page: https://occourts.org/self-help/criminal/index.html."
    ) in text
    assert "How to file Online: ask the clerk. By mail: ask the clerk." in text
    assert "We read these details on the court's own web pages on Dec. 1, 2026." in text


@pytest.mark.django_db
def test_spanish_cover_gives_the_court_facts_in_spanish():
    text = cover_text("Orange", "es")
    assert "Su corte Corte Superior Court of California, County of Orange." in text
    assert "Pregunte al secretario en qué edificio se reciben estas peticiones." in text
    assert "las páginas que leímos no dicen cuál recibe las peticiones de desestimación" in text
    assert "Secretario Teléfono: (877) 872-2122. Página de ayuda:" in text
    assert (
        "Cómo presentar Por internet: pregunte al secretario. Por correo: pregunte al secretario."
    ) in text
    assert "Leímos estos datos en las páginas web de la propia corte el 1 de diciembre de 2026" in (
        text
    )
    for english in ("ask the clerk", "Ask the clerk", "Your court", "How to file", "pages we read"):
        assert english not in text


@pytest.mark.django_db
def test_cover_for_a_court_with_the_address_and_nothing_else_checked():
    text = cover_text("Amador", "en")
    assert "County of Amador, 500 Argonaut Lane, Jackson, CA 95642." in text
    assert "Clerk Phone: ask the clerk. Help page: ask the clerk." in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", (
            "Superior Court of California, County of Alameda. Ask the clerk which courthouse takes "
            "these petitions. The court's criminal page gives a Criminal Division clerk's office "
            "phone for each courthouse that hears criminal cases: Wiley W. Manuel Courthouse, "
            "Oakland, (510) 627-4702;",
            "Clerk Phone: ask the clerk.",
        )),
        ("es", (
            "Superior Court of California, County of Alameda. Pregunte al secretario en qué "
            "edificio se reciben estas peticiones. La página penal de la corte da un teléfono de "
            "la oficina del secretario de la División Penal para cada edificio que ve casos "
            "penales: Wiley W. Manuel Courthouse, Oakland, (510) 627-4702;",
            "Secretario Teléfono: pregunte al secretario.",
        )),
    ],
)  # fmt: skip
def test_a_court_with_only_a_courthouse_note_shows_the_note(language, expected):
    # Alameda: no single courthouse is named for petitions, so its shipped entry has no address
    # and no phone, only the note listing each criminal courthouse's clerk phone.
    text = " ".join(cover_text("Alameda", language).split())
    for sentence in expected:
        assert sentence in text
    assert "East County Hall of Justice, Dublin, (925) 227-6792" in text
    assert "STREET ADDRESS: MAILING ADDRESS:" in pages_by_kind("Alameda")["cr180"][0]


@pytest.mark.django_db
def test_san_francisco_cover_gives_the_criminal_clerks_phone():
    text = " ".join(cover_text("San Francisco", "en").split())
    assert "Clerk Phone: (415) 551-0651." in text
    assert "Hall of Justice, 850 Bryant Street" in text


@pytest.mark.django_db
def test_cover_for_a_court_nobody_checked_says_so_in_one_sentence():
    text = cover_text("Modoc", "es")
    assert (
        "Su corte: Superior Court of California, County of Modoc. Todavía no tenemos su "
        "dirección, teléfono ni página web: pregunte al secretario en qué edificio se reciben "
        "estas peticiones, y si puede presentarlas por internet o por correo."
    ) in text
    assert "Leímos estos datos" not in text


@pytest.mark.django_db
def test_a_hand_edited_note_with_markup_is_printed_as_plain_text():
    CountyFilingNote.objects.filter(county="Amador").update(
        court_street="<b>500</b> Argonaut <script>alert(1)</script>Lane",
        clerk_phone="<i onclick=alert(1)>(209) 555-0100</i>",  # fits the 40-character field
        where_to_file_en="Room <i>101</i><img src=file:///etc/passwd> &amp; the <style>p{}</style>"
        "front desk",
        self_help_url="javascript:alert(1)",
    )
    first_page = pages_by_kind("Amador")["cr180"][0]
    assert "STREET ADDRESS: 500 Argonaut Lane" in first_page
    text = cover_text("Amador", "en")
    assert "Clerk Phone: (209) 555-0100. Help page: ask the clerk." in text
    assert "Room 101 & the front desk" in text
    for leftover in ("<", "script", "alert", "javascript", "passwd", "p{}"):
        assert leftover not in text + first_page


@pytest.mark.django_db
def test_a_spanish_cover_never_falls_back_to_an_english_note():
    CountyFilingNote.objects.filter(county="Kern").update(
        hearing_en="Hearings are on Fridays in Department 7.", hearing_es=""
    )
    english = cover_text("Kern", "en")
    spanish = cover_text("Kern", "es")
    assert "Hearings are on Fridays in Department 7." in english
    assert "Hearings are on Fridays" not in spanish
    assert "Pregúntele al secretario si usted tiene que ir." in spanish


def test_county_notes_for_uses_the_shipped_data_without_a_database(no_database):
    notes = county_notes_for("San Diego")
    assert notes.service == "petitioner_serves"
    assert notes.self_help_url == "https://sdcourt.ca.gov/sdcourt/criminal2/criminalexpungement"
    assert notes.court_street == ""
    assert notes.checked_on == date(2026, 12, 1)
