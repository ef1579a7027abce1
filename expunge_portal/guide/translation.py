"""English and Spanish columns for the guide's text (django-modeltranslation), and edit history.

History is registered here, not with ``history = HistoricalRecords()`` on the model, because the
historical model copies the model's fields when it is built: built after the translated columns
are added, it keeps ``title_en``, ``title_es`` and the others, so every edit in either language
is kept with who made it. This is the order django-simple-history documents for modeltranslation.
"""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import CountyFilingNote, GuidePage


@register(GuidePage)
class GuidePageTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ("en",)


@register(CountyFilingNote)
class CountyFilingNoteTranslationOptions(TranslationOptions):
    fields = (
        "where_to_file",
        "copies",
        "fees",
        "service_note",
        "local_rules",
        "hearing",
        "courthouse_note",
    )
    required_languages = {"en": ("where_to_file", "copies", "fees")}


simple_history.register(GuidePage)
simple_history.register(CountyFilingNote)
