"""Signing a person in a browser page without the login form (which has its own tests)."""

from django.conf import settings
from django.test import Client

from .conftest import DESKTOP, PHONE

VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


def log_in(page, user, live_server) -> None:
    """A signed-in session, as the login form would leave it (the login form has its own tests)."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def person_page(page_factory, live_server, user, *, language: str, viewport: str):
    page = page_factory(VIEWPORTS[viewport])
    log_in(page, user, live_server)
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    return page
