"""The whole journey in a real browser, in Spanish on a phone and in English on a desktop (each
language and each width once: the other browser tests cover the other pairs, and the journey is
the suite's slowest test):
sign up, answer the interview for two cases, see the results, make the papers, download them,
send them for review; staff ask for changes; the person changes an answer, makes new papers and
sends them again; staff approve. axe-core checks every page the journey visits.

Selectors use names, ids and addresses rather than visible words, so the same steps run in both
languages; what the person reads is checked through the page's language and key phrases."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

from eligibility.models import Case
from expunge_portal.accounts.roles import CLINIC_STAFF_GROUP
from forms_filler.models import Packet, ReviewStatus
from tests.accounts.totp import totp_code
from tests.factories import PASSWORD, STAFF_TOTP_SECRET, make_user

from .accessibility import axe_violations
from .conftest import DESKTOP, PHONE, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # allauth limits confirmation emails per address; every journey starts with none sent.
    cache.clear()


PHRASES = {
    "en": {"results": "What you can do", "eligible": "You can ask the court to dismiss"},
    "es": {"results": "Lo que usted puede hacer", "eligible": "Puede pedirle a la corte"},
}


class Journey:
    """One person's browser page plus the axe findings of every page it visited."""

    def __init__(self, page, language: str, name: str) -> None:
        self.page = page
        self.language = language
        self.name = name
        self.problems: list[str] = []

    def check(self) -> None:
        lang = self.page.locator("html").get_attribute("lang")
        assert lang == self.language, self.page.url
        self.problems += axe_violations(self.page)

    def goto(self, path: str) -> None:
        self.page.goto(path)
        self.check()

    def submit(self, form: str = "main form") -> None:
        self.page.locator(f"{form} button[type=submit]").first.click()
        self.page.wait_for_load_state()
        self.check()

    def answer(self, step: str, **fields: str) -> None:
        page = self.page
        assert f"/screening/questions/{step}/" in page.url, (step, page.url)
        for name, value in fields.items():
            field = page.locator(f"[name='{step}-{name}']")
            kind = field.first.get_attribute("type")
            if kind == "radio":
                page.locator(f"[name='{step}-{name}'][value='{value}']").check()
            elif field.first.evaluate("el => el.tagName") == "SELECT":
                field.select_option(value)
            else:
                field.fill(value)
        self.submit()


def sign_up(journey: Journey, email: str) -> None:
    page = journey.page
    page.goto("/")
    if journey.language == "es":
        page.locator("form.language-form button[value='es']").click()
        page.wait_for_load_state("networkidle")
    journey.goto("/accounts/signup/")
    page.locator("#id_email").fill(email)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    journey.submit()
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    journey.goto(link)
    journey.submit()
    assert "/my/" in page.url


def interview(journey: Journey, *, county: str, case_number: str, first: bool) -> None:
    journey.goto("/screening/new/")
    journey.answer("county", county=county)
    journey.answer("case-number", case_number=case_number)
    if county == "Sacramento":
        journey.answer("judgment-date", judgment_date="2019-04-02")
        journey.answer("conviction-date", conviction_same_day="yes")
        journey.answer("offenses", **{"0-offense": "PC 484(a)", "0-level": "misdemeanor"})
        journey.answer("sentence", sentence="probation")
        journey.answer("sentence-end", sentence_ended="yes", sentence_end_date="2022-04-02")
        journey.answer("probation", probation_violated="no", probation_terminated_early="no")
    else:
        journey.answer("judgment-date", judgment_date="2021-08-20")
        journey.answer("conviction-date", conviction_same_day="yes")
        journey.answer("offenses", **{"0-offense": "PC 647(f)", "0-level": "misdemeanor"})
        journey.answer("sentence", sentence="no_probation")
    journey.answer("complied", sentence_complied="yes")
    journey.answer("since", new_conviction_since_judgment="no")
    if first:  # asked once per person
        journey.answer(
            "right-now",
            pending_charges="no",
            on_supervision_now="no",
            serving_sentence_now="no",
            registrant="no",
        )
        journey.answer("about-you", full_name="Rosa Díaz", street="1 Main St", city="Sacramento")
    journey.answer("check")
    assert "/screening/results/" in journey.page.url


def staff_decides(staff: Journey, packet: Packet, decision: str, message: str = "") -> None:
    """Open the packet from the queue (which starts its review) and send the one decision form."""
    staff.goto("/review/")
    staff.goto(f"/review/packets/{packet.pk}/")
    staff.page.locator(f"input[name='decision'][value='{decision}']").check()
    if message:
        staff.page.locator("[name='message']").first.fill(message)
    staff.submit("form.decision-form")


@pytest.mark.parametrize(
    ("language", "viewport"),
    [("es", PHONE), ("en", DESKTOP)],
    ids=["es-phone", "en-desktop"],
)
def test_the_whole_journey(page_factory, language, viewport):
    width = "phone" if viewport == PHONE else "desktop"
    person = Journey(page_factory(viewport), language, f"{language}-{width}")
    sign_up(person, "rosa@example.org")

    interview(person, county="Sacramento", case_number="19CR0042", first=True)
    interview(person, county="Yolo", case_number="21M-77", first=False)
    page = person.page
    assert page.get_by_role("heading", name=PHRASES[language]["results"]).is_visible()
    assert PHRASES[language]["eligible"] in page.content()
    screenshot(page, f"journey-results-{person.name}")
    sacramento = Case.objects.get(county="Sacramento")
    assert Case.objects.filter(person__owner__email="rosa@example.org").count() == 2

    # Papers for the first case: made in the background, then downloaded.
    page.locator(f"a[href='/packets/case/{sacramento.pk}/']").first.click()
    person.check()
    person.submit("#packet-status form")
    assert page.locator("a[href$='/v1/download/']").first.is_visible()
    with page.expect_download() as download:
        page.locator("a[href$='/v1/download/']").first.click()
    assert download.value.suggested_filename.endswith("-v1.pdf")
    assert (download.value.path().read_bytes()[:5]) == b"%PDF-"
    screenshot(page, f"journey-packet-{person.name}")
    person.submit("form[action$='/submit/']")
    packet = Packet.objects.get(case=sacramento)
    assert packet.review_status == ReviewStatus.SUBMITTED

    staff_user = make_user("sam.staff@example.org", groups=(CLINIC_STAFF_GROUP,))
    staff_user.preferred_language = language
    staff_user.save()
    staff = Journey(page_factory(DESKTOP), language, f"staff-{language}")
    staff.page.goto("/accounts/login/")  # in English until the account's language is known
    staff.page.locator("#id_login").fill(staff_user.email)
    staff.page.locator("#id_password").fill(PASSWORD)
    staff.page.locator("main form button[type=submit]").first.click()
    # The second step, with a code computed here (in English too: not signed in yet).
    staff.page.locator("#id_code").fill(totp_code(STAFF_TOTP_SECRET))
    staff.submit()
    assert staff.page.url.endswith("/review/")  # staff land on the queue
    staff_decides(staff, packet, "request_changes", "Please check the case number.")
    screenshot(staff.page, f"journey-staff-{person.name}")

    # The person reads the message, changes an answer, makes new papers and sends them again.
    person.goto(f"/packets/case/{sacramento.pk}/")
    assert "Please check the case number." in page.content()
    page.locator(f"form[action='/screening/cases/{sacramento.pk}/edit/'] button").click()
    person.check()
    page.locator("a[href='/screening/questions/case-number/?return=check']").click()
    person.check()
    page.locator("[name='case-number-case_number']").fill("19CR004200")
    person.submit()
    assert "/screening/questions/check/" in page.url
    person.submit()
    sacramento.refresh_from_db()
    assert sacramento.case_number == "19CR004200"
    # One button makes the new papers and sends them back to the clinic.
    person.goto(f"/packets/case/{sacramento.pk}/")
    person.submit("form[action$='/resend/']")
    assert page.locator("a[href$='/v2/download/']").first.is_visible()
    packet.refresh_from_db()
    assert packet.review_status == ReviewStatus.RESUBMITTED

    staff_decides(staff, packet, "approve")
    packet.refresh_from_db()
    assert packet.review_status == ReviewStatus.APPROVED
    person.goto(f"/packets/case/{sacramento.pk}/")
    screenshot(page, f"journey-approved-{person.name}")

    assert person.problems == []
    assert staff.problems == []
