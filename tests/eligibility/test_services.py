"""Writes for the interview (eligibility/services.py)."""

import datetime

import pytest
from django.utils import timezone

from eligibility import services
from eligibility.models import Case, InterviewDraft, Person
from tests.factories import make_case, make_person

pytestmark = pytest.mark.django_db


def _age(person: Person, days: int) -> None:
    Person.objects.filter(pk=person.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_the_stale_data_purge_never_deletes_an_accounts_person(petitioner) -> None:
    owned = make_person(petitioner)
    make_case(owned, county="Yolo")
    anonymous = make_person(None)
    make_case(anonymous, county="Napa")
    _age(owned, 400)  # an account untouched for a year is still the account's
    _age(anonymous, 400)

    counts = services.stale_data_purge(older_than=timezone.now() - datetime.timedelta(days=30))

    assert counts["people"] >= 1
    assert Person.objects.filter(pk=owned.pk).exists()
    assert Case.objects.filter(county="Yolo").exists()
    assert not Person.objects.filter(pk=anonymous.pk).exists()
    assert not Case.objects.filter(county="Napa").exists()


def test_case_delete_runs_every_registered_eraser_on_that_case_alone(petitioner) -> None:
    person = make_person(petitioner)
    case = make_case(person, county="Yolo")
    other = make_case(person, county="Napa")
    case_id = case.pk
    seen: list[tuple[list[int], bool]] = []

    def eraser(*, cases) -> None:
        seen.append(
            (list(cases.values_list("pk", flat=True)), Case.objects.filter(pk=case_id).exists())
        )

    services.cases_erase_register(eraser)
    try:
        services.case_delete(case=case)
    finally:
        services._cases_erasers.remove(eraser)

    assert seen == [([case_id], True)]  # called once, for this case, while the row still existed
    assert not Case.objects.filter(pk=case_id).exists()
    assert Case.objects.filter(pk=other.pk).exists()


def test_forms_filler_registers_its_packet_eraser() -> None:
    from forms_filler.erasure import packets_erase_for_cases

    assert packets_erase_for_cases in services._cases_erasers


def test_interview_draft_save_is_the_one_door_to_the_saved_draft(petitioner) -> None:
    services.interview_draft_save(user=petitioner, data={"step": "county"})
    services.interview_draft_save(user=petitioner, data={"step": "sentence"})
    assert InterviewDraft.objects.get(owner=petitioner).data == {"step": "sentence"}
    services.interview_draft_save(user=petitioner, data=None)
    assert not InterviewDraft.objects.filter(owner=petitioner).exists()
