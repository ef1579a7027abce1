"""Brute force through the admin's door and the password reset form is throttled, and the
throttle answers with a page, never a server error."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def test_admin_password_guessing_is_throttled_like_everyone_elses(admin_user):
    """The admin signs in at the portal's login (the admin has no form of its own): after five
    wrong passwords even the right one is refused, and the admin stays out."""
    client = Client()
    login = reverse("account_login") + "?next=/admin/"
    assert client.post("/admin/login/", {"username": admin_user.email, "password": "x"})[
        "Location"
    ].startswith(reverse("account_login"))
    for _ in range(5):
        client.post(login, {"login": admin_user.email, "password": "wrong"})
    response = client.post(login, {"login": admin_user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_guessing_from_many_addresses_is_still_limited_per_account(admin_user):
    for attempt in range(5):
        Client(REMOTE_ADDR=f"10.0.0.{attempt}").post(
            reverse("account_login"), {"login": admin_user.email, "password": "wrong"}
        )
    response = Client(REMOTE_ADDR="10.0.0.99").post(
        reverse("account_login"), {"login": admin_user.email, "password": PASSWORD}
    )
    assert "Too many failed login attempts" in response.content.decode()


def test_password_reset_requests_are_throttled(petitioner):
    client = Client()
    url = reverse("account_reset_password")
    answers = [client.post(url, {"email": petitioner.email}).status_code for _ in range(8)]
    assert 429 in answers, answers
    assert 500 not in answers
    assert len(mail.outbox) < 8  # the mailbox is not flooded
    refused = client.post(url, {"email": petitioner.email})
    assert refused.status_code == 429
    assert "Traceback" not in refused.content.decode()
