"""A person walks the whole interview in a real browser, on a phone-sized screen."""

import pytest

from eligibility.models import Case

from .conftest import PHONE, screenshot
from .interview import choose, continue_, nothing_right_now, opening_pages, probation_pages

pytestmark = pytest.mark.django_db(transaction=True)


def test_full_interview_in_chromium(page_factory):
    page = page_factory(PHONE)
    page.goto("/")
    page.get_by_role("link", name="Start the questions").click()

    opening_pages(
        page,
        county="Sacramento",
        number="24CR000123",
        judged="2020-02-03",
        offense="PC 487(a)",
        level="felony",
    )
    page.get_by_label("Probation", exact=True).check()
    continue_(page)
    assert "Step 7 of 20" in page.content()
    choose(page, "Prison term imposed and suspended", "No")
    continue_(page)
    probation_pages(page, "Yes, it has ended", "2023-05-10", violated="Yes")
    nothing_right_now(page)
    page.get_by_label("Full name").fill("Rosa Díaz")
    continue_(page)

    assert page.get_by_role("heading", name="Check your answers").is_visible()
    page.get_by_role("button", name="Save and see what I can do").click()

    assert page.get_by_role("heading", name="What you can do").is_visible()
    assert page.get_by_text("You can ask the court now. The judge decides.").is_visible()
    assert page.get_by_text("form CR-180, item 2c").is_visible()
    screenshot(page, "interview-results-phone")
    case = Case.objects.get()
    assert case.determinations.get().result["reduction_17b"] is True
