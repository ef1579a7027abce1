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


def _issue_19_person(email: str):
    """A signed-in person with a DEJ case (PC 1203.43), a county jail case with fire-camp service
    (PC 1203.4b) and a PC 415 misdemeanor (PC 17(d)(2)), screened."""
    import datetime

    from eligibility.services import case_determine
    from tests.factories import make_answered_case, make_person

    user = make_user(email)
    person = make_person(user)
    dej = make_answered_case(
        person,
        [("HS 11350", "misdemeanor")],
        county="Sacramento",
        case_number="19CR000777",
        judgment_date=datetime.date(2019, 3, 1),
        sentence="deferred_entry_of_judgment",
        sentence_ended=True,
        sentence_end_date=datetime.date(2021, 3, 1),
    )
    jail = make_answered_case(
        person,
        [("HS 11379", "felony"), ("PC 415", "misdemeanor")],
        county="Fresno",
        case_number="F123",
        judgment_date=datetime.date(2018, 3, 1),
        conviction_same_day=True,
        sentence="county_jail",
        mandatory_supervision=False,
        sentence_ended=True,
        sentence_end_date=datetime.date(2020, 3, 1),
        sentence_complied=True,
        new_conviction_since_judgment=False,
        fire_camp=True,
    )
    case_determine(case=dej)
    return user, dej, jail


@pytest.mark.parametrize("language", ["en", "es"])
def test_issue_19_pages_have_no_axe_violations(page_factory, language):
    """The results naming PC 1203.43, PC 17(d)(2) and the fire-camp route with its guide link,
    the DEJ dismissal question and the fire-camp question."""
    from eligibility.services import interview_draft_save
    from eligibility.wizard import wizard_data_for_case

    user, dej, jail = _issue_19_person("issue19@example.org")
    problems = []
    page = page_factory(DESKTOP)
    set_language(page, language)
    login(page, "issue19@example.org")
    page.goto("/screening/results/")
    assert "/guide/fire-camp/" in page.content()
    problems += axe_violations(page)
    for case, step in ((dej, "sentence-end"), (jail, "fire-camp")):
        interview_draft_save(user=user, data={**wizard_data_for_case(case), "step": step})
        page = page_factory(DESKTOP)  # a new session, so the saved draft is where it resumes
        set_language(page, language)
        login(page, "issue19@example.org")
        page.goto(f"/screening/questions/{step}/")
        assert f"/{step}/" in page.url
        problems += axe_violations(page)
    assert problems == []
