"""The public guide, through HTTP: index, pages, unpublished pages, Spanish and its fallback."""

import pytest
from django.urls import reverse

from expunge_portal.guide.models import GuidePage

SEEDED = (
    "what-clearing-means",
    "which-law-fits",
    "cannot-be-dismissed",
    "step-by-step",
    "state-prison",
    "certificate-of-rehabilitation",
    "trafficking-survivors",
    "fire-camp",
    "prop-47",
    "prop-64",
    "get-help",
)
# The routes beside dismissal (issue 19) and the section each page must cite, in both languages.
ROUTE_CITATIONS = {
    "certificate-of-rehabilitation": ("4852.03", "4852.06"),
    "trafficking-survivors": ("236.14", "667.5(c)"),
    "fire-camp": ("1203.4b",),
    "prop-47": ("1170.18(j)", "November 4, 2022"),
    "prop-64": ("11361.8", "CR-400"),
}
FALLBACK_NOTICE_ES = "Esta página aún no está traducida al español; se muestra en inglés."

pytestmark = pytest.mark.django_db


def test_home_page_links_to_the_guide(client):
    response = client.get(reverse("site:home"))
    assert response.status_code == 200
    assert f'href="{reverse("guide:index")}"' in response.content.decode()


def test_index_lists_published_pages_in_order_with_summaries(client):
    response = client.get("/guide/")
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(f'href="/guide/{slug}/"') for slug in SEEDED]
    assert positions == sorted(positions)
    assert GuidePage.objects.get(slug="get-help").summary_en in html


@pytest.mark.parametrize("slug", SEEDED)
def test_seeded_pages_are_published_in_both_languages(client, slug):
    response = client.get(f"/guide/{slug}/")
    assert response.status_code == 200
    page = GuidePage.objects.get(slug=slug)
    assert page.title_en in response.content.decode()
    assert page.title_es
    assert page.body_es


@pytest.mark.parametrize(("slug", "citations"), ROUTE_CITATIONS.items())
def test_route_pages_cite_their_sections_in_english_and_spanish(client, slug, citations):
    english = client.get(f"/guide/{slug}/", headers={"accept-language": "en"})
    client.cookies["django_language"] = "es"
    spanish = client.get(f"/guide/{slug}/")
    assert 'lang="es"' in spanish.content.decode()
    for citation in citations:
        assert citation in english.content.decode()
    page = GuidePage.objects.get(slug=slug)
    assert page.title_es in spanish.content.decode()
    assert page.title_en not in spanish.content.decode()


def test_unpublished_page_is_404_for_the_public_and_petitioners(client, petitioner, draft_page):
    assert client.get("/guide/draft-page/").status_code == 404
    assert client.get("/guide/draft-page/?preview=1").status_code == 404
    client.force_login(petitioner)
    assert client.get("/guide/draft-page/").status_code == 404
    assert client.get("/guide/draft-page/?preview=1").status_code == 404
    assert "A draft page" not in client.get("/guide/").content.decode()


def test_unpublished_page_previews_for_editors_only_with_preview_flag(
    editor_client, clinic_staff, client, draft_page
):
    assert editor_client.get("/guide/draft-page/").status_code == 404
    response = editor_client.get("/guide/draft-page/?preview=1")
    assert response.status_code == 200
    assert "This page is not published" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"
    client.force_login(clinic_staff)  # staff without the guide's change permission
    assert client.get("/guide/draft-page/?preview=1").status_code == 404


def test_published_page_renders_sanitized_markdown(client, english_only_page):
    english_only_page.body_en = "Safe **bold** <script>alert(1)</script>"
    english_only_page.save()
    html = client.get("/guide/english-only/").content.decode()
    assert "<strong>bold</strong>" in html
    assert "<script>alert(1)" not in html


def test_missing_page_is_404(client):
    assert client.get("/guide/no-such-page/").status_code == 404


@pytest.mark.parametrize(
    "how", [{"HTTP_ACCEPT_LANGUAGE": "es"}, {"cookie": "es"}], ids=["header", "cookie"]
)
def test_spanish_is_shown_with_es(client, how, settings):
    if "cookie" in how:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = how["cookie"]
        headers = {}
    else:
        headers = how
    page = GuidePage.objects.get(slug="which-law-fits")
    response = client.get("/guide/which-law-fits/", **headers)
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert page.title_es in html
    assert "Código Penal 1203.4" in html
    assert page.title_en not in html
    assert FALLBACK_NOTICE_ES not in html
    index = client.get("/guide/", **headers).content.decode()
    assert "Guía para limpiar su récord" in index
    assert page.summary_es in index


def test_english_fallback_with_notice_when_spanish_is_missing(client, english_only_page):
    response = client.get("/guide/english-only/", HTTP_ACCEPT_LANGUAGE="es")
    html = response.content.decode()
    assert FALLBACK_NOTICE_ES in html
    assert '<h1 lang="en">Only in English</h1>' in html
    assert '<div class="guide-body" lang="en">' in html
    assert "<strong>only</strong> in English" in html
    index = client.get("/guide/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<li lang="en">' in index
    assert "(en inglés)" in index


def test_english_page_has_no_fallback_notice(client, english_only_page):
    html = client.get("/guide/english-only/").content.decode()
    assert "not translated" not in html
    assert 'lang="en">Only' not in html


def test_external_links_are_marked_in_spanish_too(client):
    html = client.get("/guide/get-help/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'class="external-link"' in html
    assert '<span class="external-marker" lang="es"> (enlace externo)</span>' in html
    assert 'rel="noopener noreferrer nofollow"' in html
