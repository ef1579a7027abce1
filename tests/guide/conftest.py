"""Guide fixtures. People in each role (petitioner, content_editor, clinic_staff, admin_user)
come from tests/conftest.py."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.utils.translation import trans_real

import expunge_portal.guide
from expunge_portal.guide.models import GuidePage


@pytest.fixture(scope="session", autouse=True)
def compiled_guide_messages():
    """The guide's Spanish interface strings are in guide/locale; .mo files are not committed.

    Compiles only this app's catalog (compilemessages would walk the whole tree, .venv too).
    """
    po = Path(expunge_portal.guide.__file__).parent / "locale/es/LC_MESSAGES/django.po"
    mo = po.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        msgfmt = shutil.which("msgfmt")
        if msgfmt is None:
            pytest.fail("msgfmt (GNU gettext) is needed to compile the Spanish messages")
        subprocess.run([msgfmt, "--check", "-o", str(mo), str(po)], check=True)  # noqa: S603
        trans_real._translations = {}
        trans_real._default = None


@pytest.fixture
def editor_client(content_editor) -> Client:
    client = Client()
    client.force_login(content_editor)
    return client


@pytest.fixture
def draft_page(db) -> GuidePage:
    return GuidePage.objects.create(
        slug="draft-page",
        title_en="A draft page",
        summary_en="Not ready yet.",
        body_en="Draft body text.",
        published=False,
        order=999,
    )


@pytest.fixture
def english_only_page(db) -> GuidePage:
    return GuidePage.objects.create(
        slug="english-only",
        title_en="Only in English",
        summary_en="No Spanish yet.",
        body_en="This body is **only** in English.",
        published=True,
        order=998,
    )
