"""Issue 18 item 2: two web hosts and one render worker on one PostgreSQL database and one
S3-compatible store (moto's server), each host with its own (empty) local directory.

Everything runs in real processes with production settings: `runserver --noreload` twice,
`db_worker` once. A packet rendered by the worker downloads from both hosts; deleting the account
through host A removes the objects for every host. Runs in CI (which has PostgreSQL); skipped only
when PostgreSQL cannot be reached."""

import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.conftest import S3Server, free_port, wait_for_port
from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}


def _admin_connection():
    import psycopg

    return psycopg.connect(dbname="postgres", connect_timeout=3, autocommit=True, **PG)


def _postgres_reachable() -> bool:
    try:
        _admin_connection().close()
    except Exception:
        return False
    return True


pytestmark = pytest.mark.skipif(
    not _postgres_reachable(),
    reason="needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), as in CI",
)


@pytest.fixture
def database() -> Iterator[str]:
    """A database of its own (the hosts and the worker share it), dropped afterwards."""
    name = f"two_hosts_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with _admin_connection() as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://postgres@127.0.0.1:5432/{name}"
    finally:
        with _admin_connection() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def bucket(s3_server: S3Server) -> str:
    if s3_server.process is None:
        s3_server.start()
    name = f"two-hosts-{uuid.uuid4().hex[:10]}"
    s3_server.client().create_bucket(Bucket=name)
    return name


def environment(*, database_url: str, storage_url: str, var_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "expunge_portal.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": "two-hosts-test-key-not-a-secret-" + "x" * 30,
        "PACKET_ENCRYPTION_KEYS": os.environ["PACKET_ENCRYPTION_KEYS"],
        "DATABASE_URL": database_url,
        "STORAGE_URL": storage_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "VAR_DIR": str(var_dir),
        "PRIVATE_STORAGE_ROOT": str(var_dir / "private"),
        "PYTHONPATH": str(ROOT),
    }


def manage(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


SETUP = """
from allauth.account.models import EmailAddress
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from expunge_portal.accounts.models import User
from forms_filler import services
import runpy
factories = runpy.run_path("tests/factories.py")  # tests/ is not a package here
make_case, make_person = factories["make_case"], factories["make_person"]

user = User.objects.create_user(email="two.hosts@example.org", password=%(password)r)
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
case = make_case(make_person(user, full_name="Tess Two-Hosts"), case_number="24CR777001")
services.packet_request(case=case, user=user, language="en")
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.save()
print("CREATED", case.pk, session.session_key)
"""


class Host:
    def __init__(self, env: dict[str, str]) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, process=self.process, seconds=120)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


def test_two_hosts_share_packets_and_deletion(
    s3_server: S3Server, bucket: str, database: str, tmp_path: Path
) -> None:
    storage_url = s3_server.storage_url(bucket)
    env_a = environment(database_url=database, storage_url=storage_url, var_dir=tmp_path / "a")
    env_b = environment(database_url=database, storage_url=storage_url, var_dir=tmp_path / "b")
    env_worker = environment(
        database_url=database, storage_url=storage_url, var_dir=tmp_path / "worker"
    )
    manage(env_a, "migrate", "--noinput")
    manage(env_a, "createcachetable")
    output = manage(env_a, "shell", "-c", SETUP % {"password": PASSWORD})
    _marker, case_id, session_key = re.search(r"CREATED \d+ \S+", output).group().split()

    # One worker renders the queued packet into the shared bucket and exits.
    manage(env_worker, "db_worker", "--queue-name", "*", "--batch", "--no-startup-delay")
    keys = [o["Key"] for o in s3_server.client().list_objects_v2(Bucket=bucket)["Contents"]]
    assert len(keys) == 2  # the PDF and its preview

    hosts = [Host(env_a), Host(env_b)]
    try:
        cookies = {"sessionid": session_key}
        download = f"/packets/case/{case_id}/v1/download/"
        for host in hosts:
            response = requests.get(host.url(download), cookies=cookies, timeout=60)
            assert response.status_code == 200, (host.port, response.status_code)
            assert response.content.startswith(b"%PDF")
            preview = requests.get(
                host.url(f"/packets/case/{case_id}/v1/preview.png"), cookies=cookies, timeout=60
            )
            assert preview.content.startswith(b"\x89PNG")
        for directory in ("a", "b", "worker"):  # nothing went to a host's own disk
            assert not (tmp_path / directory / "private").exists()

        # Delete the account through host A, as the person would. (The form page itself needs
        # collected static files, which these hosts skip; Django accepts an unmasked token equal
        # to the CSRF cookie, which is what the page would have handed out.)
        csrf = uuid.uuid4().hex
        cookies = {**cookies, "csrftoken": csrf}
        deleted = requests.post(
            hosts[0].url("/accounts/delete/"),
            cookies=cookies,
            data={"csrfmiddlewaretoken": csrf, "password": PASSWORD},
            headers={"Referer": hosts[0].url("/accounts/delete/")},
            allow_redirects=False,
            timeout=60,
        )
        assert deleted.status_code == 302, deleted.text[-2000:]
        assert s3_server.client().list_objects_v2(Bucket=bucket).get("Contents", []) == []
        gone = requests.get(
            hosts[1].url(download),
            cookies={"sessionid": session_key},
            allow_redirects=False,
            timeout=60,
        )
        assert gone.status_code in (302, 404)  # signed out everywhere, and nothing to serve
    finally:
        for host in hosts:
            host.stop()
