"""The reviewed court data (guide/data/courts.json): its rules, and how it reaches the notes."""

import json
import re
from datetime import date
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from expunge_portal.counties import COUNTIES
from expunge_portal.guide.court_data import (
    DATA_PATH,
    CourtDataError,
    load_courts,
    parse_courts,
)
from expunge_portal.guide.models import CountyFilingNote

FACTS = (
    "court_name", "street", "city", "zip", "phone", "self_help_url", "efiling", "mail_filing",
    "fees", "copies", "serves_da",
)  # fmt: skip
# Pages whose stored copy was only at http when it was read (docs/guide.md says so).
HTTP_ONLY_PAGES = {"http://www.placer.courts.ca.gov/division-criminal-expungements.shtml"}
COURT_HOST = re.compile(
    r"^([a-z]+\.)*(courts\.ca\.gov|sdcourt\.ca\.gov|saccourt\.ca\.gov|occourts\.org|amadorcourt\.org)$"
)


def raw_entries() -> list[dict]:
    return json.loads(DATA_PATH.read_text(encoding="utf-8"))["courts"]


def test_the_file_has_one_entry_for_each_of_the_58_counties():
    counties = [entry["county"] for entry in raw_entries()]
    assert len(counties) == 58
    assert sorted(counties) == sorted(COUNTIES)


def test_every_fact_has_a_court_source_and_a_checked_date_or_says_ask_the_clerk():
    for entry in raw_entries():
        for name in FACTS:
            fact = entry[name]
            where = f"{entry['county']}.{name}"
            if fact == "ask the clerk":
                continue
            assert set(fact) == {"value", "source", "checked"}, where
            assert date.fromisoformat(fact["checked"]) <= date(2026, 12, 1), where
            source = urlsplit(fact["source"])
            assert source.scheme == "https" or fact["source"] in HTTP_ONLY_PAGES, where
            assert COURT_HOST.match(source.hostname or ""), where


def test_zip_codes_look_like_california_zip_codes_and_addresses_come_whole():
    for entry in raw_entries():
        parts = [entry[name] for name in ("street", "city", "zip")]
        known = [part != "ask the clerk" for part in parts]
        assert all(known) or not any(known), entry["county"]
        if entry["zip"] != "ask the clerk":
            assert re.fullmatch(r"9[0-6]\d{3}(-\d{4})?", entry["zip"]["value"]), entry["county"]


def test_text_facts_have_both_languages():
    for entry in raw_entries():
        for name in ("fees", "copies"):
            if entry[name] != "ask the clerk":
                value = entry[name]["value"]
                assert value["en"].strip(), entry["county"]
                assert value["es"].strip(), entry["county"]
        if "courthouse_note" in entry:
            assert entry["courthouse_note"]["es"].strip(), entry["county"]


def test_the_loader_reads_the_shipped_file():
    courts = load_courts()
    amador = courts["Amador"]
    assert (amador.street.value, amador.city.value, amador.zip.value) == (
        "500 Argonaut Lane",
        "Jackson",
        "95642",
    )
    assert amador.street.source == "https://amadorcourt.org/default.aspx"
    assert amador.street.checked == date(2026, 12, 1)
    assert not courts["Los Angeles"].street.known
    assert courts["San Diego"].serves_da.value == "petitioner_serves"


def entry_with(**changes: object) -> dict:
    entries = raw_entries()
    entries[0] = {**entries[0], **changes}
    return {"courts": entries}


SOURCE = "https://alameda.courts.ca.gov/"
DAY = "2026-12-01"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"zip": {"value": "1234", "source": SOURCE, "checked": DAY}},
         "Alameda.zip.value: '1234' is not a California ZIP code."),
        ({"phone": {"value": "(510) 555-0100", "source": "https://example.com/", "checked": DAY}},
         "Alameda.phone.source: must be the court web page the fact was read on."),
        ({"phone": {"value": "(510) 555-0100", "source": SOURCE}},
         "Alameda.phone: must be 'ask the clerk' or an object with value, source and checked."),
        ({"phone": "unknown"},
         "Alameda.phone: must be 'ask the clerk' or an object with value, source and checked."),
        ({"fees": {"value": {"en": "No fee."}, "source": SOURCE, "checked": DAY}},
         "Alameda.fees.value: must be an object with exactly 'en' and 'es' text."),
        ({"checked_by": "me"}, "courts[0].checked_by: unknown field."),
    ],
)  # fmt: skip
def test_the_loader_refuses_facts_out_of_shape(changes, message):
    with pytest.raises(CourtDataError) as raised:
        parse_courts(entry_with(**changes))
    assert str(raised.value) == message


def test_the_certificate_form_is_optional_and_ask_the_clerk_when_absent():
    # Only San Diego's packet has been read on a court's page; the others name none.
    named = {entry["county"] for entry in raw_entries() if "certificate_form" in entry}
    assert named == {"San Diego"}
    assert load_courts()["San Diego"].certificate_form.value == (
        "Certificate of Rehabilitation and Pardon Instruction Packet (SDSC packet PKT-016)"
    )
    assert not load_courts()["Fresno"].certificate_form.known
    # One named with its court page and the day it was read is taken as given.
    form = {"value": "Petition for Certificate of Rehabilitation (X-1)", "source": SOURCE,
            "checked": DAY}  # fmt: skip
    court = parse_courts(entry_with(certificate_form=form))["Alameda"]
    assert court.certificate_form.value == "Petition for Certificate of Rehabilitation (X-1)"
    assert court.certificate_form.source == SOURCE


def test_the_certificate_form_needs_a_court_source():
    form = {"value": "A form", "source": "https://example.com/", "checked": DAY}
    with pytest.raises(CourtDataError) as raised:
        parse_courts(entry_with(certificate_form=form))
    assert str(raised.value) == (
        "Alameda.certificate_form.source: must be the court web page the fact was read on."
    )


def test_the_loader_refuses_a_missing_county():
    data = {"courts": raw_entries()[1:]}
    with pytest.raises(CourtDataError, match="no entry for Alameda"):
        parse_courts(data)


@pytest.mark.django_db
def test_the_migration_copied_the_court_data_into_the_notes_with_history():
    amador = CountyFilingNote.objects.get(county="Amador")
    assert (amador.court_street, amador.court_city, amador.court_zip) == (
        "500 Argonaut Lane",
        "Jackson",
        "95642",
    )
    assert amador.fact_sources["zip"] == {
        "source": "https://amadorcourt.org/default.aspx",
        "checked": "2026-12-01",
    }
    assert amador.courthouse_note_es.startswith("La página web de la corte")
    latest = amador.history.latest()
    assert latest.history_change_reason == "Loaded from guide/data/courts.json"
    assert latest.history_user is None
    assert latest.court_street == "500 Argonaut Lane"

    placer = CountyFilingNote.objects.get(county="Placer")
    assert placer.fees_en.startswith("No fee to file the petition.")
    assert placer.fees_es.startswith("No se cobra por presentar la petición.")
    san_diego = CountyFilingNote.objects.get(county="San Diego")
    assert san_diego.service_on_prosecutor == "petitioner_serves"
    los_angeles = CountyFilingNote.objects.get(county="Los Angeles")
    assert los_angeles.court_street == ""
    assert los_angeles.efiling == "unknown"
    assert "Ask the criminal clerk's office how many copies" in los_angeles.copies_en


@pytest.mark.django_db
def test_load_court_data_is_idempotent_and_keeps_staff_edits(content_editor):
    amador = CountyFilingNote.objects.get(county="Amador")
    history_before = amador.history.count()
    call_command("load_court_data", stdout=StringIO())
    assert amador.history.count() == history_before  # nothing changed, nothing written

    # A person's edit (through the model, as the admin saves) wins over the shipped file.
    amador.court_street = "1 Edited Street"
    amador._history_user = content_editor
    amador.save()
    colusa = CountyFilingNote.objects.get(county="Colusa")
    CountyFilingNote.objects.filter(pk=colusa.pk).update(court_street="stale")
    out = StringIO()
    call_command("load_court_data", stdout=out)
    amador.refresh_from_db()
    colusa.refresh_from_db()
    assert amador.court_street == "1 Edited Street"
    assert colusa.court_street == "532 Oak Street"
    assert "Kept staff edits: Amador" in out.getvalue()
    assert "1 updated" in out.getvalue()


@pytest.mark.django_db
def test_load_court_data_changes_nothing_when_run_in_spanish():
    """The untranslated columns are English: a caller in Spanish must not see a difference."""
    from django.utils import translation

    amador = CountyFilingNote.objects.get(county="Amador")
    history_before = amador.history.count()
    out = StringIO()
    with translation.override("es"):
        call_command("load_court_data", stdout=out)
    assert amador.history.count() == history_before
    assert "0 updated" in out.getvalue()
