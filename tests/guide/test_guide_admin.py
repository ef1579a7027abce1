"""Content editors: the guide and county notes in the admin, nothing else; history of edits."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from expunge_portal.accounts.roles import CONTENT_EDITOR_GROUP
from expunge_portal.guide.models import CountyFilingNote, GuidePage

pytestmark = pytest.mark.django_db

EXPECTED_PERMISSIONS = {
    "guide.view_guidepage",
    "guide.add_guidepage",
    "guide.change_guidepage",
    "guide.delete_guidepage",
    "guide.view_countyfilingnote",
    "guide.change_countyfilingnote",
    "guide.view_historicalguidepage",
    "guide.view_historicalcountyfilingnote",
}


def test_content_editor_group_has_exactly_the_guide_permissions():
    group = Group.objects.get(name=CONTENT_EDITOR_GROUP)
    granted = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }
    assert granted == EXPECTED_PERMISSIONS


def test_editor_opens_guide_and_county_note_admin(editor_client):
    page = GuidePage.objects.get(slug="which-law-fits")
    note = CountyFilingNote.objects.get(county="Alameda")
    for url in (
        reverse("admin:index"),
        reverse("admin:guide_guidepage_changelist"),
        reverse("admin:guide_guidepage_change", args=[page.pk]),
        reverse("admin:guide_guidepage_add"),
        reverse("admin:guide_guidepage_history", args=[page.pk]),
        reverse("admin:guide_countyfilingnote_changelist"),
        reverse("admin:guide_countyfilingnote_change", args=[note.pk]),
        reverse("admin:guide_countyfilingnote_history", args=[note.pk]),
    ):
        assert editor_client.get(url).status_code == 200, url


def test_editor_sees_sanitized_preview_in_admin(editor_client, english_only_page):
    english_only_page.body_en = "Hello <img src=x onerror=alert(1)> **world**"
    english_only_page.save()
    url = reverse("admin:guide_guidepage_change", args=[english_only_page.pk])
    html = editor_client.get(url).content.decode()
    assert "<strong>world</strong>" in html
    assert "<img" not in html  # the textarea shows the source escaped; the preview drops it
    assert "/guide/english-only/?preview=1" in html


def test_editor_cannot_add_or_delete_county_notes(editor_client):
    note = CountyFilingNote.objects.get(county="Alpine")
    assert editor_client.get(reverse("admin:guide_countyfilingnote_add")).status_code == 403
    delete_url = reverse("admin:guide_countyfilingnote_delete", args=[note.pk])
    assert editor_client.get(delete_url).status_code == 403


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:accounts_user_changelist",
        "admin:accounts_user_add",
        "admin:auth_group_changelist",
        "admin:auth_group_add",
    ],
)
def test_editor_is_refused_users_and_groups(editor_client, url_name):
    assert editor_client.get(reverse(url_name)).status_code == 403


def test_editor_is_refused_packet_admin(editor_client):
    from django.apps import apps
    from django.contrib import admin

    packet_models = apps.get_app_config("forms_filler").get_models()
    for model in packet_models:
        if admin.site.is_registered(model):
            opts = model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            assert editor_client.get(url).status_code == 403, url
    group = Group.objects.get(name=CONTENT_EDITOR_GROUP)
    assert not group.permissions.filter(content_type__app_label="forms_filler").exists()


def test_editor_is_refused_user_change_page(editor_client, petitioner):
    url = reverse("admin:accounts_user_change", args=[petitioner.pk])
    assert editor_client.get(url).status_code == 403


def test_petitioner_cannot_open_the_admin(client, petitioner):
    client.force_login(petitioner)
    response = client.get(reverse("admin:guide_guidepage_changelist"))
    assert response.status_code in (302, 403)


def _change_form_data(page: GuidePage, **changes: object) -> dict[str, object]:
    data = {
        "title_en": page.title_en,
        "title_es": page.title_es or "",
        "slug": page.slug,
        "summary_en": page.summary_en or "",
        "summary_es": page.summary_es or "",
        "body_en": page.body_en,
        "body_es": page.body_es or "",
        "order": page.order,
        "published": "on" if page.published else "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_edit_through_admin_is_recorded_with_the_editor(editor_client, content_editor):
    page = GuidePage.objects.get(slug="get-help")
    url = reverse("admin:guide_guidepage_change", args=[page.pk])
    response = editor_client.post(
        url, _change_form_data(page, body_es=page.body_es + "\n\nUna línea nueva.")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.body_es.endswith("Una línea nueva.")
    latest = page.history.latest()
    assert latest.history_type == "~"
    assert latest.history_user == content_editor
    assert latest.body_es.endswith("Una línea nueva.")
    assert page.history.earliest().history_type == "+"  # the seed migration's first version


def _note_form_data(note: CountyFilingNote, **changes: str) -> dict[str, str]:
    """The county note's change form as the admin shows it, with some fields changed."""
    data = {
        "county": note.county,
        "court_name": note.court_name,
        "court_street": note.court_street,
        "court_city": note.court_city,
        "court_zip": note.court_zip,
        "courthouse_note_en": note.courthouse_note_en or "",
        "courthouse_note_es": note.courthouse_note_es or "",
        "clerk_phone": note.clerk_phone,
        "self_help_url": note.self_help_url,
        "efiling": note.efiling,
        "mail_filing": note.mail_filing,
        "fact_sources": json.dumps(note.fact_sources),
    }
    for field in ("where_to_file", "copies", "fees", "service_note", "local_rules", "hearing"):
        for language in ("en", "es"):
            data[f"{field}_{language}"] = getattr(note, f"{field}_{language}") or ""
    data["service_on_prosecutor"] = note.service_on_prosecutor
    data["source"] = note.source
    data["last_checked"] = note.last_checked.isoformat() if note.last_checked else ""
    data.update(changes)
    return data


def test_county_note_edit_is_recorded_with_the_editor(editor_client, content_editor):
    note = CountyFilingNote.objects.get(county="Yolo")
    url = reverse("admin:guide_countyfilingnote_change", args=[note.pk])
    data = {
        **_note_form_data(note),
        "county": note.county,
        "court_name": note.court_name,
        "where_to_file_en": note.where_to_file_en,
        "where_to_file_es": note.where_to_file_es,
        "copies_en": "Bring the original and two copies.",
        "copies_es": "Lleve el original y dos copias.",
        "fees_en": note.fees_en,
        "fees_es": note.fees_es,
        "service_on_prosecutor": CountyFilingNote.ServiceOnProsecutor.PETITIONER_SERVES,
        "service_note_en": note.service_note_en,
        "service_note_es": note.service_note_es,
        "local_rules_en": note.local_rules_en,
        "local_rules_es": note.local_rules_es,
        "hearing_en": note.hearing_en,
        "hearing_es": note.hearing_es,
        "source": "Call to the criminal clerk",
        "last_checked": "2026-11-20",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = note.history.latest()
    assert latest.history_user == content_editor
    assert latest.copies_en == "Bring the original and two copies."
    assert latest.service_on_prosecutor == "petitioner_serves"


def test_staff_edit_the_court_facts_in_the_admin_with_history(editor_client, content_editor):
    note = CountyFilingNote.objects.get(county="Tulare")
    url = reverse("admin:guide_countyfilingnote_change", args=[note.pk])
    sources = {
        "street": {"source": "https://www.tulare.courts.ca.gov/locations", "checked": "2026-12-02"}
    }
    data = _note_form_data(
        note,
        court_street="100 Test Street",
        court_city="Visalia",
        court_zip="93291",
        clerk_phone="(559) 555-0199",
        self_help_url="https://www.tulare.courts.ca.gov/self-help",
        efiling="no",
        mail_filing="yes",
        fact_sources=json.dumps(sources),
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    note.refresh_from_db()
    assert (note.court_street, note.court_city, note.court_zip) == (
        "100 Test Street",
        "Visalia",
        "93291",
    )
    assert note.mail_filing == "yes"
    assert note.fact_sources == sources
    latest = note.history.latest()
    assert latest.history_user == content_editor
    assert latest.court_street == "100 Test Street"
    assert latest.clerk_phone == "(559) 555-0199"
    # The previous version (the shipped data) is still there to compare or revert to.
    assert latest.prev_record.court_street == ""


def test_an_english_note_without_its_spanish_is_refused_next_to_the_field(editor_client):
    note = CountyFilingNote.objects.get(county="Kern")
    url = reverse("admin:guide_countyfilingnote_change", args=[note.pk])
    data = _note_form_data(note, hearing_en="Hearings are on Fridays.", hearing_es="")
    response = editor_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["hearing_es"] == [
        "Write the Spanish text too: Spanish packets never show English notes."
    ]
    note.refresh_from_db()
    assert note.hearing_en != "Hearings are on Fridays."


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        ('{"street": {"source": "https://example.com/", "checked": "2026-12-01"}}',
         "street: the source must be a court's web page or “call to the clerk”."),
        ('{"street": {"source": "call to the clerk", "checked": "last week"}}',
         "street: the checked date must be written YYYY-MM-DD."),
        ('{"hours": {"source": "call to the clerk", "checked": "2026-12-01"}}',
         "hours is not a fact of this note. Use one of: court_name, street, city, zip, phone, "
         "self_help_url, efiling, mail_filing, fees, copies, serves_da."),
    ],
)  # fmt: skip
def test_fact_sources_are_checked_next_to_the_field(editor_client, sources, message):
    note = CountyFilingNote.objects.get(county="Kings")
    url = reverse("admin:guide_countyfilingnote_change", args=[note.pk])
    response = editor_client.post(url, _note_form_data(note, fact_sources=sources))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["fact_sources"] == [message]
