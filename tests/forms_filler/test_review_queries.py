"""Every staff page asks the database the same number of questions with 5 packets as with 500
(issue 15). The packets are made in bulk so that the test stays quick."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from eligibility.models import Case, Determination, Person
from expunge_portal.accounts.models import User
from forms_filler import storage
from forms_filler.models import Message, Packet, PacketVersion, RenderStatus, ReviewEvent
from forms_filler.models import ReviewStatus as S
from tests.factories import ELIGIBLE_RESULT

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage")]

STATUSES = [S.SUBMITTED, S.IN_REVIEW, S.CHANGES_REQUESTED, S.APPROVED, S.RESUBMITTED]
PDF = b"%PDF-1.4\n% query-count test\n%%EOF\n"


def add_packets(n: int, *, start: int, staff: User) -> None:
    """n people, each with two cases (one with a packet sent for review), two determinations per
    case, a reply and a note on every packet, and an approval event for the approved ones."""
    now = timezone.now()
    users = User.objects.bulk_create(
        User(email=f"bulk{i}@example.org", preferred_language="es" if i % 2 else "en")
        for i in range(start, start + n)
    )
    people = Person.objects.bulk_create(
        Person(owner=user, full_name=f"Bulk Person {i}")
        for i, user in zip(range(start, start + n), users, strict=True)
    )
    cases = Case.objects.bulk_create(
        Case(
            person=person,
            county="Fresno" if k else "Sacramento",
            case_number=f"25CR{i:05}{k}",
            judgment_date=datetime.date(2020, 1, 1),
            sentence="probation",
            latest_outcome="eligible",  # the later of the two determinations below
        )
        for i, person in zip(range(start, start + n), people, strict=True)
        for k in (0, 1)
    )
    Determination.objects.bulk_create(
        Determination(
            case=case,
            engine_version="test",
            as_of=datetime.date(2025, 6, 15),
            outcome=outcome,
            result={**ELIGIBLE_RESULT, "outcome": outcome},
        )
        for case in cases
        for outcome in ("wait", "eligible")
    )
    packets = Packet.objects.bulk_create(
        Packet(
            case=case,
            review_status=STATUSES[i % len(STATUSES)],
            submitted_at=now - datetime.timedelta(hours=i),
            assigned_to=staff if i % 3 == 0 else None,
            person_language=case.person.owner.preferred_language,
        )
        for i, case in enumerate(cases[::2], start=start)
    )
    versions = PacketVersion.objects.bulk_create(
        PacketVersion(
            packet=packet,
            number=number,
            status=RenderStatus.READY,
            answers_fingerprint="f" * 64,
            answers={"case": {"sentence": "probation"}, "counts": {}, "person": {}},
            file=f"packets/{packet.pk}/v{number}.pdf",
        )
        for packet in packets
        for number in (1, 2)
    )
    for version in versions[1::2]:
        # Stored as the portal stores papers: encrypted.
        sealed = storage.packet_fernet().encrypt(PDF)
        storage.packet_storage().save(version.file.name, ContentFile(sealed))
    Message.objects.bulk_create(
        Message(packet=packet, author=packet.case.person.owner, body="reply", from_person=True)
        for packet in packets
    )
    Message.objects.bulk_create(
        Message(packet=packet, author=staff, body="note", internal=True) for packet in packets
    )
    ReviewEvent.objects.bulk_create(
        ReviewEvent(
            packet=packet,
            actor=staff,
            from_status=S.IN_REVIEW,
            to_status=S.APPROVED,
            version=version,
        )
        for packet, version in zip(packets, versions[1::2], strict=True)
        if packet.review_status == S.APPROVED
    )


def queries(client, url: str, params: dict[str, str] | None = None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(ctx)


def staff_pages(first: Packet) -> list[tuple[str, dict[str, str]]]:
    queue = reverse("review:queue")
    case_id = first.case_id
    return [
        (queue, {}),
        (queue, {"status": "all"}),
        (queue, {"status": "all", "page": "2"}),
        (queue, {"status": "all", "q": "bulk person 3"}),
        (queue, {"status": "all", "q": "25CR000030"}),
        (queue, {"status": "all", "county": "Sacramento", "outcome": "eligible"}),
        (queue, {"status": "all", "language": "es", "waiting": "us", "order": "newest"}),
        (queue, {"status": "all", "waiting": "person", "mine": "on"}),
        (reverse("review:export"), {"status": "all"}),
        (reverse("review:approved_day"), {"day": timezone.localdate().isoformat()}),
        (reverse("review:packet", kwargs={"packet_id": first.pk}), {}),
        (reverse("forms_filler:packet", kwargs={"case_id": case_id}), {}),
        (reverse("forms_filler:status", kwargs={"case_id": case_id}), {}),
        (reverse("forms_filler:download", kwargs={"case_id": case_id, "number": 2}), {}),
    ]


def test_every_staff_page_asks_the_same_with_5_and_500_packets(staff_client, clinic_staff):
    add_packets(5, start=0, staff=clinic_staff)
    first = Packet.objects.order_by("pk").first()
    # Open every page once, so the first opening (which starts a review) is not measured.
    for url, params in staff_pages(first):
        queries(staff_client, url, params)
    small = [queries(staff_client, url, params) for url, params in staff_pages(first)]
    add_packets(495, start=5, staff=clinic_staff)
    for url, params in staff_pages(first)[10:]:
        queries(staff_client, url, params)
    large = [queries(staff_client, url, params) for url, params in staff_pages(first)]
    pages = [f"{url}?{params}" for url, params in staff_pages(first)]
    assert dict(zip(pages, large, strict=True)) == dict(zip(pages, small, strict=True))
    assert max(large) <= 25
