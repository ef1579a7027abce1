"""Issue 14 in Chromium, English and Spanish, phone and desktop: a filable case's CR-180, made from
the packet page and downloaded, shows the court's street address in its court box.

Amador's courthouse is one of the addresses shipped in guide/data/courts.json (read on
https://amadorcourt.org/default.aspx on 2026-12-01); the expected lines are written out here."""

from io import BytesIO

import pypdf
import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import make_case, make_person, make_user

from .conftest import screenshot
from .people import VIEWPORTS, person_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def petition_first_page(pdf: bytes) -> str:
    """The first page of the CR-180 (the court forms stay in English in every packet)."""
    for page in pypdf.PdfReader(BytesIO(pdf)).pages:
        text = " ".join(page.extract_text().split())
        if "PETITION FOR DISMISSAL" in text and "ORDER FOR DISMISSAL" not in text:
            return text
    raise AssertionError("the packet has no CR-180 page")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_filable_cases_cr180_shows_the_courts_street_address(
    page_factory, live_server, language, viewport
) -> None:
    user = make_user(f"address-{language}-{viewport}@example.org")
    case = make_case(make_person(user, full_name="Rosa Díaz"), county="Amador")
    page = person_page(page_factory, live_server, user, language=language, viewport=viewport)
    with translation.override(language):
        make = gettext("Make my papers")

    page.goto(f"/packets/case/{case.pk}/")
    page.get_by_role("button", name=make).click()
    page.wait_for_load_state()
    screenshot(page, f"court-address-packet-{language}-{viewport}")
    with page.expect_download() as download:
        page.locator(f"a[href='/packets/case/{case.pk}/v1/download/']").first.click()
    petition = petition_first_page(download.value.path().read_bytes())

    assert "SUPERIOR COURT OF CALIFORNIA, COUNTY OF AMADOR" in petition
    assert "STREET ADDRESS: 500 Argonaut Lane" in petition
    assert "CITY AND ZIP CODE: Jackson, CA 95642" in petition
