"""Two-step sign-in: required for staff roles before staff pages and the admin, optional for
petitioners; a wrong code is limited like a wrong password; staff passwords are longer."""

import base64

import pytest
from allauth.mfa.models import Authenticator
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation

from expunge_portal.accounts.roles import CLINIC_STAFF_GROUP, CONTENT_EDITOR_GROUP
from tests.factories import PASSWORD, STAFF_TOTP_SECRET, client_for, make_user

from .totp import totp_code


def test_the_test_code_generator_meets_rfc_6238():
    # RFC 6238 appendix B: secret "12345678901234567890", T = 59 s -> 94287082 (8 digits).
    secret = base64.b32encode(b"12345678901234567890").decode()
    assert totp_code(secret, at=59) == "287082"


pytestmark = pytest.mark.django_db

ACTIVATE = "/accounts/2fa/totp/activate/"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.mark.parametrize(
    ("groups", "extra", "staff_page"),
    [
        ((CLINIC_STAFF_GROUP,), {}, "/review/"),
        ((CONTENT_EDITOR_GROUP,), {"is_staff": True}, "/admin/"),
        ((), {"is_staff": True, "is_superuser": True}, "/admin/"),
    ],
)
def test_staff_roles_without_an_authenticator_are_sent_to_set_one_up(groups, extra, staff_page):
    user = make_user("new.staff@example.org", groups=groups, totp=False, **extra)
    response = client_for(user).get(staff_page)
    assert response.status_code == 302
    assert response["Location"].startswith(ACTIVATE)


def test_setting_up_the_authenticator_opens_the_staff_pages():
    user = make_user("new.staff@example.org", groups=(CLINIC_STAFF_GROUP,), totp=False)
    client = Client()
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    sent = client.get("/review/")["Location"]
    # allauth asks for the password again before a second step is set up.
    assert client.get(sent)["Location"].startswith("/accounts/reauthenticate/")
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    page = client.get(ACTIVATE)
    assert page.status_code == 200
    secret = page.context["form"].secret
    response = client.post(ACTIVATE, {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type="totp").exists()
    assert client.get("/review/").status_code == 200


def test_a_petitioner_may_turn_it_on_but_is_not_made_to(petitioner_client):
    assert petitioner_client.get("/my/").status_code == 200
    assert petitioner_client.get("/accounts/2fa/").status_code == 200


def _sign_in_with_password(client: Client, email: str) -> None:
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"


def test_staff_sign_in_asks_for_the_code(clinic_staff):
    client = Client()
    _sign_in_with_password(client, clinic_staff.email)
    assert client.get("/review/").status_code == 302  # not signed in until the code
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(STAFF_TOTP_SECRET)})
    assert response.status_code == 302
    assert client.get("/review/").status_code == 200


def test_wrong_codes_are_limited_like_wrong_passwords(clinic_staff):
    client = Client()
    _sign_in_with_password(client, clinic_staff.email)
    for _ in range(5):
        wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
        assert wrong.status_code == 200
    refused = client.post("/accounts/2fa/authenticate/", {"code": totp_code(STAFF_TOTP_SECRET)})
    assert "Too many failed login attempts" in refused.content.decode()
    assert client.get("/review/").status_code == 302


@pytest.mark.parametrize(("email", "groups", "kept"), [
    ("staff2@example.org", (CLINIC_STAFF_GROUP,), True),
    ("petitioner2@example.org", (), False),
])  # fmt: skip
def test_staff_cannot_turn_their_second_step_off(email, groups, kept):
    user = make_user(email, groups=groups, totp=True)
    client = client_for(user)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    client.post("/accounts/2fa/totp/deactivate/")
    assert Authenticator.objects.filter(user=user, type="totp").exists() is kept


@translation.override("en")
def test_staff_passwords_need_twelve_characters():
    with pytest.raises(CommandError, match=r"--password: .*at least 12 characters"):
        call_command("create_clinic_staff", email="s@example.org", password="eleven-char")
    with pytest.raises(CommandError, match=r"--password: .*too common"):
        call_command("create_content_editor", email="e@example.org", password="password1234")
    call_command("create_clinic_staff", email="s@example.org", password="twelve-chars")


def test_a_staff_member_cannot_change_to_a_short_password(clinic_staff):
    client = client_for(clinic_staff)
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "Short-pw-11", "password2": "Short-pw-11"},
    )
    assert "at least 12 characters" in response.content.decode()


def test_petitioners_may_use_shorter_passwords_but_not_common_ones():
    client = Client()
    ok = client.post(
        "/accounts/signup/",
        {"email": "p1@example.org", "password1": "Zq8-tulip", "password2": "Zq8-tulip"},
    )
    assert ok.status_code == 302
    common = Client().post(
        "/accounts/signup/",
        {"email": "p2@example.org", "password1": "password123", "password2": "password123"},
    )
    assert "too common" in common.content.decode()


def test_the_demo_staff_login_works_with_its_published_secret():
    import io

    from expunge_portal.site.management.commands.load_demo import DEMO_STAFF, DEMO_TOTP_SECRET

    out = io.StringIO()
    call_command("load_demo", stdout=out)
    call_command("load_demo", stdout=io.StringIO())  # again: still one authenticator
    assert DEMO_TOTP_SECRET in out.getvalue()
    email, password = DEMO_STAFF
    client = Client()
    response = client.post("/accounts/login/", {"login": email, "password": password})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(DEMO_TOTP_SECRET)})
    assert client.get("/review/").status_code == 200
