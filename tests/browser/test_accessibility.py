"""Every page people meet, checked with axe-core in English and Spanish, at phone and desktop
widths, plus reflow at 320 px and a keyboard-only interview."""

import pytest

from tests.factories import PASSWORD, make_user

from .accessibility import axe_violations, overflows_horizontally
from .conftest import DESKTOP, PHONE, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_PAGES = [
    "/",
    "/privacy/",
    "/guide/",
    "/guide/which-law-fits/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/screening/questions/county/",
    "/no-such-page/",
]
NARROW = {"width": 320, "height": 800}


def set_language(page, language: str) -> None:
    page.goto("/")
    if language == "es":
        page.get_by_role("button", name="Español").click()


@pytest.mark.parametrize("language", ["en", "es"])
def test_public_pages_have_no_axe_violations(page_factory, language):
    page = page_factory(DESKTOP)
    set_language(page, language)
    problems = []
    for path in PUBLIC_PAGES:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == language
        problems += axe_violations(page)
    assert problems == []


def test_public_pages_reflow_at_320_px(page_factory):
    page = page_factory(NARROW)
    wide = []
    for path in PUBLIC_PAGES:
        page.goto(path)
        if overflows_horizontally(page):
            wide.append(path)
    assert wide == []


def login(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/my/" in url)


def test_interview_by_keyboard_alone_with_visible_focus(page_factory):
    page = page_factory(PHONE)
    page.goto("/screening/new/")
    # The skip link is the first stop and takes focus to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Enter")
    focus_ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focus_ring in {"none", "solid"}  # main itself draws none; fields below draw one

    select = page.get_by_label("County")
    select.focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.type("Sacr")  # type-ahead picks the option on a focused select
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the Continue button
    page.wait_for_url(lambda url: "/case-number/" in url)
    page.keyboard.press("Tab")
    for _ in range(10):
        if page.evaluate("document.activeElement.name") == "case-number-case_number":
            break
        page.keyboard.press("Tab")
    page.keyboard.type("24CR000123")
    page.keyboard.press("Enter")  # submitting the form from the field
    page.wait_for_url(lambda url: "/judgment-date/" in url)
    assert page.get_by_role("heading", name="When were you sentenced?").is_visible()


def test_error_summary_moves_and_links_to_the_field(page_factory):
    page = page_factory(DESKTOP)
    page.goto("/screening/new/")
    page.get_by_role("button", name="Continue").click()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    summary.get_by_role("link", name="Choose the county.").click()
    assert page.evaluate("document.activeElement.id") == "id_county-county"
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_signed_in_pages_have_no_axe_violations(page_factory, language):
    make_user("a11y@example.org")
    page = page_factory(DESKTOP)
    set_language(page, language)
    login(page, "a11y@example.org")
    problems = []
    for path in ["/my/", "/screening/results/", "/accounts/delete/", "/accounts/password/change/"]:
        page.goto(path)
        problems += axe_violations(page)
    screenshot(page, f"dashboard-{language}")
    assert problems == []
