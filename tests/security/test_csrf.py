"""Every POST door refuses a request without the CSRF token (403), whoever sends it."""

import pytest
from django.test import Client

from .answers import POSTS, ROLES
from .conftest import World
from .urls import admin_view_kind, all_routes, url_for

pytestmark = pytest.mark.django_db


def _csrf_client(world: World, role: str) -> Client:
    client = Client(enforce_csrf_checks=True)
    user = world.user(role)
    if user is not None:
        client.force_login(user)
    return client


# One-click unsubscribe (RFC 8058): mail providers POST with no cookie and no token; the signed
# token in the address authorizes it, and all it can do is cancel reminder emails.
CSRF_EXEMPT = frozenset({"forms_filler:reminder_unsubscribe"})


def post_routes():
    """The portal's POST doors, and the admin's forms (add, change, delete)."""
    for route in all_routes():
        if route.key in CSRF_EXEMPT:
            continue
        if route.key in POSTS or admin_view_kind(route) in {"add", "change", "delete"}:
            yield route


@pytest.mark.parametrize("role", ROLES)
def test_post_without_csrf_token_is_refused(world: World, role: str) -> None:
    client = _csrf_client(world, role)
    let_through = []
    for route in post_routes():
        url = url_for(route, world)
        response = client.post(url, {"language": "es", "login": "a@example.org", "password": "x"})
        if response.status_code != 403:
            let_through.append(f"{route.key} {url}: {response.status_code}")
    assert not let_through, "\n".join(let_through)


def test_the_refusal_is_the_styled_403_page(world: World) -> None:
    client = _csrf_client(world, "owner")
    response = client.post(url_for(next(iter(post_routes())), world), {})
    assert response.status_code == 403
    assert "You cannot see this page" in response.text
    assert 'href="/static/css/site.css"' in response.text
    assert "<style" not in response.text
    assert "CSRF" not in response.text


def test_the_same_post_with_the_token_goes_through(world: World) -> None:
    """The refusal above is the missing token, not the door: with the token the owner passes."""
    client = _csrf_client(world, "owner")
    page = client.get(f"/screening/cases/{world.case.pk}/remove/")
    token = page.cookies["csrftoken"].value
    response = client.post(
        f"/screening/cases/{world.case.pk}/remove/", {"csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
