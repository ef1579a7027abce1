"""Sessions that end, pages no one keeps a copy of, the client's address behind the TLS proxy,
and the lower findings of the security review (each answers without a server error)."""

import os
import subprocess
import sys
import time

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from expunge_portal.accounts.middleware import LAST_SEEN_KEY, SIGNED_IN_AT_KEY
from expunge_portal.guide.markdown import render_markdown
from tests.eligibility.interview import answer
from tests.factories import PASSWORD, client_for, make_user

from .conftest import World
from .urls import all_routes, url_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


# --- Cache-Control ------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["anonymous", "owner", "staff"])
def test_no_page_may_be_stored(world: World, role: str) -> None:
    kept = []
    for route in all_routes():
        url = url_for(route, world)
        response = world.client(role).get(url)
        if "no-store" not in response.get("Cache-Control", ""):
            kept.append(f"{url} {response.status_code} {response.get('Cache-Control')}")
    assert not kept, "\n".join(kept)


# --- Sessions -----------------------------------------------------------------------------------
def _session_cookie(response) -> object:
    return response.cookies["sessionid"]


def test_an_anonymous_session_ends_when_the_browser_closes():
    response = answer(Client(), "county", {"county": "Kern"})
    cookie = _session_cookie(response)
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""


@pytest.mark.parametrize(("remember", "persistent"), [(False, False), (True, True)])
def test_only_remember_me_keeps_a_login_past_the_browser(petitioner, remember, persistent):
    data = {"login": petitioner.email, "password": PASSWORD}
    if remember:
        data["remember"] = "on"
    response = Client().post("/accounts/login/", data)
    assert response.status_code == 302
    assert bool(_session_cookie(response)["max-age"]) is persistent


def _idle(client: Client, *, seconds: int, signed_in_seconds_ago: int | None = None) -> None:
    client.get("/my/")
    session = client.session
    now = int(time.time())
    session[LAST_SEEN_KEY] = now - seconds
    session[SIGNED_IN_AT_KEY] = now - (signed_in_seconds_ago or seconds)
    session.save()


@pytest.mark.parametrize(
    ("who", "idle_minutes", "signed_out"),
    [
        ("staff", 29, False),
        ("staff", 31, True),
        ("petitioner", 31, False),
        ("petitioner", 119, False),
        ("petitioner", 121, True),
    ],
)
def test_sessions_idle_out(clinic_staff, petitioner, who, idle_minutes, signed_out):
    user = clinic_staff if who == "staff" else petitioner
    client = client_for(user)
    _idle(client, seconds=idle_minutes * 60)
    response = client.get("/my/")
    assert (response.status_code == 302) is signed_out
    if signed_out:
        assert response["Location"].startswith("/accounts/login/")
        assert client.get("/my/").status_code == 302  # signed out for good, not only this once


def test_a_session_ends_twelve_hours_after_sign_in_however_busy(petitioner):
    client = client_for(petitioner)
    _idle(client, seconds=60, signed_in_seconds_ago=12 * 3600 + 60)
    assert client.get("/my/").status_code == 302


# --- The client's address behind the TLS proxy --------------------------------------------------
PROXY = "10.1.0.2"


def _fail_logins(client: Client, email: str, times: int) -> None:
    for _ in range(times):
        client.post("/accounts/login/", {"login": email, "password": "wrong"})


def _can_log_in(client: Client, email: str) -> bool:
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    return response.status_code == 302


def test_the_proxy_settings_come_from_the_environment():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.ALLAUTH_TRUSTED_PROXY_COUNT, settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "expunge_portal.settings.test"}
    unset = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert unset.stdout.split() == ["0", "None"]
    env |= {"ALLAUTH_TRUSTED_PROXY_COUNT": "1", "ALLAUTH_TRUSTED_CLIENT_IP_HEADER": "X-Real-IP"}
    configured = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert configured.stdout.split() == ["1", "X-Real-IP"]


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_each_client_is_limited_separately():
    """The proxy appends the address it saw to X-Forwarded-For; five failures from one client
    (on several accounts, so only the per-address limit counts) do not lock out another."""
    emails = [make_user(f"user{n}@example.org").email for n in range(7)]
    noisy = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    for email in emails[:5]:
        _fail_logins(noisy, email, 1)
    assert not _can_log_in(noisy, emails[5])  # that client is limited...
    other = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert _can_log_in(other, emails[6])  # ...the next one through the same proxy is not


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_a_forged_first_address_does_not_help():
    """A client writes its own X-Forwarded-For; the proxy appends the real address. Only the
    last entry (the one the proxy wrote) counts."""
    emails = [make_user(f"user{n}@example.org").email for n in range(6)]
    for n, email in enumerate(emails[:5]):
        forged = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.7")
        _fail_logins(forged, email, 1)
    again = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.99, 198.51.100.7")
    assert not _can_log_in(again, emails[5])


def test_without_a_proxy_the_header_is_not_trusted():
    emails = [make_user(f"user{n}@example.org").email for n in range(6)]
    for n, email in enumerate(emails[:5]):
        spoofing = Client(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
        _fail_logins(spoofing, email, 1)
    again = Client(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert not _can_log_in(again, emails[5])


# --- Two former server errors, and links -------------------------------------------------------
def test_a_tampered_interview_step_is_refused_not_a_server_error():
    client = Client(raise_request_exception=False)
    answer(client, "county", {"county": "Kern"})
    response = client.post("/screening/questions/county/", {"interview-current_step": "finished"})
    assert response.status_code == 400


def test_a_nul_byte_in_an_admin_filter_or_search_is_refused(admin_client_):
    for query in ("?status=a%00b", "?q=a%00b", "?a%00=1"):
        response = admin_client_.get("/admin/django_tasks_database/dbtaskresult/" + query)
        assert response.status_code == 400, query
    assert admin_client_.get("/review/?q=a%00b").status_code == 400


@override_settings(SITE_URL="https://portal.example.org", ALLOWED_HOSTS=["portal.example.org"])
@pytest.mark.parametrize("href", ["//evil.example/x", "\\\\evil.example/x", " //evil.example/"])
def test_protocol_relative_links_count_as_external(href):
    html = str(render_markdown(f'<a href="{href}">Elsewhere</a>'))
    assert 'rel="noopener noreferrer nofollow"' in html
    assert 'class="external-link"' in html


@override_settings(SITE_URL="https://portal.example.org", ALLOWED_HOSTS=["portal.example.org"])
def test_our_own_protocol_relative_links_stay_internal():
    html = str(render_markdown('<a href="//portal.example.org/guide/">Guide</a>'))
    assert "external" not in html


def test_compose_publishes_plain_http_only_on_loopback():
    from pathlib import Path

    import yaml

    compose = yaml.safe_load((Path(__file__).parents[2] / "docker-compose.yml").read_text())
    web = compose["services"]["web"]
    assert web["ports"] == ["127.0.0.1:8000:8000"]
    assert "--forwarded-allow-ips" in " ".join(web["command"])
