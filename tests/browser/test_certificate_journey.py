"""A state prison case walked in Chromium to the certificate of rehabilitation on the results page,
then the page checked with axe-core in English and Spanish.

Left prison 2014-08-20 for HS 11379 (5 years + 2 more, PC 4852.03(a)(3)): the period's last day
was 2021-08-20, so the person can file now."""

import pytest

from eligibility.models import Case

from .accessibility import axe_violations
from .conftest import DESKTOP, screenshot
from .interview import (
    choose,
    complied_and_nothing_since,
    continue_,
    nothing_right_now,
    opening_pages,
    sentence_ended,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_state_prison_case_reaches_the_certificate_in_both_languages(page_factory):
    page = page_factory(DESKTOP)
    page.goto("/screening/new/")
    opening_pages(
        page, county="Fresno", number="", judged="2010-05-03", offense="HS 11379", level="felony"
    )
    page.get_by_label("State prison", exact=True).check()
    continue_(page)
    choose(page, "Sentenced to prison before realignment", "No")
    continue_(page)
    sentence_ended(page, "Yes, it has ended", "2017-08-20")

    assert page.get_by_role("heading", name="When did you leave prison?").is_visible()
    page.get_by_label("The date you left prison").fill("2014-08-20")
    continue_(page)
    assert page.get_by_role(
        "heading", name="How long have you lived in California without a break?"
    ).is_visible()
    years = page.get_by_label("Years you have lived in California without moving away")
    years.fill("200")
    continue_(page)
    assert page.locator("#id_residence-ca_residence_years_error").is_visible()
    assert axe_violations(page) == []
    years.fill("12")
    continue_(page)

    complied_and_nothing_since(page)
    choose(page, "Served on a fire crew or at a fire camp while in custody", "No")
    continue_(page)
    nothing_right_now(page)
    continue_(page)  # no name yet
    page.get_by_role("button", name="Save and see what I can do").click()

    heading = page.get_by_role("heading", name="Certificate of rehabilitation")
    assert heading.is_visible()
    assert page.get_by_text("You can ask for a certificate of rehabilitation now.").is_visible()
    assert page.get_by_role("heading", name="Where to file").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "certificate-results-en")
    assert Case.objects.get().ca_residence_years == 12

    page.get_by_role("button", name="Español").click()
    page.goto("/screening/results/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", name="Certificado de rehabilitación").is_visible()
    assert page.get_by_text("Puede pedir un certificado de rehabilitación ahora.").is_visible()
    assert page.get_by_role("heading", name="Dónde presentar la petición").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "certificate-results-es")
