"""The database goes away while the portal runs: it answers 503 with the friendly page and a
Retry-After, and serves again by itself once the database is back; an answer acknowledged before
the cut is still there after.

A real gunicorn (one sync worker, CONN_MAX_AGE 60 with health checks, as in production) talks to
PostgreSQL through a TCP proxy the test cuts and restores, so the cluster itself is never touched.
PostgreSQL only: on SQLite there is no server to lose."""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.db import connection

from .pgproxy import CuttableProxy

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (set DATABASE_URL, as CI does): SQLite has no server to lose",
    ),
]

ROOT = Path(__file__).resolve().parents[2]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Browser:
    """A cookie-keeping HTTP client (by hand: the test settings mark cookies Secure, which
    http.cookiejar would not send over plain HTTP)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict[str, str] | None = None):
        from urllib.parse import urlencode

        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie(header)
            for key, morsel in cookie.items():
                self.cookies[key] = morsel.value
        conn.close()
        return response, text


@pytest.fixture
def portal(transactional_db) -> Iterator[tuple[Browser, CuttableProxy]]:
    settings = connection.settings_dict
    proxy = CuttableProxy(settings["HOST"] or "127.0.0.1", int(settings["PORT"] or 5432))
    user = settings["USER"] or "postgres"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "expunge_portal.settings.test",
        "DATABASE_URL": f"postgres://{user}@127.0.0.1:{proxy.port}/{settings['NAME']}",
        "DB_CONN_MAX_AGE": "60",
        "PYTHONPATH": str(ROOT),
    }
    if settings["PASSWORD"]:
        env["DATABASE_URL"] = env["DATABASE_URL"].replace(
            f"{user}@", f"{user}:{settings['PASSWORD']}@"
        )
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - our own interpreter's gunicorn
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "expunge_portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--timeout",
            "30",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        browser = Browser(port)
        deadline = time.monotonic() + 30
        while True:
            try:
                response, _ = browser.request("GET", "/healthz")
                if response.status == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the portal did not start"
            assert server.poll() is None, server.stderr.read()
            time.sleep(0.2)
        yield browser, proxy
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)
        proxy.close()


def free_port() -> int:
    """A free port on 127.0.0.1 (closed again before gunicorn binds it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answer(browser: Browser, step: str, data: dict[str, str]):
    path = f"/screening/questions/{step}/"
    response, html = browser.request("GET", path)
    assert response.status == 200, (step, response.status)
    token = CSRF.search(html)[1]
    body = {"csrfmiddlewaretoken": token, "interview-current_step": step}
    body.update({f"{step}-{key}": value for key, value in data.items()})
    return browser.request("POST", path, body)


def test_database_down_gives_503_then_recovers_and_keeps_acknowledged_answers(portal) -> None:
    browser, proxy = portal
    response, _ = browser.request("GET", "/screening/new/")
    assert response.status == 302
    response, _ = answer(browser, "county", {"county": "Sacramento"})
    assert response.status == 302  # acknowledged: the next question
    assert response.headers["Location"] == "/screening/questions/case-number/"

    proxy.cut()
    for path in ("/screening/questions/case-number/", "/screening/results/", "/guide/"):
        response, html = browser.request("GET", path)
        assert response.status == 503, (path, response.status, html[:300])
        assert response.headers["Retry-After"] == "30"
        assert "Try again soon" in html
        assert "Traceback" not in html
        assert "OperationalError" not in html
    response, _ = browser.request("GET", "/healthz")
    assert response.status == 503

    proxy.restore()
    response, html = browser.request("GET", "/screening/questions/county/")
    assert response.status == 200, "the first request after the database came back failed"
    assert re.search(r'<option value="Sacramento" selected>', html), "the answer was lost"
    response, _ = answer(browser, "case-number", {"case_number": "24CR000123"})
    assert response.status == 302
    response, _ = browser.request("GET", "/healthz")
    assert response.status == 200


def test_database_down_on_a_post_gives_503_not_500(portal) -> None:
    browser, proxy = portal
    browser.request("GET", "/screening/new/")
    path = "/screening/questions/county/"
    _, html = browser.request("GET", path)
    token = CSRF.search(html)[1]
    proxy.cut()
    response, html = browser.request(
        "POST",
        path,
        {"csrfmiddlewaretoken": token, "interview-current_step": "county", "county-county": "Yolo"},
    )
    assert response.status == 503, html[:300]
    assert response.headers["Retry-After"] == "30"
    proxy.restore()
    response, _ = browser.request("GET", path)
    assert response.status == 200
