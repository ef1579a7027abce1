"""Fixtures shared by every test folder: people in each role, signed in or not."""

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from expunge_portal.accounts.models import User
from expunge_portal.accounts.roles import CLINIC_STAFF_GROUP, CONTENT_EDITOR_GROUP
from expunge_portal.settings.object_store import default_storage_setting
from tests.factories import PASSWORD, add_totp, client_for, make_user


@pytest.fixture
def petitioner(db) -> User:
    return make_user("pat@example.org")


@pytest.fixture(autouse=True)
def _language_reset_after_each_test() -> Iterator[None]:
    """A request leaves its language active in the thread (Django's LocaleMiddleware never
    deactivates it); without this, code run after a Spanish page would see Spanish."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _engine_caches_empty_under_mutation() -> None:
    """mutmut forks each mutant's test run from a process whose engine caches (the catalog, the
    memoised rules, the JSON fragments of results, the counts already checked) the unmutated
    code filled; emptied before each test, every test runs the mutated function itself. Outside
    mutation testing (no MUTANT_UNDER_TEST) nothing happens."""
    if not os.environ.get("MUTANT_UNDER_TEST"):
        return
    for name, module in list(sys.modules.items()):
        if name.startswith("eligibility.engine"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    # The two caches that are plain dicts: without this, a mutant of Determination.to_json or of
    # the count checks survives, the clean run having left every test's answer in them.
    from eligibility.engine import determination, parse

    determination._FRAGMENTS.clear()
    parse._COUNT_CACHE.clear()


@pytest.fixture
def private_storage(settings, tmp_path: Path) -> Path:
    """A file storage root of the test's own, removed with it, so no other test's files can hide
    or fake what it looks for. Returns the root."""
    root = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": root, "base_url": None},
        },
    }
    return root


@pytest.fixture
def other_petitioner(db) -> User:
    return make_user("olga@example.org")


@pytest.fixture
def clinic_staff(db) -> User:
    return make_user("sam.staff@example.org", groups=(CLINIC_STAFF_GROUP,))


@pytest.fixture
def content_editor(db) -> User:
    return make_user("erin.editor@example.org", groups=(CONTENT_EDITOR_GROUP,), is_staff=True)


@pytest.fixture
def admin_user(db) -> User:
    user = User.objects.create_superuser(email="ada.admin@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    add_totp(user)
    return user


@pytest.fixture
def petitioner_client(petitioner) -> Client:
    return client_for(petitioner)


@pytest.fixture
def other_client(other_petitioner) -> Client:
    return client_for(other_petitioner)


@pytest.fixture
def staff_client(clinic_staff) -> Client:
    return client_for(clinic_staff)


@pytest.fixture
def admin_client_(admin_user) -> Client:
    return client_for(admin_user)


# --- A real S3-protocol server (moto's server mode) for the object-store tests -------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, *, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server on port {port} exited with {process.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing answered on port {port} within {seconds} s")


class S3Server:
    """moto's S3 server in its own process on a free loopback port; stop() and start() it again
    to see how the portal behaves while the store is down (moto keeps no state across starts)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and moto
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, process=self.process)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None

    def client(self):  # -> botocore S3 client
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id="test",
            aws_secret_access_key="test",
            region_name="us-east-1",
        )

    def storage_url(self, bucket: str) -> str:
        return f"s3+http://test:test@127.0.0.1:{self.port}/{bucket}?region=us-east-1"


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    server = S3Server()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def s3_bucket(s3_server: S3Server, settings) -> str:
    """A new private bucket on the moto server, and the portal's default storage pointed at it
    through STORAGE_URL's parser (as an operator would configure it)."""
    if s3_server.process is None:  # a test stopped it to play an outage
        s3_server.start()
    bucket = f"packets-{uuid.uuid4().hex[:12]}"
    s3_server.client().create_bucket(Bucket=bucket)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": default_storage_setting(
            {"STORAGE_URL": s3_server.storage_url(bucket)}, local_root=Path("/nonexistent")
        ),
    }
    return bucket
