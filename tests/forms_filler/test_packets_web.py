"""Issue 5, web part: asking for papers, rendering in the background, retrying, downloading,
and who may see what. Through HTTP with the test client; the ImmediateBackend runs the task when
the request's transaction commits (captured with django_capture_on_commit_callbacks)."""

import datetime
import hashlib

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eligibility import services as eligibility_services
from forms_filler import render_limits, services
from forms_filler.models import Packet, PacketVersion, RenderStatus, ReviewStatus
from forms_filler.selectors import packets_for_user
from forms_filler.storage import file_read, packet_storage
from tests.factories import ask_for_papers, make_case, make_person

pytestmark = pytest.mark.django_db


def packet_url(case, name: str = "packet", **kwargs: object) -> str:
    return reverse(f"forms_filler:{name}", kwargs={"case_id": case.pk, **kwargs})


@pytest.fixture
def case(petitioner):
    return make_case(make_person(petitioner))


@pytest.fixture
def ready(petitioner_client, case, django_capture_on_commit_callbacks) -> PacketVersion:
    version = ask_for_papers(petitioner_client, case, django_capture_on_commit_callbacks)
    assert version.status == RenderStatus.READY, version.error
    return version


def broken_renderer(packet_input: object) -> bytes:
    raise RuntimeError("secret traceback detail /etc/passwd")


def test_get_without_packet_offers_to_make_papers(petitioner_client, case) -> None:
    response = petitioner_client.get(packet_url(case))
    assert response.status_code == 200
    assert "Make my papers" in response.text
    assert not Packet.objects.exists()


def test_post_renders_and_stores_file_sha256_and_preview(ready) -> None:
    data = file_read(ready.file.name)
    assert data.startswith(b"%PDF")
    assert ready.sha256 == hashlib.sha256(data).hexdigest()
    assert ready.size == len(data)
    assert ready.attempts == 1
    assert ready.rendered_at is not None
    assert file_read(ready.preview.name)[:8] == b"\x89PNG\r\n\x1a\n"


def test_files_have_no_public_url(client, ready) -> None:
    for name in (ready.file.name, ready.preview.name):
        assert client.get("/" + name).status_code == 404
        assert client.get("/media/" + name).status_code == 404


def test_same_answers_reuse_the_version(
    petitioner_client, case, ready, django_capture_on_commit_callbacks
) -> None:
    again = ask_for_papers(petitioner_client, case, django_capture_on_commit_callbacks)
    assert again.pk == ready.pk
    assert PacketVersion.objects.count() == 1


def test_changed_answers_make_a_new_version_and_keep_the_old(
    petitioner_client, case, ready, django_capture_on_commit_callbacks
) -> None:
    case.probation_violated = True
    case.save()
    second = ask_for_papers(petitioner_client, case, django_capture_on_commit_callbacks)
    assert second.number == 2
    assert second.status == RenderStatus.READY
    assert PacketVersion.objects.count() == 2
    assert packet_storage().exists(ready.file.name)
    page = petitioner_client.get(packet_url(case))
    assert "Download version 1" in page.text
    assert "Download version 2" in page.text


def test_changed_person_details_make_a_new_version(
    petitioner_client, case, ready, django_capture_on_commit_callbacks
) -> None:
    case.person.street = "2 Other St"
    case.person.save()
    page = petitioner_client.get(packet_url(case))
    assert "Your answers changed" in page.text
    assert ask_for_papers(petitioner_client, case, django_capture_on_commit_callbacks).number == 2


def test_missing_name_sends_to_details_form_then_papers(
    petitioner, petitioner_client, django_capture_on_commit_callbacks
) -> None:
    case = make_case(make_person(petitioner, full_name=""))
    response = petitioner_client.post(packet_url(case))
    assert response.status_code == 302
    assert response.url == packet_url(case, "details")
    assert not PacketVersion.objects.exists()
    form = petitioner_client.get(response.url)
    assert form.status_code == 200
    bad = petitioner_client.post(response.url, {"full_name": "  ", "state": "CA"})
    assert bad.status_code == 200
    assert "error-summary" in bad.text
    saved = petitioner_client.post(
        response.url,
        {"full_name": "Pat  Petitioner", "street": "1 Main St", "city": "Sacramento",
         "state": "CA", "zip_code": "95814", "phone": "", "email": ""},
    )  # fmt: skip
    assert saved.status_code == 302
    assert saved.url == packet_url(case)
    case.person.refresh_from_db()
    assert case.person.full_name == "Pat Petitioner"
    version = ask_for_papers(petitioner_client, case, django_capture_on_commit_callbacks)
    assert version.status == "ready"


def test_failed_render_shows_failed_and_retry_completes(
    petitioner_client, case, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    monkeypatch.setattr("forms_filler.render.render_packet_pdf", broken_renderer)
    version = ask_for_papers(petitioner_client, case, django_capture_on_commit_callbacks)
    assert version.status == RenderStatus.FAILED
    assert version.file.name == ""
    page = petitioner_client.get(packet_url(case))
    assert "Try again" in page.text
    assert "secret traceback" not in page.text
    status = petitioner_client.get(packet_url(case, "status")).json()
    assert status["status"] == "failed"
    assert status["retryable"] is True
    assert "secret traceback" not in str(status)
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        response = petitioner_client.post(packet_url(case, "retry"))
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.status == RenderStatus.READY
    assert version.attempts == 2


def test_attempts_are_bounded(
    petitioner_client, case, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    monkeypatch.setattr("forms_filler.render.render_packet_pdf", broken_renderer)
    version = ask_for_papers(petitioner_client, case, django_capture_on_commit_callbacks)
    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            petitioner_client.post(packet_url(case, "retry"))
    version.refresh_from_db()
    assert version.attempts == render_limits.max_render_attempts() == 3
    assert version.status == RenderStatus.FAILED
    assert version.error == services.RENDER_GAVE_UP_MESSAGE
    page = petitioner_client.get(packet_url(case))
    assert "Try again" not in page.text
    assert "could not make your papers" in page.text


def _stuck(case, *, attempts: int = 1, minutes_ago: int = 30) -> PacketVersion:
    """What a worker killed mid-render leaves behind: "rendering", started long ago."""
    packet = Packet.objects.create(case=case)
    return PacketVersion.objects.create(
        packet=packet,
        number=1,
        status=RenderStatus.RENDERING,
        answers_fingerprint="x" * 64,
        attempts=attempts,
        render_started_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
    )


def test_killed_worker_leaves_packet_retryable_and_retry_completes(
    petitioner_client, case, django_capture_on_commit_callbacks
) -> None:
    version = _stuck(case)
    status = petitioner_client.get(packet_url(case, "status")).json()
    assert status["status"] == "failed"
    assert status["retryable"] is True
    assert status["done"] is True
    assert "Try again" in petitioner_client.get(packet_url(case)).text
    with django_capture_on_commit_callbacks(execute=True):
        petitioner_client.post(packet_url(case, "retry"))
    version.refresh_from_db()
    assert version.status == RenderStatus.READY
    assert version.attempts == 2


def test_a_recent_render_is_not_stuck(petitioner_client, case) -> None:
    _stuck(case, minutes_ago=1)
    status = petitioner_client.get(packet_url(case, "status")).json()
    assert status["status"] == "rendering"
    assert status["retryable"] is False
    response = petitioner_client.post(packet_url(case, "retry"))
    assert response.status_code == 302
    assert PacketVersion.objects.get().status == RenderStatus.RENDERING


def test_recover_stuck_renders_command_requeues_and_gives_up(
    case, other_petitioner, django_capture_on_commit_callbacks
) -> None:
    version = _stuck(case)
    other_case = make_case(make_person(other_petitioner))
    exhausted = _stuck(other_case, attempts=3)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("recover_stuck_renders")
    version.refresh_from_db()
    exhausted.refresh_from_db()
    assert version.status == RenderStatus.READY
    assert exhausted.status == RenderStatus.FAILED
    assert exhausted.error == services.RENDER_GAVE_UP_MESSAGE


def test_download_by_owner_has_clean_name_and_private_headers(
    petitioner_client, case, ready
) -> None:
    response = petitioner_client.get(packet_url(case, "download", number=1))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="petition-Sacramento-24CR001234-v1.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    body = response.content
    assert body.startswith(b"%PDF")
    assert hashlib.sha256(body).hexdigest() == ready.sha256
    preview = petitioner_client.get(packet_url(case, "preview", number=1))
    assert preview.status_code == 200
    assert preview["Content-Type"] == "image/png"
    assert "no-store" in preview["Cache-Control"]


def _every_url(case) -> list[str]:
    return [
        packet_url(case),
        packet_url(case, "status"),
        packet_url(case, "preview", number=1),
        packet_url(case, "download", number=1),
        packet_url(case, "details"),
    ]


def test_another_petitioner_gets_404_on_every_url(other_client, case, ready) -> None:
    for url in _every_url(case):
        assert other_client.get(url).status_code == 404, url
    for name in ("packet", "retry", "submit", "resubmit", "withdraw", "details"):
        assert other_client.post(packet_url(case, name)).status_code == 404, name


def test_clinic_staff_can_see_and_download(staff_client, case, ready) -> None:
    # Only once the person has sent the papers for review (issue 15).
    for url in _every_url(case)[:4]:
        assert staff_client.get(url).status_code == 404, url
    Packet.objects.filter(case=case).update(review_status=ReviewStatus.SUBMITTED)
    for url in _every_url(case)[:4]:
        assert staff_client.get(url).status_code == 200, url
    # Staff look but do not act for the person.
    assert staff_client.post(packet_url(case)).status_code == 404


def test_anonymous_is_sent_to_sign_up_or_log_in(client, case, ready) -> None:
    page = client.get(packet_url(case))
    assert page.status_code == 302
    assert page.url.startswith(reverse("account_signup"))
    for url in _every_url(case)[1:]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("account_login")), url


def test_status_endpoint_json(petitioner_client, case, ready) -> None:
    response = petitioner_client.get(packet_url(case, "status"))
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    data = response.json()
    assert data["status"] == "ready"
    assert data["done"] is True
    assert data["review_status"] == "not_submitted"
    assert "Download your papers" in data["html"]
    assert "Send to the clinic for review" in data["review_html"]


def test_page_has_live_region_and_no_js_fallback(
    petitioner_client, case, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    # A queued version that no worker has picked up yet.
    monkeypatch.setattr("forms_filler.services._enqueue_on_commit", lambda version_id: None)
    ask_for_papers(petitioner_client, case, django_capture_on_commit_callbacks)
    page = petitioner_client.get(packet_url(case))
    assert 'aria-live="polite"' in page.text
    assert 'data-done="false"' in page.text
    assert "Check again" in page.text
    assert "js/packet-status.js" in page.text


def test_packets_for_user_has_no_n_plus_one(petitioner, other_petitioner, ready) -> None:
    def queries_for(user) -> int:
        with CaptureQueriesContext(connection) as ctx:
            for packet in packets_for_user(user=user):
                assert packet.latest_version is not None
                assert packet.case.county
        return len(ctx)

    one = queries_for(petitioner)
    person = make_person(other_petitioner)
    for n in range(5):
        c = make_case(person, case_number=f"25CR{n:06}")
        PacketVersion.objects.create(
            packet=Packet.objects.create(case=c), number=1, answers_fingerprint="f" * 64
        )
    assert queries_for(other_petitioner) == one


def test_removing_a_case_deletes_its_packet_files(case, ready) -> None:
    storage = packet_storage()
    names = [ready.file.name, ready.preview.name]
    assert all(storage.exists(n) for n in names)
    eligibility_services.case_delete(case=case)
    assert not any(storage.exists(n) for n in names)
