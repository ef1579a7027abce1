"""Security headers, roles, error pages and the production settings check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = ["/", "/privacy/", "/guide/", "/accounts/login/", "/accounts/signup/", "/healthz"]


@pytest.mark.parametrize("path", [*PUBLIC_PATHS, "/no-such-page/"])
def test_security_headers_on_every_response(path):
    response = Client().get(path)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_security_headers_on_a_post_and_a_redirect(petitioner):
    response = Client().post(reverse("account_login"), {"login": "x@example.org", "password": "x"})
    assert "Content-Security-Policy" in response
    response = Client().get(reverse("site:dashboard"))
    assert response.status_code == 302
    assert "Content-Security-Policy" in response


@pytest.mark.parametrize("path", PUBLIC_PATHS[:-1])
def test_pages_hold_no_inline_script_or_style(path):
    html = Client().get(path).content.decode()
    assert "<script>" not in html
    assert "<style" not in html
    assert " style=" not in html
    assert " onclick=" not in html


def test_staff_pages_refuse_anonymous_and_petitioners(petitioner_client, staff_client):
    queue = reverse("review:queue")
    anonymous = Client().get(queue)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))
    assert petitioner_client.get(queue).status_code == 403
    assert staff_client.get(queue).status_code == 200


def test_admin_refuses_anonymous_petitioners_and_staff(
    petitioner_client, staff_client, admin_client_
):
    anonymous = Client().get("/admin/")
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/admin/login/")
    assert Client().get(anonymous["Location"])["Location"].startswith(reverse("account_login"))
    assert petitioner_client.get("/admin/login/?next=/admin/").status_code == 403
    assert staff_client.get("/admin/login/?next=/admin/").status_code == 403
    assert admin_client_.get("/admin/").status_code == 200
    assert admin_client_.get("/admin/accounts/user/").status_code == 200


def test_403_page_is_styled_and_says_nothing_internal(petitioner_client):
    response = petitioner_client.get(reverse("review:queue"))
    html = response.content.decode()
    assert "You cannot see this page" in html
    assert "Traceback" not in html
    assert 'href="/static/css/site.css"' in html


def test_404_page_is_styled_and_leaks_nothing():
    response = Client().get("/definitely/not/here/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "We could not find that page" in html
    assert "urlpatterns" not in html
    assert "Using the URLconf" not in html


def test_500_page_is_plain_and_leaks_nothing(rf):
    from expunge_portal.site.views import error_500

    response = error_500(rf.get("/"))
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content


def test_healthz_checks_the_database():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_a_broken_database(monkeypatch):
    from django.db import OperationalError
    from django.db.backends.utils import CursorWrapper

    def refuse(self, sql, params=None):
        raise OperationalError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_production_settings_pass_check_deploy(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "SECURE_SSL_REDIRECT"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="expunge_portal.settings.base",
        SECRET_KEY="a-production-like-secret-" + "k" * 50,
        ALLOWED_HOSTS="portal.example.org",
        EMAIL_HOST="smtp.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        VAR_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "SECRET_KEY"}}
    env.update(DJANGO_SETTINGS_MODULE="expunge_portal.settings.base", VAR_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr
    assert not (Path(tmp_path) / "secret_key").exists()


def test_cookies_are_secure_and_http_only_outside_development():
    assert settings.SESSION_COOKIE_SECURE
    assert settings.CSRF_COOKIE_SECURE
    assert settings.SESSION_COOKIE_HTTPONLY
    response = Client().get(reverse("account_login"))
    csrf_cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf_cookie["secure"]
    assert csrf_cookie["httponly"]


def test_csrf_is_enforced():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("account_login"), {"login": "a@example.org", "password": "x"})
    assert response.status_code == 403
