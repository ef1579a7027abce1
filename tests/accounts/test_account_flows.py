"""Sign-up, verification, log-in, log-out, password reset and throttling, through HTTP."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from expunge_portal.accounts.models import User
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def _link_from_last_email(pattern: str) -> str:
    match = re.search(pattern, mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(0)


def test_sign_up_verify_log_in_log_out():
    client = Client()
    response = client.post(
        reverse("account_signup"),
        {"email": "New.Person@Example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.org")
    assert not user.emailaddress_set.get().verified

    # Mandatory verification: logging in before confirming sends people to the confirmation step.
    client.post(reverse("account_logout"))
    response = client.post(
        reverse("account_login"), {"login": "new.person@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    confirm_path = _link_from_last_email(r"/accounts/confirm-email/[^/\s]+/")
    assert client.get(confirm_path).status_code == 200
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert user.emailaddress_set.get().verified

    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session
    response = client.post(
        reverse("account_login"), {"login": "new.person@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("site:dashboard")
    assert client.session["_auth_user_id"] == str(user.pk)

    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("site:dashboard")).status_code == 302


def test_sign_up_with_bad_input_shows_errors_by_the_fields_and_saves_nothing():
    response = Client().post(
        reverse("account_signup"), {"email": "not-an-email", "password1": "a", "password2": "b"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'aria-invalid="true"' in html
    assert 'href="#id_email"' in html
    assert not User.objects.exists()


def test_password_reset_sends_an_email_with_a_working_link(petitioner):
    client = Client()
    response = client.post(reverse("account_reset_password"), {"email": petitioner.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [petitioner.email]
    reset_path = _link_from_last_email(r"/accounts/password/reset/key/[^\s]+/")
    response = client.get(reset_path, follow=True)
    assert response.status_code == 200
    new_password = "a new and long passphrase"
    response = client.post(
        response.redirect_chain[-1][0] if response.redirect_chain else reset_path,
        {"password1": new_password, "password2": new_password},
    )
    assert response.status_code == 302
    petitioner.refresh_from_db()
    assert petitioner.check_password(new_password)


def test_password_reset_for_unknown_email_does_not_reveal_it():
    response = Client().post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    # allauth tells the unknown address that it has no account, never the person asking.
    assert all("nobody@example.org" in message.to for message in mail.outbox)


def test_failed_logins_are_throttled(petitioner):
    client = Client()
    for _ in range(5):
        response = client.post(
            reverse("account_login"), {"login": petitioner.email, "password": "wrong"}
        )
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
    # The limit now holds: even the right password is refused, with a message by the form.
    response = client.post(
        reverse("account_login"), {"login": petitioner.email, "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_successful_login_before_the_limit_is_not_throttled(petitioner):
    client = Client()
    for _ in range(4):
        client.post(reverse("account_login"), {"login": petitioner.email, "password": "wrong"})
    response = client.post(
        reverse("account_login"), {"login": petitioner.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(petitioner.pk)


def test_admin_login_goes_through_the_same_throttled_door(petitioner):
    response = Client().get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_change_password(petitioner_client, petitioner):
    response = petitioner_client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "another long passphrase",
            "password2": "another long passphrase",
        },
    )
    assert response.status_code == 302
    petitioner.refresh_from_db()
    assert petitioner.check_password("another long passphrase")


def test_delete_account_needs_the_password_and_removes_the_user(petitioner_client, petitioner):
    response = petitioner_client.post(reverse("accounts:delete"), {"password": "wrong"})
    assert response.status_code == 200
    assert "That password is not right." in response.content.decode()
    assert User.objects.filter(pk=petitioner.pk).exists()

    response = petitioner_client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=petitioner.pk).exists()
    assert "_auth_user_id" not in petitioner_client.session
