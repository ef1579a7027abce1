"""Packet renders are limited per person per hour, with a plain message; other people and
earlier papers are not affected."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from eligibility.models import Case
from forms_filler.models import PacketVersion
from tests.eligibility.interview import finish, probation_case

pytestmark = pytest.mark.django_db


def _new_answers(client, case: Case, statement: str) -> None:
    # A changed statement changes the papers' answers, so the next request is a new render.
    client.post(f"/packets/case/{case.pk}/statement/", {"statement": statement})


@override_settings(PACKET_RENDERS_PER_HOUR=3)
def test_the_fourth_render_in_an_hour_is_refused_with_a_message(
    petitioner_client, petitioner, other_client, other_petitioner
):
    finish(petitioner_client, probation_case(violated="yes"))
    case = Case.objects.get(person__owner=petitioner)
    for attempt in range(3):
        _new_answers(petitioner_client, case, f"Statement {attempt}")
        petitioner_client.post(f"/packets/case/{case.pk}/")
    assert PacketVersion.objects.filter(packet__case=case).count() == 3
    _new_answers(petitioner_client, case, "Statement 4")
    response = petitioner_client.post(f"/packets/case/{case.pk}/", follow=True)
    assert PacketVersion.objects.filter(packet__case=case).count() == 3
    assert "You have made papers many times in the last hour" in response.content.decode()

    finish(other_client, probation_case())  # someone else is not held up
    other_case = Case.objects.get(person__owner=other_petitioner)
    other_client.post(f"/packets/case/{other_case.pk}/")
    assert PacketVersion.objects.filter(packet__case=other_case).count() == 1

    PacketVersion.objects.filter(packet__case=case).update(
        created_at=timezone.now() - datetime.timedelta(minutes=61)
    )
    petitioner_client.post(f"/packets/case/{case.pk}/")  # an hour later: allowed again
    assert PacketVersion.objects.filter(packet__case=case).count() == 4
