"""Download my data, and the purge of stale anonymous drafts and sessions."""

import datetime
import io
import json

import pytest
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from eligibility.models import Case, InterviewDraft, Person
from tests.eligibility.interview import answer, finish, probation_case

pytestmark = pytest.mark.django_db


def test_download_my_data_holds_my_answers_and_nobody_elses(petitioner_client, other_client):
    finish(petitioner_client, probation_case(county="Sacramento"))
    finish(other_client, probation_case(county="Yolo"))
    response = petitioner_client.get("/accounts/my-data/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == "pat@example.org"
    assert data["person"]["full_name"] == "Rosa Díaz"
    assert [case["county"] for case in data["cases"]] == ["Sacramento"]
    case = data["cases"][0]
    assert case["counts"][0]["section"] == "484(a)"
    assert case["determinations"][0]["result"]["outcome"] == "eligible"
    assert "Yolo" not in response.content.decode()


def test_download_my_data_needs_a_login():
    response = Client().get("/accounts/my-data/")
    assert response.status_code == 302


def _age(model, days: int, **filters) -> None:
    model.objects.filter(**filters).update(
        updated_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_purge_removes_stale_anonymous_people_drafts_and_sessions(petitioner_client, petitioner):
    anonymous = Client()
    finish(anonymous, probation_case())
    fresh_anonymous = Client()
    finish(fresh_anonymous, probation_case(county="Napa"))
    finish(petitioner_client, probation_case(county="Yolo"))
    petitioner_client.get("/screening/new/")
    answer(petitioner_client, "county", {"county": "Kern"})
    assert InterviewDraft.objects.filter(owner=petitioner).exists()

    stale = Person.objects.get(owner__isnull=True, cases__county="Sacramento")
    _age(Person, 40, pk=stale.pk)
    _age(InterviewDraft, 40)
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(days=1))

    call_command("purge_stale_data", days=30, stdout=io.StringIO())

    assert not Person.objects.filter(pk=stale.pk).exists()
    assert not Case.objects.filter(county="Sacramento").exists()
    assert Case.objects.filter(county="Napa").exists()  # recent anonymous work is kept
    assert Case.objects.filter(county="Yolo", person__owner=petitioner).exists()  # accounts kept
    assert not InterviewDraft.objects.exists()
    assert not Session.objects.exists()


def test_purge_refuses_a_nonsense_age():
    with pytest.raises(CommandError, match="--days"):
        call_command("purge_stale_data", days=0)
