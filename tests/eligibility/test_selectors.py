"""Reads for the interview (eligibility/selectors.py)."""

import pytest

from eligibility import selectors
from eligibility.models import InterviewDraft
from tests.factories import make_case, make_person

pytestmark = pytest.mark.django_db


def test_case_being_edited_is_only_ever_the_persons_own(petitioner, other_petitioner) -> None:
    mine = make_case(make_person(petitioner))
    theirs = make_case(make_person(other_petitioner))
    person = mine.person
    assert selectors.case_being_edited(person=person, case_id=mine.pk) == mine
    assert selectors.case_being_edited(person=person, case_id=theirs.pk) is None
    assert selectors.case_being_edited(person=person, case_id=None) is None


def test_interview_draft_data_is_the_accounts_own_draft(petitioner, other_petitioner) -> None:
    InterviewDraft.objects.create(owner=other_petitioner, data={"step": "county"})
    assert selectors.interview_draft_data(user=petitioner) is None
    InterviewDraft.objects.create(owner=petitioner, data={"step": "sentence"})
    assert selectors.interview_draft_data(user=petitioner) == {"step": "sentence"}


def test_last_changed_case_is_the_one_changed_most_recently(petitioner) -> None:
    person = make_person(petitioner)
    assert selectors.last_changed_case(person=person) is None
    first = make_case(person, case_number="24CR000001")
    second = make_case(person, case_number="24CR000002")
    assert selectors.last_changed_case(person=person) == second
    first.save()  # touched last
    assert selectors.last_changed_case(person=person) == first
