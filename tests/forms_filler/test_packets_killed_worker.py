"""The real thing: a `db_worker` process killed with SIGKILL in the middle of a render leaves the
version retryable, and `recover_stuck_renders` plus a new worker finish it.

Runs outside pytest-django's database: the subprocesses share a throwaway SQLite file and use the
django-tasks-db DatabaseBackend, as production does."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)

PRELUDE = """
import django, os
django.setup()
from django.conf import settings
settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
"""

SETUP = (
    PRELUDE
    + """
import importlib.util
spec = importlib.util.spec_from_file_location("factories", "tests/factories.py")
factories = importlib.util.module_from_spec(spec)
spec.loader.exec_module(factories)
from expunge_portal.accounts.models import User
from forms_filler.services import packet_request
user = User.objects.create_user(email="killed@example.org", password="not-used-here")
case = factories.make_case(factories.make_person(user))
packet_request(case=case, user=user, language="en")
"""
)

SLOW_WORKER = (
    PRELUDE
    + """
import time
from pathlib import Path
import forms_filler.render
def slow(packet_input):
    Path(os.environ["MARKER"]).write_text("rendering")
    time.sleep(120)
forms_filler.render.render_packet_pdf = slow
from django.core.management import call_command
call_command("db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.1")
"""
)

BATCH_WORKER = (
    PRELUDE
    + """
from django.core.management import call_command
call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay")
"""
)

RECOVER = (
    PRELUDE
    + """
from django.core.management import call_command
call_command("recover_stuck_renders")
"""
)


def version_row(db: Path) -> tuple[str, int]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT status, attempts FROM forms_filler_packetversion").fetchone()


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, *args], cwd=BASE, env=env, check=True, capture_output=True, text=True,
        timeout=240,
    )  # fmt: skip


def test_sigkilled_worker_leaves_render_retryable(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    marker = tmp_path / "marker"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "expunge_portal.settings.test",
        "DATABASE_URL": f"sqlite:///{db}",
        "VAR_DIR": str(tmp_path),
        "MARKER": str(marker),
    }
    run(["manage.py", "migrate", "--verbosity", "0"], env)
    run(["-c", SETUP], env)
    assert version_row(db) == ("queued", 0)

    worker = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", SLOW_WORKER], cwd=BASE, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert worker.poll() is None, "the worker exited early"
            assert time.monotonic() < deadline, "the worker never started rendering"
            time.sleep(0.1)
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert version_row(db) == ("rendering", 1)

    # Not yet presumed dead: recovery leaves a recent render alone.
    run(["-c", RECOVER], env)
    assert version_row(db) == ("rendering", 1)

    # Past the timeout, recovery queues it again and a fresh worker finishes it.
    expired = {**env, "PACKET_RENDER_TIMEOUT_MINUTES": "0"}
    output = run(["-c", RECOVER], expired).stdout
    assert "1 queued again" in output
    assert version_row(db) == ("queued", 1)
    run(["-c", BATCH_WORKER], env)
    assert version_row(db) == ("ready", 2)


pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
