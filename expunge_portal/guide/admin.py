"""Editors change the guide and the county filing notes here; every save is kept in History."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .markdown import render_markdown
from .models import CountyFilingNote, GuidePage
from .translation import CountyFilingNoteTranslationOptions

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@admin.register(GuidePage)
class GuidePageAdmin(SimpleHistoryAdmin, TranslationAdmin[GuidePage]):
    list_display = ("title", "slug", "order", "published", "updated_at")
    list_editable = ("order", "published")
    list_filter = ("published",)
    search_fields = ("title_en", "title_es", "body_en", "body_es", "slug")
    readonly_fields = ("preview_link", "preview_en", "preview_es", "created_at", "updated_at")
    history_list_display = ("published",)
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body", "order", "published")}),
        (
            _("Preview"),
            {
                "fields": ("preview_link", "preview_en", "preview_es"),
                "description": _(
                    "How the saved page looks to readers, after unsafe HTML is removed. "
                    "Save to update it."
                ),
            },
        ),
        (_("Dates"), {"fields": ("created_at", "updated_at")}),
    )

    def get_prepopulated_fields(
        self, request: HttpRequest, obj: GuidePage | None = None
    ) -> dict[str, Sequence[str]]:
        return {"slug": ("title_en",)}

    def view_on_site(self, obj: GuidePage) -> str:
        url = obj.get_absolute_url()
        return url if obj.published else f"{url}?preview=1"

    @admin.display(description=_("Preview on the site"))
    def preview_link(self, obj: GuidePage) -> SafeString | str:
        if not obj.pk:
            return "-"
        url = reverse("guide:page", kwargs={"slug": obj.slug}) + "?preview=1"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("Open the page")
        )

    @admin.display(description=_("English body, as shown"))
    def preview_en(self, obj: GuidePage) -> SafeString:
        with translation.override("en"):
            return render_markdown(obj.body_en or "")

    @admin.display(description=_("Spanish body, as shown"))
    def preview_es(self, obj: GuidePage) -> "SafeString | StrOrPromise":
        if not obj.body_es:
            return _("(not translated yet)")
        with translation.override("es"):
            return render_markdown(obj.body_es)


class CountyFilingNoteForm(forms.ModelForm[CountyFilingNote]):
    """Every English text needs its Spanish: a Spanish packet never switches to English.
    (The admin builds the form's fields from its fieldsets.)"""

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        for field in CountyFilingNoteTranslationOptions.fields:
            english = (cleaned.get(f"{field}_en") or "").strip()
            spanish = (cleaned.get(f"{field}_es") or "").strip()
            if english and not spanish and f"{field}_es" in self.fields:
                self.add_error(
                    f"{field}_es",
                    _("Write the Spanish text too: Spanish packets never show English notes."),
                )
        return cleaned


@admin.register(CountyFilingNote)
class CountyFilingNoteAdmin(SimpleHistoryAdmin, TranslationAdmin[CountyFilingNote]):
    form = CountyFilingNoteForm
    list_display = (
        "county",
        "court_name",
        "court_city",
        "service_on_prosecutor",
        "verified",
        "last_checked",
    )
    list_filter = ("verified", "service_on_prosecutor")
    search_fields = ("county", "court_name")
    readonly_fields = ("updated_at",)
    history_list_display = ("verified",)
    fieldsets = (
        (None, {"fields": ("county", "court_name")}),
        (
            _("The courthouse and the clerk"),
            {
                "fields": (
                    "court_street",
                    "court_city",
                    "court_zip",
                    "courthouse_note",
                    "clerk_phone",
                    "self_help_url",
                    "efiling",
                    "mail_filing",
                ),
                "description": _(
                    "The street, city and ZIP are printed in the court box of the CR-180 and "
                    "CR-181; leave them empty until checked. Record where each fact comes from "
                    "under Checking."
                ),
            },
        ),
        (
            _("Filing"),
            {
                "fields": (
                    "where_to_file",
                    "copies",
                    "fees",
                    "service_on_prosecutor",
                    "service_note",
                    "local_rules",
                    "hearing",
                ),
                "description": _(
                    "Write only what the court publishes or the clerk told you. "
                    "When you do not know, say to ask the clerk."
                ),
            },
        ),
        (
            _("Checking"),
            {"fields": ("verified", "source", "last_checked", "fact_sources", "updated_at")},
        ),
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        # One note per county; all 58 exist from the start.
        return request.user.is_superuser and super().has_add_permission(request)
