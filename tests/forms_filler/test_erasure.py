"""Erasing packets (forms_filler/erasure.py): the packet, its versions, messages and reminders go;
the staff-side audit rows stay as what happened and when, with nothing that says whose."""

import pytest

from eligibility import services as eligibility_services
from forms_filler import review
from forms_filler.models import (
    Message,
    Packet,
    PacketVersion,
    PaperAccess,
    RenderStatus,
    ReviewEvent,
    ReviewStatus,
)
from tests.factories import make_case, make_packet, make_person

pytestmark = pytest.mark.django_db


def _reviewed_packet(petitioner, clinic_staff, case_number: str) -> Packet:
    packet = make_packet(make_case(make_person(petitioner), case_number=case_number))
    PacketVersion.objects.create(
        packet=packet, number=1, answers_fingerprint="f" * 64, status=RenderStatus.READY
    )
    review.packet_submit(packet=packet, user=petitioner)
    packet.refresh_from_db()
    review.review_open(packet=packet, reviewer=clinic_staff)
    packet.refresh_from_db()
    review.review_request_changes(
        packet=packet, reviewer=clinic_staff, message=f"Please check case {case_number}."
    )
    return packet


def test_removing_a_case_keeps_its_audit_rows_as_kind_and_time(petitioner, clinic_staff):
    packet = _reviewed_packet(petitioner, clinic_staff, "24CR777001")
    case = packet.case
    assert ReviewEvent.objects.filter(packet=packet).count() == 3
    assert Message.objects.filter(packet=packet).exists()

    eligibility_services.case_delete(case=case)

    assert not Packet.objects.exists()
    assert not PacketVersion.objects.exists()
    assert not Message.objects.exists()
    events = list(ReviewEvent.objects.order_by("pk"))
    assert [(e.from_status, e.to_status, e.actor_id) for e in events] == [
        (ReviewStatus.NOT_SUBMITTED, ReviewStatus.SUBMITTED, None),  # the person's own step
        (ReviewStatus.SUBMITTED, ReviewStatus.IN_REVIEW, clinic_staff.pk),
        (ReviewStatus.IN_REVIEW, ReviewStatus.CHANGES_REQUESTED, clinic_staff.pk),
    ]
    assert {(e.packet_id, e.version_id, e.message) for e in events} == {(None, None, "")}
    looks = list(PaperAccess.objects.all())
    assert [(a.kind, a.user_id, a.packet_id) for a in looks] == [
        (PaperAccess.Kind.REVIEW_PAGE, clinic_staff.pk, None)
    ]
    assert "erased packet" in str(events[0])


def test_erasing_one_case_leaves_another_persons_audit_rows_whole(
    petitioner, other_petitioner, clinic_staff
):
    erased = _reviewed_packet(petitioner, clinic_staff, "24CR777002")
    kept = _reviewed_packet(other_petitioner, clinic_staff, "24CR777003")

    eligibility_services.case_delete(case=erased.case)

    kept_events = ReviewEvent.objects.filter(packet=kept).order_by("pk")
    assert [e.actor_id for e in kept_events] == [
        other_petitioner.pk,
        clinic_staff.pk,
        clinic_staff.pk,
    ]
    assert kept_events.last().message == "Please check case 24CR777003."
    assert PaperAccess.objects.filter(packet=kept).count() == 1
    assert ReviewEvent.objects.filter(packet__isnull=True).count() == 3
