"""The packet worker under faults: a render that always fails ends as failed with a message
after the attempt limit (no retry loop); a worker SIGKILLed mid-render leaves a version that the
recovery command re-queues and a fresh worker completes."""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from forms_filler import render_limits, services
from forms_filler.models import PacketVersion, RenderStatus
from forms_filler.storage import packet_fernet
from tests.factories import make_case, make_person

ROOT = Path(__file__).resolve().parents[2]


def always_fails(packet_input: object) -> bytes:
    raise RuntimeError("renderer crashed")


@pytest.mark.django_db
def test_a_render_that_keeps_failing_ends_failed_with_a_message(
    petitioner, petitioner_client, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    monkeypatch.setattr("forms_filler.render.render_packet_pdf", always_fails)
    case = make_case(make_person(petitioner))
    url = f"/packets/case/{case.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        petitioner_client.post(url)
    version = PacketVersion.objects.get(packet__case=case)
    assert version.status == RenderStatus.FAILED
    assert version.error == services.RENDER_FAILED_MESSAGE
    for _ in range(render_limits.max_render_attempts() + 2):  # more retries than allowed
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            petitioner_client.post(url + "retry/")
        version.refresh_from_db()
        if version.attempts >= render_limits.max_render_attempts():
            assert not callbacks or version.status == RenderStatus.FAILED
    assert version.attempts == render_limits.max_render_attempts()
    assert version.status == RenderStatus.FAILED
    assert version.error == services.RENDER_GAVE_UP_MESSAGE
    assert PacketVersion.objects.filter(packet__case=case).count() == 1
    page = petitioner_client.get(url).content.decode()
    assert "We tried several times and could not make your papers." in page
    assert "renderer crashed" not in page


@pytest.mark.django_db
def test_a_stuck_render_past_the_attempt_limit_is_failed_not_requeued(petitioner) -> None:
    case = make_case(make_person(petitioner))
    version = _stuck_version(case, attempts=render_limits.max_render_attempts())
    assert services.recover_stuck_renders() == (0, 1)
    version.refresh_from_db()
    assert version.status == RenderStatus.FAILED
    assert version.error == services.RENDER_GAVE_UP_MESSAGE


def _stuck_version(case, *, attempts: int) -> PacketVersion:
    from forms_filler.models import Packet

    packet = Packet.objects.create(case=case)
    return PacketVersion.objects.create(
        packet=packet,
        number=1,
        status=RenderStatus.RENDERING,
        attempts=attempts,
        answers_fingerprint="x" * 64,
        render_started_at=timezone.now() - render_limits.render_timeout() - timedelta(minutes=1),
    )


# --- a real worker, SIGKILLed mid-render ----------------------------------------------------


def _worker_env(tmp_path: Path) -> dict[str, str]:
    """Production's settings (django-tasks-db) on the test database; files in tmp_path."""
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "expunge_portal.settings.base",
        "SECRET_KEY": "worker-test-key-not-a-secret-" + "x" * 30,
        "DEBUG": "0",
        "DATABASE_URL": f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/"
        f"{s['NAME']}",
        "PRIVATE_STORAGE_ROOT": str(tmp_path / "private"),
        "VAR_DIR": str(tmp_path),
        "PYTHONPATH": str(ROOT),
    }


def _manage(env: dict[str, str], *args: str) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - our own interpreter
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


WORKER = (
    "db_worker",
    "--queue-name",
    "*",
    "--no-startup-delay",
    "--no-reload",
    "--interval",
    "0.1",
)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (DATABASE_URL, as in CI): the worker runs in its own process",
)
@pytest.mark.django_db(transaction=True)
def test_worker_killed_mid_render_completes_after_restart(petitioner, settings, tmp_path) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    case = make_case(make_person(petitioner))
    version = services.packet_request(case=case, user=petitioner, language="en")
    env = _worker_env(tmp_path)

    worker = _manage(env, *WORKER, "--interval", "0.1")
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            version.refresh_from_db()
            if version.status != RenderStatus.QUEUED:
                break
            time.sleep(0.01)
        assert version.status == RenderStatus.RENDERING, version.status
        os.kill(worker.pid, signal.SIGKILL)  # mid-render: no cleanup, no "failed"
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait(timeout=10)
    version.refresh_from_db()
    assert version.status == RenderStatus.RENDERING  # left behind by the dead worker
    assert not version.file

    # Waiting out PACKET_RENDER_TIMEOUT_MINUTES (10) is too slow for a test: age the claim.
    PacketVersion.objects.filter(pk=version.pk).update(
        render_started_at=timezone.now() - render_limits.render_timeout() - timedelta(minutes=1)
    )
    recover = _manage(env, "recover_stuck_renders")
    assert recover.wait(timeout=120) == 0, recover.stderr.read()
    restarted = _manage(env, *WORKER, "--batch")
    assert restarted.wait(timeout=180) == 0, restarted.stderr.read()

    version.refresh_from_db()
    assert version.status == RenderStatus.READY, (version.status, version.error)
    assert version.attempts == 2
    stored = (tmp_path / "private" / version.file.name).read_bytes()
    assert packet_fernet().decrypt(stored).startswith(b"%PDF")
    assert PacketVersion.objects.filter(packet__case=case).count() == 1
