"""Every URL pattern of the project, requested as anonymous, the owner, another petitioner,
clinic staff and an admin, against a table of expected answers.

A new URL pattern that the tables in answers.py do not classify fails
`test_every_pattern_is_classified`: add it to PAGES (or ADMIN_MODELS for a newly registered admin
model) with the answer each role should get. Answers:
    200 / 400 / 403 / 404 / 405   that status
    login        302 to the portal's login page (/accounts/login/?next=...)
    signup       302 to the sign-up page (papers are kept per account)
    admin-login  302 to the admin's login door (/admin/login/), which sends people to the portal's
    302          any other redirect inside the site
    offsite      a redirect to another host (only the admin's "view on site", to the Site's domain)
"""

import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import Client

from .answers import ADMIN_MODELS, ADMIN_PAGES, PAGES, POSTS, ROLES
from .conftest import World
from .urls import Route, admin_model_key, admin_view_kind, all_routes, url_for

pytestmark = pytest.mark.django_db


def outcome(response: HttpResponse) -> str:
    if response.status_code in (301, 302):
        location = response["Location"]
        for prefix, name in (
            ("/accounts/login/", "login"),
            ("/accounts/signup/", "signup"),
            ("/admin/login/", "admin-login"),
        ):
            if location.startswith(prefix):
                return name
        return "302" if location.startswith("/") else "offsite"
    return str(response.status_code)


def post_and_roll_back(client: Client, url: str) -> HttpResponse:
    """POST, then undo what it wrote, so that removing the case does not empty the next rows."""
    with transaction.atomic():
        response = client.post(url, {})
        transaction.set_rollback(True)
    return response


def expected_get(route: Route) -> list[str] | None:
    if route.key in PAGES:
        return PAGES[route.key].split()
    if route.key in ADMIN_PAGES:
        return ADMIN_PAGES[route.key].split()
    model = admin_model_key(route)
    if model in ADMIN_MODELS:
        kind = admin_view_kind(route)
        if kind in ADMIN_MODELS[model]:
            everyone_else = "admin-login"
            return [everyone_else] * 4 + [ADMIN_MODELS[model][kind]]
    return None


def test_every_pattern_is_classified() -> None:
    missing = [r.key for r in all_routes() if expected_get(r) is None]
    assert not missing, f"URL patterns with no expected answers in the table: {missing}"


def test_the_tables_name_only_patterns_that_exist() -> None:
    keys = {r.key for r in all_routes()}
    stale = (set(PAGES) | set(POSTS) | set(ADMIN_PAGES)) - keys
    assert not stale, f"the tables name patterns that no longer exist: {sorted(stale)}"


@pytest.mark.parametrize("role", ROLES)
def test_get_every_url(world: World, role: str) -> None:
    index = ROLES.index(role)
    wrong = []
    for route in all_routes():
        expected = expected_get(route)
        if expected is None:
            continue
        url = url_for(route, world)
        got = outcome(world.client(role).get(url))
        if got != expected[index]:
            wrong.append(f"{route.key} {url}: expected {expected[index]}, got {got}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("role", ROLES)
def test_post_every_post_url(world: World, role: str) -> None:
    index = ROLES.index(role)
    wrong = []
    for route in all_routes():
        if route.key not in POSTS:
            continue
        url = url_for(route, world)
        got = outcome(post_and_roll_back(world.client(role), url))
        expected = POSTS[route.key].split()[index]
        if got != expected:
            wrong.append(f"{route.key} {url}: expected {expected}, got {got}")
    assert not wrong, "\n".join(wrong)


def _owner_state(world: World) -> tuple:
    from forms_filler.models import Message, PacketVersion, ReviewEvent

    world.packet.refresh_from_db()
    world.case.refresh_from_db()
    person = world.case.person
    person.refresh_from_db()
    return (
        world.case.county,
        world.case.case_number,
        person.full_name,
        world.packet.review_status,
        world.packet.assigned_to_id,
        PacketVersion.objects.filter(packet=world.packet).count(),
        ReviewEvent.objects.filter(packet=world.packet).count(),
        Message.objects.filter(packet=world.packet).count(),
    )


def test_another_petitioners_posts_change_nothing_of_the_owners(world: World) -> None:
    """Without rolling back: every POST door, as another petitioner, with a plausible body."""
    before = _owner_state(world)
    client = world.client("other")
    body = {"full_name": "Mallory", "action": "request_changes", "message": "x", "body": "x"}
    for route in all_routes():
        if route.key in POSTS and not route.key.startswith("account"):
            client.post(url_for(route, world), body)
    assert _owner_state(world) == before
    assert world.owner.__class__.objects.filter(pk=world.owner.pk).exists()


def test_staff_get_404_on_a_case_never_sent_for_review(world: World) -> None:
    """The other petitioner's case has no packet sent to the clinic: clinic staff cannot open it
    by its number; a superuser can."""
    from django.urls import reverse

    url = reverse("forms_filler:packet", kwargs={"case_id": world.other_case.pk})
    status = reverse("forms_filler:status", kwargs={"case_id": world.other_case.pk})
    for page in (url, status):
        assert world.client("staff").get(page).status_code == 404, page
        assert world.client("admin").get(page).status_code == 200, page
