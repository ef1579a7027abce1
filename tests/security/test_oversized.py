"""Oversized bodies, too many fields and uploads are refused with 400, never a 500, and nothing
is kept on disk."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.eligibility.interview import step_url

from .conftest import World

pytestmark = pytest.mark.django_db

BIG = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)


SECRET = "k" * 32  # a CSRF secret; the cookie and the header carry the same one


def csrf_client(world: World, role: str) -> Client:
    """As in production: the CSRF check reads the body before any view runs."""
    client = Client(enforce_csrf_checks=True, headers={"X-CSRFToken": SECRET})
    client.cookies["csrftoken"] = SECRET
    user = world.user(role)
    if user is not None:
        client.force_login(user)
    return client


def post_doors(world: World) -> list[tuple[str, str]]:
    return [
        ("anonymous", "/accounts/login/"),
        ("anonymous", "/accounts/signup/"),
        ("anonymous", "/accounts/password/reset/"),
        ("anonymous", step_url("county")),
        ("owner", f"/packets/case/{world.case.pk}/details/"),
        ("owner", f"/packets/case/{world.case.pk}/submit/"),
        ("owner", f"/packets/case/{world.case.pk}/reply/"),
        ("staff", f"/review/packets/{world.packet.pk}/action/"),
    ]


def test_a_body_over_the_limit_is_refused(world: World) -> None:
    for role, url in post_doors(world):
        response = csrf_client(world, role).post(
            url, {"interview-current_step": "county", "x": BIG}
        )
        assert response.status_code == 400, (url, response.status_code)


def test_a_raw_body_over_the_limit_is_refused(world: World) -> None:
    for role, url in post_doors(world):
        response = csrf_client(world, role).post(
            url, data=b"a=" + BIG.encode(), content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 400, (url, response.status_code)


def test_a_normal_post_with_the_header_token_goes_through(world: World) -> None:
    """So the 400s above are the size, not the CSRF check."""
    client = csrf_client(world, "staff")
    page = client.get(f"/review/packets/{world.packet.pk}/")
    revision = page.context["decision_form"]["revision"].value()
    response = client.post(
        f"/review/packets/{world.packet.pk}/action/",
        {"decision": "note", "message": "Hello", "revision": revision},
    )
    assert response.status_code == 302


def test_too_many_fields_are_refused(world: World) -> None:
    fields = {f"f{i}": "1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    for role, url in post_doors(world):
        response = csrf_client(world, role).post(url, fields)
        assert response.status_code == 400, (url, response.status_code)


def test_the_refusal_is_a_plain_page_without_internals(world: World) -> None:
    response = csrf_client(world, "anonymous").post("/accounts/login/", {"x": BIG})
    assert response.status_code == 400
    assert "Traceback" not in response.content.decode()
    assert "DATA_UPLOAD_MAX_MEMORY_SIZE" not in response.content.decode()


def test_file_uploads_are_refused(world: World, tmp_path, settings) -> None:
    """Nothing here takes a file: an upload, small or large, is refused and not stored."""
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    big = SimpleUploadedFile("big.bin", b"\0" * (settings.FILE_UPLOAD_MAX_MEMORY_SIZE * 3))
    small = SimpleUploadedFile("x.pdf", b"%PDF-1.4")
    for upload in (small, big):
        for role, url in post_doors(world):
            upload.seek(0)
            response = csrf_client(world, role).post(url, {"document": upload})
            assert response.status_code == 400, (url, upload.name, response.status_code)
    assert list(tmp_path.iterdir()) == []
