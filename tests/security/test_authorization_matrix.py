"""Every URL pattern of the project, requested as anonymous, the owner, another petitioner,
clinic staff and an admin, against a table of expected answers.

A new URL pattern that the tables below do not classify fails `test_every_pattern_is_classified`:
add it to PAGES (or ADMIN_MODELS for a newly registered admin model) with the answer each role
should get. Answers:
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

from .conftest import World
from .urls import Route, admin_model_key, admin_view_kind, all_routes, url_for

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "owner", "other", "staff", "admin")

# GET answers per role, in ROLES order. Object URLs use the owner's case, packet and version.
PAGES: dict[str, str] = {
    "site:home": "200 200 200 200 200",
    "site:privacy": "200 200 200 200 200",
    "site:dashboard": "login 200 200 200 200",
    "site:set_language": "405 405 405 405 405",
    "healthz": "200 200 200 200 200",
    "account_login": "200 302 302 302 302",
    "account_logout": "302 200 200 200 200",
    "account_inactive": "200 200 200 200 200",
    "account_signup": "200 302 302 302 302",
    "account_reauthenticate": "login 200 200 200 200",
    "account_email": "login 200 200 200 200",
    "account_email_verification_sent": "200 200 200 200 200",
    "account_change_password": "login 200 200 200 200",
    "account_set_password": "login 302 302 302 302",
    "account_reset_password": "200 200 200 200 200",
    "account_confirm_login_code": "login 302 302 302 302",
    "account_confirm_email": "200 200 200 200 200",
    "account_reset_password_from_key_done": "200 200 200 200 200",
    "account_reset_password_from_key": "200 200 200 200 200",
    "account_reset_password_done": "200 200 200 200 200",
    "accounts:delete": "login 200 200 200 200",
    "accounts:export": "login 200 200 200 200",
    "guide:index": "200 200 200 200 200",
    "guide:page": "200 200 200 200 200",
    "eligibility:start": "302 302 302 302 302",
    "eligibility:new_case": "302 302 302 302 302",
    "eligibility:results": "200 200 200 200 200",
    "eligibility:situation": "404 200 200 404 404",  # each person's own answers
    "eligibility:case_edit": "405 405 405 405 405",
    "eligibility:carry_over": "login 302 302 302 302",
    "eligibility:finish": "405 405 405 405 405",
    "eligibility:case_remove": "404 200 404 404 404",
    "eligibility:step": "200 200 200 200 200",
    "forms_filler:packet": "signup 200 404 200 200",
    "forms_filler:status": "login 200 404 200 200",
    "forms_filler:retry": "login 405 405 405 405",
    "forms_filler:details": "login 200 404 404 404",
    "forms_filler:statement": "login 200 404 404 404",
    "forms_filler:submit": "login 405 405 405 405",
    "forms_filler:resubmit": "login 405 405 405 405",
    "forms_filler:withdraw": "login 405 405 405 405",
    "forms_filler:remake_and_resend": "login 405 405 405 405",
    "forms_filler:reminder": "login 405 405 405 405",
    "forms_filler:reminder_cancel": "login 405 405 405 405",
    # No login: the signed token is the key (the world's token is forged, so 400 for everyone).
    "forms_filler:reminder_unsubscribe": "400 400 400 400 400",
    "forms_filler:reply": "login 405 405 405 405",
    "forms_filler:download": "login 200 404 200 200",
    "forms_filler:preview": "login 200 404 200 200",
    "review:queue": "login 403 403 200 200",
    "review:packet": "login 403 403 200 200",
    "review:action": "login 403 403 405 405",
    "review:assign": "login 403 403 405 405",
    "mfa_index": "login 200 200 200 200",
    "mfa_authenticate": "login 302 302 302 302",
    "mfa_reauthenticate": "login 302 302 200 200",
    "mfa_activate_totp": "login 302 302 302 302",
    "mfa_deactivate_totp": "login 404 404 302 302",
    "mfa_view_recovery_codes": "login 404 404 404 404",
    "mfa_generate_recovery_codes": "login 302 302 302 302",
    "mfa_download_recovery_codes": "login 404 404 404 404",
    "review:bulk_assign": "login 403 403 405 405",
    # Without a ?day= the form is invalid: back to the queue with the error.
    "review:approved_day": "login 403 403 302 302",
    "review:export": "login 403 403 200 200",
}

# POST answers per role for every URL that accepts POST (the body is empty or harmless; state
# changes are checked elsewhere: here only who gets through the door).
POSTS: dict[str, str] = {
    "site:set_language": "302 302 302 302 302",
    "account_login": "200 302 302 302 302",
    "account_logout": "302 302 302 302 302",
    "account_signup": "200 302 302 302 302",
    "account_reauthenticate": "login 200 200 200 200",
    "account_email": "login 302 302 302 302",
    "account_change_password": "login 200 200 200 200",
    "account_set_password": "login 302 302 302 302",
    "account_reset_password": "200 200 200 200 200",
    "account_confirm_login_code": "login 302 302 302 302",
    "account_confirm_email": "404 404 404 404 404",
    "account_reset_password_from_key": "200 200 200 200 200",
    "accounts:delete": "login 200 200 200 200",
    "eligibility:case_remove": "404 302 404 404 404",
    "eligibility:situation": "404 200 200 404 404",  # each person's own answers
    "eligibility:new_case": "302 302 302 302 302",
    "eligibility:case_edit": "404 302 404 404 404",
    "eligibility:carry_over": "login 302 302 302 302",
    "eligibility:finish": "302 302 302 302 302",
    "eligibility:step": "400 400 400 400 400",
    "forms_filler:packet": "signup 302 404 404 404",
    "forms_filler:retry": "login 302 404 302 302",
    "forms_filler:statement": "login 200 404 404 404",
    "forms_filler:details": "login 200 404 404 404",
    "forms_filler:submit": "login 302 404 404 404",
    "forms_filler:resubmit": "login 302 404 404 404",
    "forms_filler:withdraw": "login 302 404 404 404",
    "forms_filler:remake_and_resend": "login 302 404 404 404",
    "forms_filler:reminder": "login 302 404 404 404",
    "forms_filler:reminder_cancel": "login 302 404 404 404",
    "forms_filler:reminder_unsubscribe": "400 400 400 400 400",
    # An empty reply shows the page again with the error next to the box.
    "forms_filler:reply": "login 200 404 404 404",
    "review:queue": "login 403 403 405 405",
    "review:packet": "login 403 403 405 405",
    # An empty decision form shows the page again with its errors.
    "review:action": "login 403 403 200 200",
    "review:assign": "login 403 403 302 302",
    "mfa_authenticate": "login 302 302 302 302",
    "mfa_reauthenticate": "login 302 302 200 200",
    "mfa_activate_totp": "login 302 302 302 302",
    "mfa_deactivate_totp": "login 404 404 302 302",
    "mfa_generate_recovery_codes": "login 302 302 302 302",
    "review:bulk_assign": "login 403 403 302 302",
    "review:approved_day": "login 403 403 405 405",
    "review:export": "login 403 403 405 405",
}

# The admin: the answer an admin gets on each registered model's pages (everyone else is sent to
# the admin's login door). A newly registered model must be added here.
ADMIN_MODELS: dict[str, dict[str, str]] = {
    "auth_group": {
        "changelist": "200",
        "add": "200",
        "history": "200",
        "delete": "200",
        "change": "200",
        "object": "302",
    },
    "sites_site": {
        "changelist": "200",
        "add": "200",
        "history": "200",
        "delete": "200",
        "change": "200",
        "object": "302",
    },
    "account_emailaddress": {
        "changelist": "200",
        "add": "200",
        "history": "200",
        "delete": "200",
        "change": "200",
        "object": "302",
    },
    "django_tasks_database_dbtaskresult": {
        "changelist": "200",
        "add": "403",
        "history": "200",
        "delete": "403",
        "change": "200",
        "object": "302",
    },
    "accounts_user": {
        "changelist": "200",
        "add": "200",
        "history": "200",
        "delete": "200",
        "change": "200",
        "object": "302",
    },
    "guide_guidepage": {
        "simple_history": "200",
        "changelist": "200",
        "add": "200",
        "history": "200",
        "delete": "200",
        "change": "200",
        "object": "302",
    },
    "guide_countyfilingnote": {
        "simple_history": "200",
        "changelist": "200",
        "add": "200",
        "history": "200",
        "delete": "200",
        "change": "200",
        "object": "302",
    },
    "forms_filler_packet": {
        "changelist": "200",
        "add": "403",
        "history": "200",
        "delete": "403",
        "change": "200",
        "object": "302",
    },
    "forms_filler_packetversion": {
        "changelist": "200",
        "add": "403",
        "history": "200",
        "delete": "403",
        "change": "200",
        "object": "302",
    },
    "forms_filler_reviewevent": {
        "changelist": "200",
        "add": "403",
        "history": "200",
        "delete": "403",
        "change": "200",
        "object": "302",
    },
    "mfa_authenticator": {
        "changelist": "200",
        "add": "403",
        "history": "200",
        "delete": "200",
        "change": "200",
        "object": "302",
    },
    "forms_filler_paperaccess": {
        "changelist": "200",
        "add": "403",
        "history": "200",
        "delete": "403",
        "change": "200",
        "object": "302",
    },
    "forms_filler_message": {
        "changelist": "200",
        "add": "403",
        "history": "200",
        "delete": "403",
        "change": "200",
        "object": "302",
    },
}

# The admin's own pages (not per model): answers per role.
ADMIN_PAGES: dict[str, str] = {
    "admin:password_change": "admin-login admin-login admin-login admin-login 200",
    "admin:index": "admin-login admin-login admin-login admin-login 200",
    "admin:login": "login 403 403 403 302",
    "admin:logout": "302 302 302 302 405",
    "admin:password_change_done": "admin-login admin-login admin-login admin-login 200",
    "admin:autocomplete": "admin-login admin-login admin-login admin-login 403",
    "admin:jsi18n": "admin-login admin-login admin-login admin-login 200",
    "admin:view_on_site": "admin-login admin-login admin-login admin-login offsite",
    "admin:auth_user_password_change": "admin-login admin-login admin-login admin-login 200",
    "admin:app_list": "admin-login admin-login admin-login admin-login 200",
    "admin/(?P<url>.*)$": "admin-login admin-login admin-login admin-login 404",
}


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
