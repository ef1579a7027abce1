"""Issue 14, item 3: Spanish that stays Spanish.

The Spanish cover, made by the worker (whose active language is English) from a stored case and
the county's stored filing note, is read back from the PDF: no English step, each step once. A
statement written in Spanish never lands on the court form itself: the declaration says it is not
in English, the cover tells the person in Spanish, and an English version replaces it for the
court when the person gives one."""

import re
from collections import Counter

import pytest
from django.urls import reverse
from django.utils import translation

from forms_filler.models import Packet, PacketVersion
from forms_filler.packet_input import packet_input_for_case
from forms_filler.render import render_packet_pdf
from tests.factories import make_case, make_person

from .conftest import page_kind, page_texts
from .cover_steps import ENGLISH_STEPS, SPANISH_STEPS

pytestmark = pytest.mark.django_db

# The cover's step sentences in English (the template's and the seeded county note's), written
# out here: none may appear on a Spanish cover.
SPANISH_STATEMENT = "Trabajo de cocinero desde 2019 y cuido a mi madre enferma."
ENGLISH_STATEMENT = "I have worked as a cook since 2019 and I care for my sick mother."


@pytest.fixture
def case(petitioner):
    case = make_case(make_person(petitioner), county="Sacramento")
    determination = case.determinations.get()
    determination.outcome = "discretionary"
    determination.result = {**determination.result, "outcome": "discretionary", "form_item": "2c"}
    determination.save()
    return case


def worker_pdf(case) -> bytes:
    """As the background worker makes it: English active, the packet in Spanish."""
    with translation.override("en"):
        return render_packet_pdf(packet_input_for_case(case=case, language="es"))


def cover_text(pdf: bytes) -> str:
    return next(text for text in page_texts(pdf) if page_kind(text) == "unknown")


def pages_of(pdf: bytes, kind: str) -> str:
    return " ".join(text for text in page_texts(pdf) if page_kind(text) == kind)


def test_the_spanish_cover_has_no_english_step_and_every_spanish_one(case) -> None:
    cover = cover_text(worker_pdf(case))
    assert "Sus próximos pasos" in cover
    english = [sentence for sentence in ENGLISH_STEPS if sentence in cover]
    assert not english, english
    missing = [sentence for sentence in SPANISH_STEPS if sentence not in cover]
    assert not missing, missing
    # The county note's own Spanish text is what the steps carry.
    assert "Pregunte en la oficina del secretario penal cuántas copias llevar." in cover


def test_no_sentence_is_printed_twice_on_the_cover(case) -> None:
    cover = cover_text(worker_pdf(case))
    sentences = [s.strip() for s in re.split(r"(?<=[.:])\s+", cover) if len(s.strip()) > 25]
    twice = [s for s, n in Counter(sentences).items() if n > 1]
    assert not twice, twice
    # The 15 days' notice to the district attorney and the fee waiver: once each.
    assert cover.count("15 días") == 1
    assert cover.count("FW-001") == 1


def test_a_spanish_statement_stays_off_the_court_form_and_is_flagged(case) -> None:
    case.statement = SPANISH_STATEMENT
    case.save()
    pdf = worker_pdf(case)
    petition = pages_of(pdf, "cr180")
    assert SPANISH_STATEMENT not in petition
    assert "See attached declaration (form MC-031)." in petition
    declaration = pages_of(pdf, "declaration")
    assert SPANISH_STATEMENT in declaration
    assert "NOT IN ENGLISH: the declarant wrote the statement below in Spanish." in declaration
    assert "Code Civ. Proc., § 185" in declaration
    cover = cover_text(pdf)
    assert "Su declaración para el juez no está en inglés, y la corte lee inglés." in cover


def test_an_english_version_goes_to_the_court_and_the_spanish_stays_for_staff(case) -> None:
    case.statement = SPANISH_STATEMENT
    case.statement_english = ENGLISH_STATEMENT
    case.save()
    pdf = worker_pdf(case)
    assert ENGLISH_STATEMENT in pages_of(pdf, "cr180")
    assert ENGLISH_STATEMENT in pages_of(pdf, "declaration")
    assert "NOT IN ENGLISH" not in " ".join(page_texts(pdf))
    assert SPANISH_STATEMENT not in " ".join(page_texts(pdf))
    case.refresh_from_db()
    assert case.statement == SPANISH_STATEMENT


def test_an_english_packet_prints_the_statement_in_the_form_as_before(case) -> None:
    case.statement = ENGLISH_STATEMENT
    case.save()
    with translation.override("en"):
        pdf = render_packet_pdf(packet_input_for_case(case=case, language="en"))
    assert ENGLISH_STATEMENT in pages_of(pdf, "cr180")
    assert "NOT IN ENGLISH" not in pages_of(pdf, "declaration")


def test_the_statement_page_tells_a_spanish_reader_the_court_reads_english(
    petitioner_client, case
) -> None:
    petitioner_client.cookies["django_language"] = "es"
    url = reverse("forms_filler:statement", kwargs={"case_id": case.pk})
    page = petitioner_client.get(url).text
    assert "La corte lee inglés." in page
    assert "guardamos su texto en español para el personal de la clínica" in page
    response = petitioner_client.post(
        url, {"statement": SPANISH_STATEMENT, "statement_english": ENGLISH_STATEMENT}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.statement, case.statement_english) == (SPANISH_STATEMENT, ENGLISH_STATEMENT)


def test_staff_see_the_spanish_statement_and_a_flag_until_there_is_an_english_version(
    staff_client, case
) -> None:
    case.statement = SPANISH_STATEMENT
    case.save()
    packet = Packet.objects.create(case=case, review_status="submitted")
    PacketVersion.objects.create(packet=packet, number=1, language="es", answers_fingerprint="x")
    url = reverse("review:packet", kwargs={"packet_id": packet.pk})
    page = staff_client.get(url).text
    assert SPANISH_STATEMENT in page
    assert "The statement to the judge is not in English and has no English version." in page
    case.statement_english = ENGLISH_STATEMENT
    case.save()
    page = staff_client.get(url).text
    assert SPANISH_STATEMENT in page
    assert ENGLISH_STATEMENT in page
    assert "has no English version" not in page
