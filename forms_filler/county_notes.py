"""A county's court facts and filing notes as the renderer's `CountyNotes`, in one language.

The database's filing note wins (staff keep it current in the admin); where there is no database
(`build_packet` on a fresh checkout) or no note, the reviewed court data shipped in the repository
(`expunge_portal/guide/data/courts.json`) is used. Either way every text is stripped of markup, and
a Spanish packet never gets an English note: a missing translation counts as unknown, so the cover
says, in Spanish, to ask the clerk.
"""

import logging
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.apps import apps
from django.db import DatabaseError
from django.utils import translation

from .render.inputs import CountyNotes, Service, YesNo

if TYPE_CHECKING:
    from expunge_portal.guide.court_data import CourtRecord
    from expunge_portal.guide.models import CountyFilingNote

logger = logging.getLogger(__name__)
NOTE_TEXTS = ("where_to_file", "copies", "fees", "service_note", "local_rules", "hearing")


def _city_zip(city: str, zip_code: str) -> str:
    return f"{city}, CA {zip_code}" if city and zip_code else ""


def _web_address(url: str) -> str:
    return url if urlsplit(url).scheme in ("http", "https") else ""


def _yes_no(value: str) -> YesNo:
    return "yes" if value == "yes" else "no" if value == "no" else "unknown"


def _service(value: str) -> Service:
    if value == "court_forwards":
        return "court_forwards"
    return "petitioner_serves" if value == "petitioner_serves" else "unknown"


def _from_note(note: "CountyFilingNote", language: str) -> CountyNotes:
    from expunge_portal.guide.markdown import plain_text
    from expunge_portal.guide.selectors import localized_text

    def text(field: str) -> str:
        localized = localized_text(instance=note, field=field, language=language)
        return "" if localized.is_fallback else plain_text(localized.text)

    service = note.service_on_prosecutor
    street, city = plain_text(note.court_street), plain_text(note.court_city)
    return CountyNotes(
        county=note.county,
        court_name=plain_text(note.court_name),
        **{field: text(field) for field in NOTE_TEXTS},
        service=_service(service),
        verified=note.verified,
        court_street=street,
        court_city_zip=_city_zip(city, plain_text(note.court_zip)),
        courthouse_note=text("courthouse_note"),
        clerk_phone=plain_text(note.clerk_phone),
        self_help_url=_web_address(note.self_help_url),
        efiling=_yes_no(note.efiling),
        mail_filing=_yes_no(note.mail_filing),
        checked_on=note.last_checked,
    )


def _from_record(record: "CourtRecord", language: str) -> CountyNotes:
    fees, copies, note = record.fees.value, record.copies.value, record.courthouse_note
    facts = record.facts()
    checked = [f.checked for name, f in facts.items() if f.checked and name != "court_name"]

    def yes_no(value: bool | None) -> YesNo:
        return "unknown" if value is None else "yes" if value else "no"

    return CountyNotes(
        county=record.county,
        court_name=record.court_name.value or "",
        copies=copies.in_language(language) if copies else "",
        fees=fees.in_language(language) if fees else "",
        service=record.serves_da.value or "unknown",
        court_street=record.street.value or "",
        court_city_zip=_city_zip(record.city.value or "", record.zip.value or ""),
        courthouse_note=note.in_language(language) if note else "",
        clerk_phone=record.phone.value or "",
        self_help_url=record.self_help_url.value or "",
        efiling=yes_no(record.efiling.value),
        mail_filing=yes_no(record.mail_filing.value),
        checked_on=max(checked) if checked else None,
    )


def county_notes_for(county: str) -> CountyNotes:
    """This county's court facts and filing notes, in the active language."""
    if not apps.is_installed("expunge_portal.guide"):
        return CountyNotes.for_unknown_county(county)
    # Imported here so the renderer still works where the guide app is not installed.
    from expunge_portal.guide.court_data import court_record
    from expunge_portal.guide.selectors import county_filing_note

    language = (translation.get_language() or "en").split("-")[0]
    try:
        note = county_filing_note(county=county)
    except DatabaseError as error:
        # A packet from the shipped court data beats no packet. (`build_packet` on a machine with
        # no migrated database lands here for every county.)
        logger.warning(
            "County filing notes unavailable (%s); using the shipped court data for %s",
            error,
            county,
        )
        note = None
    if note is not None:
        return _from_note(note, language)
    record = court_record(county=county)
    return _from_record(record, language) if record else CountyNotes.for_unknown_county(county)
