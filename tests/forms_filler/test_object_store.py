"""Issue 18 item 1 and issue 16 item 7: packet files in a shared S3-compatible bucket (a real
S3-protocol server, moto's, in its own process) or on the local disk, always encrypted.

Write, read, delete, a missing object, the store being down, a public bucket, tampered bytes and
key rotation, through the storage module, the HTTP views and the management command."""

import io
import json

import pytest
from cryptography.fernet import Fernet
from django.core.checks import run_checks
from django.core.management import call_command
from django.urls import reverse

from expunge_portal.settings.object_store import StorageConfigError, s3_options
from expunge_portal.site.services import user_delete
from forms_filler import review, services, storage
from forms_filler.models import FileToDelete, PacketVersion, RenderStatus
from tests.factories import make_case, make_person

pytestmark = pytest.mark.django_db

NAME = "Pat Q. Petitioner"
CASE_NUMBER = "24CR001234"


def bucket_objects(s3_server, bucket: str) -> dict[str, bytes]:
    client = s3_server.client()
    listing = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {
        item["Key"]: client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
        for item in listing
    }


def download_url(case, number: int = 1, which: str = "download") -> str:
    return reverse(f"forms_filler:{which}", kwargs={"case_id": case.pk, "number": number})


@pytest.fixture
def case(petitioner):
    return make_case(make_person(petitioner, full_name=NAME), case_number=CASE_NUMBER)


def render_for(case, petitioner, capture) -> PacketVersion:
    with capture(execute=True):
        version = services.packet_request(case=case, user=petitioner, language="en")
    version.refresh_from_db()
    return version


# --- Configuration from the environment ----------------------------------------------------


def test_storage_url_names_endpoint_bucket_keys_and_region() -> None:
    options = s3_options({"STORAGE_URL": "s3://AK%2F1:se%40cret@minio:9000/packets?region=eu-1"})
    assert options is not None
    assert options["endpoint_url"] == "https://minio:9000"
    assert options["bucket_name"] == "packets"
    assert options["access_key"] == "AK/1"
    assert options["secret_key"] == "se@cret"
    assert options["region_name"] == "eu-1"
    assert options["default_acl"] == "private"


def test_s3_plus_http_talks_plain_http() -> None:
    options = s3_options({"STORAGE_URL": "s3+http://k:s@store:9000/b"})
    assert options is not None
    assert options["endpoint_url"] == "http://store:9000"


def test_named_variables_configure_s3() -> None:
    options = s3_options(
        {
            "S3_BUCKET": "clinic-packets",
            "S3_ENDPOINT_URL": "https://s3.us-west-2.amazonaws.com",
            "S3_ACCESS_KEY_ID": "AKIA",
            "S3_SECRET_ACCESS_KEY": "shh",
            "S3_REGION": "us-west-2",
        }
    )
    assert options is not None
    assert options["bucket_name"] == "clinic-packets"
    assert options["endpoint_url"] == "https://s3.us-west-2.amazonaws.com"
    assert (options["access_key"], options["secret_key"]) == ("AKIA", "shh")
    assert options["region_name"] == "us-west-2"


def test_no_bucket_means_the_local_directory() -> None:
    assert s3_options({}) is None


@pytest.mark.parametrize(
    "url", ["https://host/bucket", "s3://host", "s3:///bucket", "s3://host/a/b"]
)
def test_bad_storage_url_is_refused_with_the_variable_named(url: str) -> None:
    with pytest.raises(StorageConfigError, match="STORAGE_URL"):
        s3_options({"STORAGE_URL": url})


# --- The S3 store ------------------------------------------------------------------------


def test_write_read_delete_in_the_bucket_encrypted(s3_server, s3_bucket) -> None:
    pdf = b"%PDF-1.7 Pat Q. Petitioner 24CR001234"
    name = storage.pdf_save(packet_id=7, number=1, data=pdf)
    stored = bucket_objects(s3_server, s3_bucket)
    assert list(stored) == [name]
    assert b"%PDF" not in stored[name]
    assert b"Petitioner" not in stored[name]
    assert storage.file_read(name) == pdf
    storage.files_delete([name])
    assert bucket_objects(s3_server, s3_bucket) == {}


def test_missing_object_in_the_bucket(s3_bucket) -> None:
    with pytest.raises(storage.FileMissing):
        storage.file_read("packets/1/never-written.pdf")
    storage.files_delete(["packets/1/never-written.pdf"])  # already gone: no error


def test_packet_renders_into_the_bucket_and_downloads(
    s3_server, s3_bucket, petitioner, petitioner_client, case, django_capture_on_commit_callbacks
) -> None:
    version = render_for(case, petitioner, django_capture_on_commit_callbacks)
    assert version.status == RenderStatus.READY, version.error
    stored = bucket_objects(s3_server, s3_bucket)
    assert set(stored) == {version.file.name, version.preview.name}
    for raw in stored.values():
        assert b"%PDF" not in raw
        assert b"PNG" not in raw[:16]
        assert NAME.encode() not in raw
        assert CASE_NUMBER.encode() not in raw
    response = petitioner_client.get(download_url(case))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]
    preview = petitioner_client.get(download_url(case, which="preview"))
    assert preview.content.startswith(b"\x89PNG")


def test_deleting_the_account_empties_the_bucket(
    s3_server, s3_bucket, petitioner, case, django_capture_on_commit_callbacks
) -> None:
    render_for(case, petitioner, django_capture_on_commit_callbacks)
    assert len(bucket_objects(s3_server, s3_bucket)) == 2
    user_delete(user=petitioner)
    assert bucket_objects(s3_server, s3_bucket) == {}


def test_store_down_queues_the_render_again_and_it_completes_later(
    s3_server, s3_bucket, petitioner, petitioner_client, case, django_capture_on_commit_callbacks
) -> None:
    s3_server.stop()
    try:
        version = render_for(case, petitioner, django_capture_on_commit_callbacks)
        assert version.status == RenderStatus.QUEUED
        assert version.error == services.STORE_UNAVAILABLE_MESSAGE
        assert version.attempts == 0  # the store's fault, not the packet's
        assert not version.file
        page = petitioner_client.get(reverse("forms_filler:packet", kwargs={"case_id": case.pk}))
        assert page.status_code == 200
        assert "Our file storage is not answering right now" in page.text
    finally:
        s3_server.start()
    s3_server.client().create_bucket(Bucket=s3_bucket)  # moto starts empty
    # The worker's task backend sends it again after a pause; with one that cannot defer (as
    # here) the recovery command does.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("recover_stuck_renders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    version.refresh_from_db()
    assert version.status == RenderStatus.READY
    assert storage.file_read(version.file.name).startswith(b"%PDF")


def test_store_down_at_download_says_try_again(
    s3_server, s3_bucket, petitioner, petitioner_client, case, django_capture_on_commit_callbacks
) -> None:
    render_for(case, petitioner, django_capture_on_commit_callbacks)
    s3_server.stop()
    try:
        response = petitioner_client.get(download_url(case))
    finally:
        s3_server.start()
    assert response.status_code == 503
    assert "Our file storage is not answering right now" in response.text
    assert response["Retry-After"] == "30"


def bucket_check_ids() -> list[str]:
    return [m.id for m in run_checks(tags=["packets"]) if m.id != "forms_filler.W001"]


def test_private_bucket_passes_the_start_check(s3_bucket) -> None:
    assert bucket_check_ids() == []


def test_public_read_acl_is_refused_at_start(s3_server, s3_bucket) -> None:
    s3_server.client().put_bucket_acl(Bucket=s3_bucket, ACL="public-read")
    messages = [m for m in run_checks(tags=["packets"]) if m.id == "forms_filler.E002"]
    assert len(messages) == 1
    assert "not private" in messages[0].msg


def test_public_policy_is_refused_at_start(s3_server, s3_bucket) -> None:
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{s3_bucket}/*",
            }
        ],
    }
    s3_server.client().put_bucket_policy(Bucket=s3_bucket, Policy=json.dumps(policy))
    assert bucket_check_ids() == ["forms_filler.E002"]


def test_unreachable_store_warns_at_start(s3_server, s3_bucket) -> None:
    s3_server.stop()
    try:
        assert bucket_check_ids() == ["forms_filler.W002"]
    finally:
        s3_server.start()


# --- Encryption at rest on the local disk ---------------------------------------------------


def test_local_files_are_ciphertext(
    settings, petitioner, case, django_capture_on_commit_callbacks
) -> None:
    version = render_for(case, petitioner, django_capture_on_commit_callbacks)
    root = settings.STORAGES["default"]["OPTIONS"]["location"]
    for name in (version.file.name, version.preview.name):
        raw = (root / name).read_bytes()
        assert b"%PDF" not in raw
        assert NAME.encode() not in raw
        assert CASE_NUMBER.encode() not in raw
    storage.files_delete([version.file.name, version.preview.name])
    assert not (root / version.file.name).exists()


def tamper(settings, name: str) -> None:
    path = settings.STORAGES["default"]["OPTIONS"]["location"] / name
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(raw))


def test_tampered_file_is_a_clear_error_for_staff_and_404_for_others(
    settings,
    petitioner,
    petitioner_client,
    staff_client,
    other_client,
    case,
    django_capture_on_commit_callbacks,
) -> None:
    version = render_for(case, petitioner, django_capture_on_commit_callbacks)
    # Staff see papers once they were sent to the clinic.
    review.packet_submit(packet=version.packet, user=petitioner)
    tamper(settings, version.file.name)
    staff = staff_client.get(download_url(case))
    assert staff.status_code == 409
    assert "This file is damaged" in staff.text
    assert "failed its integrity check" in staff.text
    assert petitioner_client.get(download_url(case)).status_code == 404
    assert other_client.get(download_url(case)).status_code == 404
    # The preview was not touched and still serves.
    assert petitioner_client.get(download_url(case, which="preview")).status_code == 200
    storage.files_delete([version.file.name, version.preview.name])


def test_rotation_reencrypts_with_the_new_key_and_removes_old_ciphertext(
    settings, petitioner, case, django_capture_on_commit_callbacks
) -> None:
    version = render_for(case, petitioner, django_capture_on_commit_callbacks)
    old_names = (version.file.name, version.preview.name)
    pdf = storage.file_read(version.file.name)
    new_key = Fernet.generate_key().decode()
    settings.PACKET_ENCRYPTION_KEYS = [new_key, *settings.PACKET_ENCRYPTION_KEYS]

    call_command("rotate_packet_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115

    version.refresh_from_db()
    assert (version.file.name, version.preview.name) != old_names
    root = settings.STORAGES["default"]["OPTIONS"]["location"]
    assert not any((root / name).exists() for name in old_names)
    settings.PACKET_ENCRYPTION_KEYS = [new_key]  # the old key is gone: files still read
    assert storage.file_read(version.file.name) == pdf
    storage.files_delete([version.file.name, version.preview.name])


def test_rotation_reports_damaged_files(
    settings, petitioner, case, django_capture_on_commit_callbacks
) -> None:
    from django.core.management.base import CommandError

    version = render_for(case, petitioner, django_capture_on_commit_callbacks)
    tamper(settings, version.preview.name)
    with pytest.raises(CommandError, match="failed their integrity check"):
        call_command("rotate_packet_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    version.refresh_from_db()
    storage.files_delete([version.file.name, version.preview.name])


def test_missing_or_bad_key_is_an_error_at_start(settings) -> None:
    settings.PACKET_ENCRYPTION_KEYS = []
    assert "forms_filler.E001" in [m.id for m in run_checks(tags=["packets"])]
    settings.PACKET_ENCRYPTION_KEYS = ["not-a-key"]
    messages = [m for m in run_checks(tags=["packets"]) if m.id == "forms_filler.E001"]
    assert "Key number 1" in messages[0].msg


def test_deleting_the_account_while_the_store_is_down_deletes_the_files_later(
    s3_server, s3_bucket, petitioner, case, django_capture_on_commit_callbacks
) -> None:
    version = render_for(case, petitioner, django_capture_on_commit_callbacks)
    names = {version.file.name, version.preview.name}
    s3_server.stop()
    try:
        user_delete(user=petitioner)  # does not wait for, or fail on, the store
    finally:
        s3_server.start()
    assert not PacketVersion.objects.exists()
    assert set(FileToDelete.objects.values_list("name", flat=True)) == names
    # moto comes back empty: put the two objects back, as a real store would still hold them.
    client = s3_server.client()
    client.create_bucket(Bucket=s3_bucket)
    for name in names:
        client.put_object(Bucket=s3_bucket, Key=name, Body=b"ciphertext")
    out = io.StringIO()
    call_command("recover_stuck_renders", stdout=out)
    assert "2 deleted, 0 still wait" in out.getvalue()
    assert bucket_objects(s3_server, s3_bucket) == {}
    assert not FileToDelete.objects.exists()


def test_waiting_file_deletions_wait_while_the_store_stays_down(s3_server, s3_bucket) -> None:
    FileToDelete.objects.create(name="packets/1/v1-abc.pdf.enc")
    s3_server.stop()
    try:
        out = io.StringIO()
        call_command("recover_stuck_renders", stdout=out)
    finally:
        s3_server.start()
    assert "0 deleted, 1 still wait" in out.getvalue()
    assert FileToDelete.objects.count() == 1
