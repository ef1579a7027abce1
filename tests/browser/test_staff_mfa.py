"""A clinic staff member signs in with password and an authenticator code (computed here with
RFC 6238), in Chromium against the live server, and reaches the review queue."""

import re

import pytest

from expunge_portal.accounts.roles import CLINIC_STAFF_GROUP
from tests.accounts.totp import totp_code
from tests.factories import PASSWORD, STAFF_TOTP_SECRET, make_user

from .conftest import DESKTOP, PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_sign_in_with_an_authenticator_code(page_factory) -> None:
    staff = make_user("sam.staff@example.org", groups=(CLINIC_STAFF_GROUP,))
    page = page_factory(DESKTOP)
    page.goto("/review/")
    page.get_by_label("Email").fill(staff.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
    screenshot(page, "staff-mfa-code-desktop")
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Sign In").click()
    assert page.locator("#id_code_error").get_by_text("Incorrect code.").is_visible()
    page.get_by_label("Code").fill(totp_code(STAFF_TOTP_SECRET))
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/review/$"))
    assert page.get_by_role("heading", level=1).is_visible()


def test_staff_without_an_authenticator_are_shown_how_to_set_it_up(page_factory) -> None:
    staff = make_user("new.staff@example.org", groups=(CLINIC_STAFF_GROUP,), totp=False)
    page = page_factory(PHONE, locale="es-ES")
    page.goto("/review/")
    page.get_by_label(re.compile("Correo", re.I)).fill(staff.email)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/accounts/reauthenticate/"))
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/accounts/2fa/totp/activate/"))
    screenshot(page, "staff-mfa-setup-phone-es")
    assert page.locator("html").get_attribute("lang") == "es"
