"""A small world for the hostile-input tests: an owner with a screened case, a ready packet
(files in private storage), review events and messages, a second petitioner with a case of their
own, clinic staff and an admin; plus a rendered PDF used by the injection tests."""

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone

from eligibility.models import Case
from expunge_portal.accounts.models import User
from expunge_portal.guide.models import CountyFilingNote, GuidePage
from forms_filler import storage
from forms_filler.models import (
    Message,
    Packet,
    PacketVersion,
    PaperAccess,
    RenderStatus,
    ReviewEvent,
)
from forms_filler.models import ReviewStatus as S
from tests.factories import client_for, make_case, make_person

# Not real documents: the access tests only need bytes behind the download and preview URLs.
FAKE_PDF = b"%PDF-1.4\n% access-test\n%%EOF\n"
FAKE_PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@dataclass
class World:
    owner: User
    other: User
    staff: User
    admin: User
    case: Case
    other_case: Case
    packet: Packet
    version: PacketVersion
    guide_page: GuidePage

    def user(self, role: str) -> User | None:
        return {
            "anonymous": None,
            "owner": self.owner,
            "other": self.other,
            "staff": self.staff,
            "admin": self.admin,
        }[role]

    def client(self, role: str) -> Client:
        return client_for(self.user(role))


def ready_version(packet: Packet, number: int = 1) -> PacketVersion:
    version = PacketVersion.objects.create(
        packet=packet, number=number, status=RenderStatus.READY, answers_fingerprint="x" * 64
    )
    version.file = storage.pdf_save(packet_id=packet.pk, number=number, data=FAKE_PDF)
    version.preview = storage.preview_save(packet_id=packet.pk, number=number, data=FAKE_PNG)
    version.sha256 = storage.sha256_hex(FAKE_PDF)
    version.size = len(FAKE_PDF)
    version.attempts = 1
    version.rendered_at = timezone.now()
    version.save()
    return version


@pytest.fixture
def database_tasks(settings) -> None:
    """Production's task backend (django-tasks-db), whose admin pages the matrix requests."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def world(petitioner, other_petitioner, clinic_staff, admin_user, database_tasks) -> World:
    case = make_case(make_person(petitioner))
    other_case = make_case(make_person(other_petitioner, full_name="Olga Other"))
    packet = Packet.objects.create(
        case=case, review_status=S.SUBMITTED, submitted_at=timezone.now()
    )
    version = ready_version(packet)
    ReviewEvent.objects.create(
        packet=packet, actor=petitioner, from_status=S.NOT_SUBMITTED, to_status=S.SUBMITTED
    )
    Message.objects.create(packet=packet, author=clinic_staff, body="Please check the date.")
    PaperAccess.objects.create(packet=packet, user=clinic_staff, kind=PaperAccess.Kind.REVIEW_PAGE)
    _task_result()
    guide_page = GuidePage.objects.filter(published=True).first() or GuidePage.objects.create(
        slug="access-test", title="Access test", body="Body.", published=True
    )
    if not CountyFilingNote.objects.exists():  # the migrations seed these; keep one for the admin
        pytest.fail("county filing notes are expected from the migrations")
    assert Group.objects.exists()
    world = World(
        owner=petitioner,
        other=other_petitioner,
        staff=clinic_staff,
        admin=admin_user,
        case=case,
        other_case=other_case,
        packet=packet,
        version=version,
        guide_page=guide_page,
    )
    yield world
    storage.files_delete([version.file.name, version.preview.name])


def _task_result() -> Any:
    """One row in django-tasks-db's table, so the admin's task pages have an object to show."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.create(
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="forms_filler.tasks.render_packet_version",
        backend_name="default",
        queue_name="default",
        run_after=timezone.now() + datetime.timedelta(days=365),
    )


def content_type_id(model: type) -> int:
    return ContentType.objects.get_for_model(model).pk
