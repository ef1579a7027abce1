"""Issue 14: the account pages are in our voice in both languages, with "usted" throughout.

Each page's main region is read in English and in Spanish: our own heading, and in Spanish none
of the informal ("tú") forms allauth's catalog mixes in, and no English left over."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils.html import strip_tags

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

# Words that only the informal "tú" uses (verb forms and possessives), as whole words.
TU_FORMS = re.compile(
    r"\b(tú|tu|tus|te|ti|ves|tienes|puedes|quieres|comprueba|revisa|escribe|haz|has olvidado)\b",
    re.IGNORECASE,
)

ANONYMOUS_PAGES = {
    "/accounts/signup/": ("Create your account", "Cree su cuenta"),
    "/accounts/login/": ("Sign in", "Iniciar sesión"),
    "/accounts/password/reset/": ("Forgot your password?", "¿Olvidó su contraseña?"),
    "/accounts/password/reset/done/": ("Check your email", "Revise su correo electrónico"),
    "/accounts/confirm-email/": ("Check your email", "Revise su correo electrónico"),
    "/accounts/confirm-email/not-a-key/": (
        "This link is too old or has already been used.",
        "Este enlace es demasiado antiguo o ya se usó.",
    ),
}
SIGNED_IN_PAGES = {
    "/accounts/email/": ("Your email addresses", "Sus direcciones de correo electrónico"),
    "/accounts/password/change/": ("Change your password", "Cambie su contraseña"),
    "/accounts/logout/": ("Sign out", "Cerrar sesión"),
}
ALLAUTH_ENGLISH = (
    "Sign Up",
    "Sign In",
    "Verify Your Email Address",
    "Password Reset",
    "Reset My Password",
    "Email Addresses",
    "Make Primary",
    "Re-send Verification",
    "Change Password",
    "Sign Out",
    "Are you sure",
)


def main_text(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    main = re.search(r"<main.*?</main>", html, re.S)
    return re.sub(r"\s+", " ", strip_tags(main.group(0)))


def pages(petitioner) -> list[tuple[Client, str, tuple[str, str]]]:
    signed_in = Client()
    signed_in.force_login(petitioner)
    return [(Client(), url, words) for url, words in ANONYMOUS_PAGES.items()] + [
        (signed_in, url, words) for url, words in SIGNED_IN_PAGES.items()
    ]


def test_account_pages_speak_our_english(petitioner) -> None:
    for client, url, (english, _spanish) in pages(petitioner):
        text = main_text(client, url)
        assert english in text, url
        left = [words for words in ALLAUTH_ENGLISH if words in text]
        assert not left, (url, left)


def test_account_pages_speak_spanish_with_usted(petitioner) -> None:
    for client, url, (english, spanish) in pages(petitioner):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
        text = main_text(client, url)
        assert spanish in text, url
        assert english not in text, url
        informal = TU_FORMS.findall(text)
        assert not informal, (url, informal)


def _flash(response) -> str:
    """The page's messages region, as text."""
    html = response.content.decode()
    found = re.search(r'<(ul|div)[^>]*class="[^"]*messages[^"]*".*?</\1>', html, re.S)
    assert found, "no messages region on the page"
    return re.sub(r"\s+", " ", strip_tags(found.group(0))).strip()


@pytest.mark.parametrize(
    ("language", "signed_in", "signed_out", "password_changed"),
    [
        ("en", "You are signed in.", "You are signed out.", "Your password is changed."),
        ("es", "Inició sesión.", "Cerró sesión.", "Su contraseña está cambiada."),
    ],
)
def test_account_notices_are_ours_in_both_languages(
    petitioner, language, signed_in, signed_out, password_changed
) -> None:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.post(
        "/accounts/login/", {"login": petitioner.email, "password": PASSWORD}, follow=True
    )
    assert signed_in in _flash(response)
    new_password = "a-new-long-passphrase-42"
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
        follow=True,
    )
    assert password_changed in _flash(response)
    response = client.post("/accounts/logout/", follow=True)
    assert signed_out in _flash(response)
    assert "Successfully" not in _flash(response)
