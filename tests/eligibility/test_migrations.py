"""The migration that moved the "right now" answers from each case to the person."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("eligibility", "0003_staff_facing_field_names")]
AFTER = [("eligibility", "0004_person_situation_asked_once")]


def test_the_latest_saved_case_gives_the_person_its_answers():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Person = old.get_model("eligibility", "Person")
    Case = old.get_model("eligibility", "Case")
    person = Person.objects.create(anonymous_key="8f7a4c1e-0000-4000-8000-000000000001")
    common = {"county": "Sacramento", "judgment_date": datetime.date(2020, 1, 1)}
    older = Case.objects.create(
        person=person, sentence="probation", pending_charges=False, registrant=False,
        on_supervision_now=False, serving_sentence_now=False, **common,
    )  # fmt: skip
    newer = Case.objects.create(
        person=person, sentence="probation", pending_charges=True, registrant=None,
        on_supervision_now=False, serving_sentence_now=None, **common,
    )  # fmt: skip
    Case.objects.filter(pk=older.pk).update(updated_at=newer.updated_at - datetime.timedelta(1))
    untouched = Person.objects.create(anonymous_key="8f7a4c1e-0000-4000-8000-000000000002")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    moved = new.get_model("eligibility", "Person").objects.get(pk=person.pk)
    assert (
        moved.on_supervision_now,
        moved.serving_sentence_now,
        moved.pending_charges,
        moved.registrant,
    ) == (False, None, True, None)
    assert moved.situation_answered_at is not None
    fresh = new.get_model("eligibility", "Person").objects.get(pk=untouched.pk)
    assert fresh.situation_answered_at is None  # no case: the interview will ask
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_each_case_gets_the_outcome_of_its_latest_determination():
    before = [("eligibility", "0009_case_dej_sentence_and_fire_camp")]
    after = [("eligibility", "0010_case_latest_outcome")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    Person = old.get_model("eligibility", "Person")
    Case = old.get_model("eligibility", "Case")
    Determination = old.get_model("eligibility", "Determination")
    person = Person.objects.create(anonymous_key="8f7a4c1e-0000-4000-8000-000000000003")
    common = {"county": "Sacramento", "judgment_date": datetime.date(2020, 1, 1)}
    screened = Case.objects.create(person=person, sentence="probation", **common)
    never = Case.objects.create(person=person, sentence="unknown", **common)
    result = {"engine_version": "test", "as_of": datetime.date(2025, 1, 1), "result": {}}
    newer = Determination.objects.create(case=screened, outcome="eligible", **result)
    older = Determination.objects.create(case=screened, outcome="wait", **result)
    # Created second but dated first: "latest" is by date, as the queue always read it.
    Determination.objects.filter(pk=older.pk).update(
        created_at=newer.created_at - datetime.timedelta(days=1)
    )

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps.get_model("eligibility", "Case")
    assert new.objects.get(pk=screened.pk).latest_outcome == "eligible"
    assert new.objects.get(pk=never.pk).latest_outcome == ""
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
