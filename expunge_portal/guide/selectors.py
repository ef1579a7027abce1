"""Reads for the guide and the county filing notes. Other apps use these, not the models."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Model, QuerySet
from django.utils.translation import get_language

from .models import CountyFilingNote, GuidePage


@dataclass(frozen=True)
class LocalizedText:
    """A translated field's text in the active language, or in English when that is missing."""

    text: str
    language: str
    is_fallback: bool


def published_guide_pages() -> QuerySet[GuidePage]:
    return GuidePage.objects.filter(published=True).order_by("order", "slug")


def guide_page(*, slug: str, include_unpublished: bool = False) -> GuidePage | None:
    """The page with this slug; unpublished pages only when asked (editors' preview)."""
    pages = GuidePage.objects.all() if include_unpublished else published_guide_pages()
    return pages.filter(slug=slug).first()


def county_filing_note(*, county: str) -> CountyFilingNote | None:
    """How this county's court takes a petition, or None for a name that is not a county.

    Read the text fields in the active language (``note.copies`` etc.: modeltranslation falls
    back to English) or through ``localized_text`` to know whether the fallback was used.
    ``note.verified`` False means the note is unconfirmed and must be presented as such.
    """
    return CountyFilingNote.objects.filter(county=county).first()


def localized_text(*, instance: Model, field: str, language: str | None = None) -> LocalizedText:
    """``instance.<field>`` in ``language`` (default: the active one), or the English text.

    Used to show a notice and mark ``lang="en"`` when a Spanish translation is missing.
    """
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    language = (language or get_language() or default).split("-")[0]
    wanted = getattr(instance, f"{field}_{language}", None) or ""
    if wanted.strip():
        return LocalizedText(text=wanted, language=language, is_fallback=False)
    english = getattr(instance, f"{field}_{default}", None) or ""
    return LocalizedText(text=english, language=default, is_fallback=language != default)
