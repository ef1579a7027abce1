"""Deleting an account, and the purge of stale anonymous people, leave nothing behind: no row in
any table (history, tasks and the admin's log included) and no stored file holds the person's
email, name or case number. Before deleting, the same search finds them (so it can)."""

import datetime
import io
import json

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from eligibility.models import Case, Person
from forms_filler import review
from forms_filler.models import Message, PacketVersion, PaperAccess, ReviewEvent
from tests.eligibility.interview import probation_case, walk
from tests.factories import PASSWORD, client_for, make_user

from .leftovers import database_hits, file_hits, storage_root

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_storage")]


EMAIL = "zebulon.quixote@example.org"
NAME = "Zebulon Quixote-Marlowe"
CASE_NUMBER = "ZQ24CR987654"
STREET = "77 Quixotic Lane"
PHONE = "530-555-0177"
STATEMENT = "Zebulon has worked at the Quixotic bakery since his case."
NEEDLES = [EMAIL, NAME, CASE_NUMBER, STREET, "Quixotic"]

DETAILS = {"full_name": NAME, "street": STREET, "city": "Chico", "zip_code": "95926",
           "phone": PHONE, "email": EMAIL}  # fmt: skip


OTHER_DETAILS = {"full_name": "Ana Ruiz", "street": "2 Elm St", "city": "Davis",
                 "zip_code": "95616", "phone": "530-555-0101",
                 "email": "ana@example.org"}  # fmt: skip


def _interview(
    client: Client, *, case_number: str = CASE_NUMBER, first: bool = True, details=DETAILS
) -> Case:
    # The person-wide questions ("right now") and details are asked once per person.
    steps = (
        probation_case(violated="yes") if first else probation_case(violated="yes", right_now=None)
    )
    steps[1] = ("case-number", {"case_number": case_number})
    about_you = [("about-you", details)] if first else []  # asked once per person
    walk(client, [*steps, *about_you, ("check", {})])
    return Case.objects.filter(case_number=case_number).latest("pk")


def _a_person_with_everything(client: Client, capture_on_commit) -> Case:
    case = _interview(client)
    # A second case, changed and then removed: its history must go too.
    removed = _interview(client, case_number="ZQ-REMOVED-1", first=False)
    client.post(f"/screening/cases/{removed.pk}/remove/")
    client.post(f"/packets/case/{case.pk}/statement/", {"statement": STATEMENT})
    with capture_on_commit(execute=True):
        client.post(f"/packets/case/{case.pk}/")
    client.post(f"/packets/case/{case.pk}/submit/")
    Message.objects.create(packet=case.packet, body=f"Called {NAME} about {CASE_NUMBER}.")
    return case


def test_deleting_an_account_leaves_no_trace(
    django_capture_on_commit_callbacks, admin_user, settings, clinic_staff
):
    user = make_user(EMAIL)
    client = client_for(user)
    case = _a_person_with_everything(client, django_capture_on_commit_callbacks)
    # The clinic opens the papers and asks for a change, naming the person.
    review.review_open(packet=case.packet, reviewer=clinic_staff)
    review.review_request_changes(
        packet=case.packet, reviewer=clinic_staff, message=f"{NAME}, please check {STREET}."
    )
    # An account email waiting in the worker's queue names the person too.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    Client().post("/accounts/password/reset/", {"email": EMAIL})
    version = PacketVersion.objects.get(packet__case=case)
    files = [storage_root() / version.file.name, storage_root() / version.preview.name]
    assert all(path.exists() for path in files)
    LogEntry.objects.log_actions(
        user_id=admin_user.pk, queryset=[user], action_flag=CHANGE, change_message=f"{EMAIL}"
    )
    tables_before = {table for table, _ in database_hits(NEEDLES)}
    # The search works: the history and the records hold the details before deletion.
    assert {
        "eligibility_historicalperson",
        "eligibility_historicalcase",
        "eligibility_person",
        "eligibility_case",
        "accounts_user",
        "django_admin_log",
        "django_tasks_database_dbtaskresult",
    } <= tables_before
    assert file_hits(NEEDLES), "the rendered PDF names the person"

    response = client.post("/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 302

    assert database_hits(NEEDLES) == []
    assert file_hits(NEEDLES) == []
    assert not any(path.exists() for path in files)
    # The admin's log keeps that a user was changed, and when: nothing that says who.
    entry = LogEntry.objects.get(user=admin_user)
    assert (entry.action_flag, entry.object_repr, entry.change_message) == (CHANGE, "", "")
    assert entry.action_time is not None
    # The staff-side audit keeps what happened, when and which member of staff acted; no packet,
    # no message, and the person's own steps (sending for review) no longer say who.
    events = ReviewEvent.objects.order_by("pk")
    assert [(e.from_status, e.to_status) for e in events] == [
        ("not_submitted", "submitted"),
        ("submitted", "in_review"),
        ("in_review", "changes_requested"),
    ]
    assert [e.actor_id for e in events] == [None, clinic_staff.pk, clinic_staff.pk]
    assert {(e.packet_id, e.version_id, e.message) for e in events} == {(None, None, "")}
    assert all(e.created_at for e in events)
    looks = PaperAccess.objects.all()
    assert [(a.kind, a.user_id, a.packet_id, a.version_number) for a in looks] == [
        ("review_page", clinic_staff.pk, None, None)
    ]


def test_removing_a_case_removes_its_history(petitioner_client):
    case = _interview(petitioner_client, case_number="ZQ-ONLY-CASE")
    assert Case.history.filter(id=case.pk).exists()
    petitioner_client.post(f"/screening/cases/{case.pk}/remove/")
    assert [hit for hit in database_hits(["ZQ-ONLY-CASE"])] == []


def test_the_purge_leaves_no_trace_of_a_stale_anonymous_person():
    anonymous = Client()
    case = _interview(anonymous)
    kept = Client()
    _interview(kept, case_number="RECENT-1", details=OTHER_DETAILS)
    assert database_hits([CASE_NUMBER])
    Person.objects.filter(pk=case.person_id).update(
        updated_at=timezone.now() - datetime.timedelta(days=40)
    )
    Session.objects.filter(session_key=anonymous.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(days=1)
    )

    call_command("purge_stale_data", days=30, stdout=io.StringIO())

    assert database_hits(NEEDLES) == []
    assert file_hits(NEEDLES) == []
    assert Case.objects.filter(case_number="RECENT-1").exists()  # recent work is kept
    assert Case.history.filter(case_number="RECENT-1").exists()


def test_download_my_data_includes_the_history(petitioner_client, petitioner):
    case = _interview(petitioner_client, case_number="HIST-1")
    petitioner_client.post(f"/packets/case/{case.pk}/statement/", {"statement": "First words."})
    petitioner_client.post(f"/packets/case/{case.pk}/statement/", {"statement": "Second words."})
    data = json.loads(petitioner_client.get("/accounts/my-data/").content)
    statements = [row["statement"] for row in data["history"]["cases"]]
    assert "First words." in statements  # an earlier version, no longer on the case
    assert data["cases"][0]["statement"] == "Second words."
    assert [row["full_name"] for row in data["history"]["person"]][-1] == NAME
    assert {row["history_type"] for row in data["history"]["cases"]} >= {"+", "~"}
    assert "history_user_id" not in data["history"]["cases"][0]
