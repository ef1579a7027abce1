"""One person's two cases in a real browser, on a phone and a desktop: a misdemeanor petty theft
whose probation ended in 2018, and a DUI whose probation runs until 2027. The theft case must say
that the DUI's probation blocks it and from when the person can file, and never "now"
(PC 1203.4(a)(1): not on probation for any offense)."""

import re

import pytest

from eligibility.models import Case

from .accessibility import axe_violations
from .conftest import DESKTOP, PHONE, screenshot
from .interview import choose, continue_, nothing_right_now, probation_pages

pytestmark = pytest.mark.django_db(transaction=True)


def case_start(page, county: str, number: str, judged: str) -> None:
    page.get_by_label("County").select_option(county)
    continue_(page)
    page.get_by_label("Case number (optional)").fill(number)
    continue_(page)
    page.get_by_label("Date of sentencing (judgment)").fill(judged)
    box = page.get_by_label("I am not sure of this date. It is my best guess.").bounding_box()
    assert box is not None
    assert box["width"] >= 24  # WCAG 2.2, 2.5.8: a target of at least 24 by 24 CSS pixels
    assert box["height"] >= 24
    width = page.viewport_size["width"] if page.viewport_size else 0
    screenshot(page, f"person-judgment-date-{width}")
    continue_(page)
    choose(page, "Were you convicted on the same day you were sentenced?", "Yes, the same day")
    continue_(page)


def probation_rest(page, ended: str, end: str) -> None:
    page.get_by_label("Probation", exact=True).check()
    continue_(page)
    probation_pages(page, ended, end)


@pytest.mark.parametrize(("viewport", "name"), [(PHONE, "phone"), (DESKTOP, "desktop")])
def test_a_theft_case_is_blocked_by_the_dui_probation_until_the_day_after_it_ends(
    page_factory, viewport, name
):
    page = page_factory(viewport)
    page.goto("/screening/new/")

    # The petty theft, typed by name as PC 484/488 is written on court papers.
    case_start(page, "Sacramento", "16CR1", "2016-05-01")
    assert page.locator("input[name^='offenses-'][name$='-offense']").count() == 1
    page.locator("#id_offenses-0-offense").fill("PC 484/488")
    page.locator("#id_offenses-0-level").select_option("misdemeanor")
    continue_(page)
    probation_rest(page, "Yes, it has ended", "2018-05-01")
    nothing_right_now(page)
    page.get_by_label("Full name").fill("Rosa Díaz")
    continue_(page)
    page.get_by_role("button", name="Save and see what I can do").click()
    assert page.get_by_text("You can ask the court to dismiss this conviction now.").is_visible()

    # The DUI, still on probation until May 1, 2027: the person questions are not asked again.
    page.get_by_role("button", name="Add another case").click()
    case_start(page, "Los Angeles", "24TR9", "2024-05-01")
    page.get_by_role("button", name="Add another offense").click()
    assert page.locator("input[name^='offenses-'][name$='-offense']").count() == 2
    screenshot(page, f"person-offenses-two-rows-{name}")
    page.locator("#id_offenses-0-offense").fill("VC 23152(a)")
    page.locator("#id_offenses-0-level").select_option("misdemeanor")
    continue_(page)
    probation_rest(page, "No, it is still going on", "2027-05-01")
    assert page.get_by_role("heading", name="Check your answers").is_visible()
    page.get_by_role("button", name="Save and see what I can do").click()

    theft = Case.objects.get(case_number="16CR1")
    section = page.locator(f"#case-{theft.pk}")
    text = section.inner_text()
    assert "Not yet: another of your cases must end first." in text
    assert "Blocked by the probation in your case for VC 23152(a) (Los Angeles" in text
    assert "You can file from May 2, 2027." in text
    assert not re.search(r"\bnow\b", text, re.IGNORECASE), text
    summary = page.locator(".results-summary").inner_text()
    assert "Not yet: you can file from May 2, 2027." in summary
    assert axe_violations(page) == []
    screenshot(page, f"person-two-cases-results-{name}")
