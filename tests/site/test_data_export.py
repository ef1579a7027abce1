"""Download my data (expunge_portal/site/data_export.py): what it holds and what it leaves out."""

import json

import pytest

from forms_filler.models import Message
from tests.factories import make_case, make_packet, make_person, make_user

pytestmark = pytest.mark.django_db


def test_messages_to_the_person_are_in_it_and_staff_working_notes_are_not(
    petitioner, petitioner_client
) -> None:
    staff = make_user("sam.staff@example.org")
    packet = make_packet(make_case(make_person(petitioner)))
    Message.objects.create(packet=packet, author=staff, body="Please bring your ID.")
    Message.objects.create(
        packet=packet, author=staff, body="Internal: judge Ortiz is strict.", internal=True
    )

    response = petitioner_client.get("/accounts/my-data/")

    assert response.status_code == 200
    data = json.loads(response.content)
    [case] = data["cases"]
    assert [m["body"] for m in case["packet"]["messages"]] == ["Please bring your ID."]
    assert "judge Ortiz" not in response.content.decode()
