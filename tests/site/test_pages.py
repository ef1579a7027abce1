"""The public pages, the language switch and the demo staff command."""

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from expunge_portal.accounts.models import User
from expunge_portal.accounts.roles import is_clinic_staff

pytestmark = pytest.mark.django_db


def test_home_says_what_the_portal_does_and_links_guide_and_privacy():
    html = Client().get("/").content.decode()
    assert "Clear a California conviction from your record" in html
    assert "not legal advice" in html
    assert 'href="/privacy/"' in html
    assert 'href="/guide/"' in html
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert '<html lang="en">' in html


def test_privacy_page_explains_storage_access_and_deletion():
    html = Client().get("/privacy/").content.decode()
    for phrase in ("What we store", "Who sees it", "Delete my account", "30 days"):
        assert phrase in html


def test_language_switch_shows_spanish_and_remembers_it_on_the_account(
    petitioner_client, petitioner
):
    response = petitioner_client.post(reverse("site:set_language"), {"language": "es", "next": "/"})
    assert response.status_code == 302
    petitioner.refresh_from_db()
    assert petitioner.preferred_language == "es"
    html = petitioner_client.get("/").content.decode()
    assert '<html lang="es">' in html

    # A new device with no language cookie gets the account's language.
    fresh = Client()
    fresh.force_login(petitioner)
    assert '<html lang="es">' in fresh.get("/").content.decode()


def test_anonymous_language_choice_uses_the_cookie():
    client = Client()
    client.post(reverse("site:set_language"), {"language": "es", "next": "/"})
    assert '<html lang="es">' in client.get("/").content.decode()


def test_create_clinic_staff_command():
    call_command("create_clinic_staff", email="Staff@Example.org", password="demo-password-1")
    user = User.objects.get(email="staff@example.org")
    assert is_clinic_staff(user)
    assert user.check_password("demo-password-1")
    assert user.emailaddress_set.get().verified
    # Running it again updates rather than duplicating.
    call_command("create_clinic_staff", email="staff@example.org", password="demo-password-2")
    assert User.objects.filter(email="staff@example.org").count() == 1


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"email": "not an email", "password": "long enough"}, "--email"),
        ({"email": "a@example.org", "password": "short"}, "--password"),
    ],
)
def test_create_clinic_staff_command_names_the_bad_field(options, field):
    with pytest.raises(CommandError, match=field):
        call_command("create_clinic_staff", **options)
    assert not User.objects.exists()


def test_compose_file_parses_and_names_the_services():
    compose = yaml.safe_load((settings.BASE_DIR / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"db", "web", "worker"} <= set(services)
    assert services["db"]["image"].startswith("postgres:")
    assert "db_worker" in " ".join(services["worker"]["command"])
    assert "healthz" in " ".join(services["web"]["healthcheck"]["test"])
    assert "send_reminders" in " ".join(services["scheduler"]["command"])
    assert "sleep 86400" in " ".join(services["scheduler"]["command"])
    for name in ("web", "worker", "scheduler"):
        assert "DATABASE_URL" in services[name]["environment"]


def test_the_production_build_steps_succeed(tmp_path):
    """What the Dockerfile runs at build time: compile the catalogs and collect static files
    with the production (manifest) storage."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(SECRET_KEY="build-only", STATIC_ROOT=str(tmp_path / "static"), VAR_DIR=str(tmp_path))
    for command in (["compile_translations"], ["collectstatic", "--noinput"]):
        result = subprocess.run(  # noqa: S603 (our own command lines)
            [sys.executable, "manage.py", *command],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "static" / "staticfiles.json").exists()
    assert list((tmp_path / "static" / "css").glob("site.*.css"))


def test_the_site_is_named_after_the_portal_and_its_address():
    from django.contrib.sites.models import Site

    site = Site.objects.get_current()
    assert site.name == "Expunge Portal"
    assert site.domain == "127.0.0.1:8000"  # SITE_URL's default


def test_models_and_migrations_agree():
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
