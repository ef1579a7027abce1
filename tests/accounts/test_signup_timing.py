"""Sign-up answers in the same time whether the email is new or already has an account, so the
time does not tell anyone that a person has an account (and so a record) here."""

import statistics
import time

import pytest
from django.contrib.auth.hashers import make_password
from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings

from tests.factories import make_user

pytestmark = pytest.mark.django_db

ROUNDS = 7
PASSWORD = "Zq8-tulip-meadow"


def _sign_up(email: str) -> float:
    cache.clear()  # the per-address sign-up limit is not what is measured
    client = Client()
    started = time.perf_counter()
    response = client.post(
        "/accounts/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )
    elapsed = time.perf_counter() - started
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"  # the same answer either way
    return elapsed


@override_settings(PASSWORD_HASHERS=["tests.accounts.hashers.TimingTestHasher"])
def test_new_and_existing_emails_take_the_same_time():
    make_user("taken@example.org")
    started = time.perf_counter()
    make_password(PASSWORD)
    one_hash = time.perf_counter() - started
    _sign_up("warm-up@example.org")
    new, existing = [], []
    for round_ in range(ROUNDS):  # interleaved, so load on the machine hits both alike
        new.append(_sign_up(f"new{round_}@example.org"))
        existing.append(_sign_up("taken@example.org"))
    difference = abs(statistics.median(new) - statistics.median(existing))
    # Before the fix the gap was a whole password hash (plus the SMTP round trip in production).
    assert difference < one_hash / 2, (new, existing, one_hash)


def test_both_paths_send_their_email_through_the_task_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    from django.tasks import default_task_backend

    make_user("taken@example.org")
    _sign_up("fresh@example.org")
    _sign_up("taken@example.org")
    assert mail.outbox == []  # nothing sent inside the request
    recipients = [result.kwargs["to"] for result in default_task_backend.results]
    assert recipients == [["fresh@example.org"], ["taken@example.org"]]
