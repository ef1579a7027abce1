"""The staff roles' longer passwords (accounts/passwords.py, STAFF_PASSWORD_MIN_LENGTH = 12 in
settings/base.py), through the password-change page and Django's validate_password."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from expunge_portal.accounts.models import User
from tests.factories import PASSWORD, client_for

ELEVEN = "elevenchars"  # 11 characters: enough for Django's minimum (8), short for staff (12)
TWELVE = "twelve chars"
STAFF_RULE = "Staff passwords must have at least 12 characters."

# Marked here, not only through the fixtures: a test that reaches the database only through
# request.getfixturevalue would be ordered after the transactional tests, which empty the tables.
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """allauth counts password changes in the cache, which outlives a test."""
    cache.clear()


def change_password(client: Client, new: str):
    return client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )


@pytest.mark.parametrize("role", ["clinic_staff", "content_editor", "admin_user"])
def test_a_staff_role_needs_twelve_characters(role: str, request) -> None:
    user: User = request.getfixturevalue(role)
    client = client_for(user)

    refused = change_password(client, ELEVEN)
    assert refused.status_code == 200
    assert STAFF_RULE in refused.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)

    assert change_password(client, TWELVE).status_code == 302
    user.refresh_from_db()
    assert user.check_password(TWELVE)


def test_a_petitioner_keeps_djangos_minimum(petitioner, petitioner_client) -> None:
    assert change_password(petitioner_client, ELEVEN).status_code == 302
    petitioner.refresh_from_db()
    assert petitioner.check_password(ELEVEN)


def test_the_rule_names_its_code_and_length(clinic_staff) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_password(ELEVEN, user=clinic_staff)
    assert [(e.code, e.params) for e in refused.value.error_list] == [
        ("password_too_short_for_staff", {"min_length": 12})
    ]
    validate_password(TWELVE, user=clinic_staff)


def test_no_user_or_an_unsaved_one_gets_djangos_rules_only() -> None:
    validate_password(ELEVEN)
    validate_password(ELEVEN, user=User(email="new@example.org"))
