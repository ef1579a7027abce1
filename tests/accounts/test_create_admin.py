"""`create_admin`: a superuser who can sign in at once (what `make run` makes on request)."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_new_superuser_signs_in_without_confirming_the_email() -> None:
    out = io.StringIO()
    call_command("create_admin", email="Ada@Example.org", password="a-long-password", stdout=out)
    assert "Created superuser ada@example.org" in out.getvalue()
    client = Client()
    response = client.post(
        "/accounts/login/", {"login": "ada@example.org", "password": "a-long-password"}
    )
    assert response.status_code == 302
    assert "confirm" not in response["Location"]
    # Signed in at once; the admin then asks for the second sign-in step to be set up first.
    admin = client.get("/admin/")
    assert admin.status_code == 302
    assert admin["Location"].startswith("/accounts/2fa/")


def test_a_short_password_is_refused_naming_the_option() -> None:
    with pytest.raises(CommandError, match="--password"):
        call_command("create_admin", email="ada@example.org", password="short")
