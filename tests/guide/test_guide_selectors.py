import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from expunge_portal.accounts.models import User
from expunge_portal.accounts.roles import is_content_editor
from expunge_portal.counties import COUNTIES
from expunge_portal.guide.models import CountyFilingNote
from expunge_portal.guide.selectors import (
    county_filing_note,
    guide_page,
    localized_text,
    published_guide_pages,
)

pytestmark = pytest.mark.django_db


def test_every_county_has_an_unverified_note_that_sends_people_to_the_clerk():
    assert CountyFilingNote.objects.count() == len(COUNTIES) == 58
    for note in CountyFilingNote.objects.all():
        assert note.verified is False
        assert note.service_on_prosecutor == CountyFilingNote.ServiceOnProsecutor.UNKNOWN
        assert "Ask the criminal clerk's office how many copies" in note.copies_en
        assert "Pregunte" in note.copies_es
        assert note.court_name == f"Superior Court of California, County of {note.county}"
        assert note.history.count() == 1


def test_county_filing_note_selector():
    note = county_filing_note(county="Los Angeles")
    assert note is not None
    assert note.county == "Los Angeles"
    assert county_filing_note(county="Atlantis") is None
    with translation.override("es"):
        assert note.fees.startswith("Pregunte al secretario")


def test_guide_page_selector_hides_unpublished(draft_page):
    assert guide_page(slug="draft-page") is None
    assert guide_page(slug="draft-page", include_unpublished=True) == draft_page
    assert draft_page not in published_guide_pages()
    assert guide_page(slug="get-help").published


def test_localized_text_marks_the_english_fallback(english_only_page):
    body = localized_text(instance=english_only_page, field="body", language="es")
    assert body.is_fallback
    assert body.language == "en"
    assert "only" in body.text
    english = localized_text(instance=english_only_page, field="body", language="en")
    assert not english.is_fallback


def test_create_content_editor_command():
    call_command("create_content_editor", email="New.Editor@example.org", password="long-pass-123")
    user = User.objects.get(email="new.editor@example.org")
    assert user.is_staff
    assert not user.is_superuser
    assert is_content_editor(user)
    assert user.check_password("long-pass-123")
    assert user.emailaddress_set.get().verified


@pytest.mark.parametrize(
    ("email", "password", "field"),
    [("not-an-email", "long-pass-1", "--email"), ("a@example.org", "short", "--password")],
)
def test_create_content_editor_errors_name_the_field(email, password, field):
    with pytest.raises(CommandError, match=field):
        call_command("create_content_editor", email=email, password=password)
