"""Issue 14 in Chromium, English and Spanish, phone and desktop: a case that cannot be filed yet
offers no papers and offers a reminder instead; the Spanish cover, downloaded from the packet
page and read back, has no English step."""

import datetime
from io import BytesIO

import pypdf
import pytest
from django.utils import translation
from django.utils.translation import gettext

from forms_filler.models import Reminder
from tests.factories import make_case, make_person, make_user, rescreen
from tests.forms_filler.cover_steps import ENGLISH_STEPS, SPANISH_STEPS

from .conftest import screenshot
from .people import VIEWPORTS, person_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

END_DATE = datetime.date(2099, 5, 1)


def blocked_case(user):
    case = make_case(make_person(user, full_name="Rosa Díaz"))
    case.sentence_ended = False
    case.sentence_end_date = END_DATE
    case.save()
    rescreen(
        case,
        outcome="blocked",
        eligible_on=None,
        reasons=[{"text": "You are on probation now.", "citation": "PC 1203.4(a)(1)"}],
    )
    return case


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_blocked_case_offers_a_reminder_and_no_papers(
    page_factory, live_server, language, viewport
) -> None:
    user = make_user(f"blocked-{language}-{viewport}@example.org")
    case = blocked_case(user)
    page = person_page(page_factory, live_server, user, language=language, viewport=viewport)
    with translation.override(language):
        prepare = gettext("Prepare my court papers")
        make = gettext("Make my papers")
        remind = gettext("Email me a reminder")
        what_must_change = gettext("What must change first")

    page.goto("/screening/results/")
    assert page.get_by_role("link", name=prepare).count() == 0
    screenshot(page, f"blocked-results-{language}-{viewport}")
    page.locator(f"a.button[href='/packets/case/{case.pk}/']").click()

    assert page.get_by_role("heading", name=what_must_change).is_visible()
    assert page.get_by_role("button", name=make).count() == 0
    assert page.locator(f"form[action='/packets/case/{case.pk}/']").count() == 0
    screenshot(page, f"blocked-packet-{language}-{viewport}")
    page.get_by_role("button", name=remind).click()
    page.wait_for_load_state()
    reminder = Reminder.objects.get(case=case)
    assert reminder.due_on == END_DATE
    screenshot(page, f"blocked-reminder-set-{language}-{viewport}")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_spanish_cover_downloaded_has_no_english_step(
    page_factory, live_server, viewport
) -> None:
    user = make_user(f"cover-{viewport}@example.org")
    case = make_case(make_person(user, full_name="Rosa Díaz"))
    page = person_page(page_factory, live_server, user, language="es", viewport=viewport)
    page.goto(f"/packets/case/{case.pk}/")
    page.get_by_role("button", name="Preparar mis papeles").click()
    page.wait_for_load_state()
    screenshot(page, f"cover-es-packet-{viewport}")
    with page.expect_download() as download:
        page.locator(f"a[href='/packets/case/{case.pk}/v1/download/']").first.click()
    pdf = download.value.path().read_bytes()
    cover = ""
    for pdf_page in pypdf.PdfReader(BytesIO(pdf)).pages:
        text = " ".join(pdf_page.extract_text().split())
        if "PETITION FOR DISMISSAL" in text:  # the cover ends where the CR-180 starts
            break
        cover += " " + text
    assert "Sus próximos pasos" in cover
    assert [s for s in ENGLISH_STEPS if s in cover] == []
    assert [s for s in SPANISH_STEPS if s not in cover] == []
