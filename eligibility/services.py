"""Writes for the interview: people, cases, counts and their determinations."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.db.models import QuerySet

from eligibility.engine import ENGINE_VERSION, determine
from eligibility.engine import offenses as offense_catalog
from expunge_portal.accounts.models import User

from .facts_from_answers import case_to_facts
from .models import Case, Count, Determination, InterviewDraft, Person, Sentence
from .presentation import translatable_parts
from .selectors import (
    ANONYMOUS_PERSON_KEY,
    ANONYMOUS_WORK_KEY,
    WIZARD_SESSION_KEY,
    anonymous_person,
)

CALIFORNIA = ZoneInfo("America/Los_Angeles")


def today_in_california() -> datetime.date:
    return datetime.datetime.now(tz=CALIFORNIA).date()


@dataclass(frozen=True)
class CountAnswer:
    typed: str
    level: str


@transaction.atomic
def case_save_from_answers(
    *, person: Person, answers: dict[str, Any], counts: Iterable[CountAnswer], case: Case | None
) -> Case:
    """Create or update a case and its counts from the interview's cleaned answers, then
    screen it. All or nothing: a failure leaves the previous record untouched."""
    case = case or Case(person=person)
    if case.person_id != person.pk:
        raise PermissionError("A case can only be saved by the person it belongs to.")
    for field, value in answers.items():
        setattr(case, field, value)
    case.save()
    case.counts.all().delete()
    Count.objects.bulk_create(
        [_count_from_answer(case, position, answer) for position, answer in enumerate(counts, 1)]
    )
    case_determine(case=case)
    return case


def _count_from_answer(case: Case, position: int, answer: CountAnswer) -> Count:
    parsed = offense_catalog.parse_citation(answer.typed)
    return Count(
        case=case,
        position=position,
        typed=answer.typed.strip(),
        code=parsed.code if parsed else "",
        section=parsed.section if parsed else "",
        attempt=parsed.attempt if parsed else False,
        level=answer.level,
    )


def case_determine(*, case: Case, as_of: datetime.date | None = None) -> Determination | None:
    """Screen a case with the engine and store the result beside the engine's version.
    A case whose sentence is unknown cannot be screened; nothing is stored for it."""
    if case.sentence == Sentence.UNKNOWN:
        case.determinations.all().delete()
        return None
    as_of = as_of or today_in_california()
    facts, interview_assumptions = case_to_facts(case)
    result = determine(facts, as_of=as_of)
    return Determination.objects.create(
        case=case,
        engine_version=ENGINE_VERSION,
        as_of=as_of,
        outcome=str(result.outcome),
        result=result.to_dict(),
        translatable=translatable_parts(result),
        interview_assumptions=[a.as_dict() for a in interview_assumptions],
    )


@transaction.atomic
def case_delete(*, case: Case) -> None:
    from forms_filler.services import packet_files_delete_for_case

    packet_files_delete_for_case(case=case)
    case_id = case.pk
    case.delete()
    # The history would keep what the person removed (the deletion itself adds a row).
    Count.history.filter(case_id=case_id).delete()
    Case.history.filter(id=case_id).delete()


def person_update_details(*, person: Person, details: dict[str, str]) -> Person:
    for field, value in details.items():
        setattr(person, field, value)
    person.save()
    return person


def person_for_anonymous_session(*, session) -> Person:
    """The anonymous person of this browser session, created on first use."""
    person = anonymous_person(key=session.get(ANONYMOUS_PERSON_KEY))
    if person:
        return person
    person = Person.objects.create(anonymous_key=Person.new_anonymous_key())
    session[ANONYMOUS_PERSON_KEY] = str(person.anonymous_key)
    return person


def person_for_user(*, user: User) -> Person:
    person, _ = Person.objects.get_or_create(owner=user)
    return person


@transaction.atomic
def person_adopt_anonymous(*, user: User, session) -> Person | None:
    """Carry an anonymous session's cases over to the account that just signed in. When the
    account already has a person, the cases move to it; otherwise the person itself moves."""
    key = session.pop(ANONYMOUS_PERSON_KEY, None)
    if not key:
        return None
    anonymous = anonymous_person(key=key)
    if anonymous is None:
        return None
    existing = Person.objects.filter(owner=user).first()
    if existing is None:
        anonymous.owner = user
        anonymous.anonymous_key = None
        anonymous.save(update_fields=["owner", "anonymous_key", "updated_at"])
        return anonymous
    anonymous.cases.update(person=existing)
    for field in ("full_name", "street", "city", "zip_code", "phone", "email"):
        if not getattr(existing, field) and getattr(anonymous, field):
            setattr(existing, field, getattr(anonymous, field))
    existing.save()
    anonymous.delete()
    # The history follows the cases to their new person; the anonymous person's own history
    # (now merged into `existing`) goes, so deleting the account later finds every row.
    Case.history.filter(person_id=anonymous.pk).update(person_id=existing.pk)
    Person.history.filter(id=anonymous.pk).delete()
    return existing


# Sent when someone finishes on a shared computer: the browser drops this site's cookies,
# storage and cache.
CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


def anonymous_work_settle(*, user: User, session: SessionBase, keep: bool) -> None:
    """The person's answer on the carry-over page: add this browser's answers given before
    signing in to the account, or delete them."""
    if keep:
        person_adopt_anonymous(user=user, session=session)
    else:
        anonymous_work_discard(session=session)
    session.pop(ANONYMOUS_WORK_KEY, None)


def anonymous_work_discard(*, session: SessionBase) -> None:
    """Delete what this browser answered without an account: the person and their cases (with
    history), and the unfinished interview."""
    key = session.pop(ANONYMOUS_PERSON_KEY, None)
    if key:
        people_erase(people=Person.objects.filter(anonymous_key=key, owner__isnull=True))
    session.pop(WIZARD_SESSION_KEY, None)


# People per round of statements (their ids go into each statement; SQLite since 3.32 takes
# up to 32,766 parameters).
ERASE_BATCH = 2000


@transaction.atomic
def people_erase(*, people: QuerySet[Person]) -> int:
    """Delete these people and everything the portal holds about them, in set-based statements
    (a dozen statements per ERASE_BATCH people): packet files and records, determinations,
    counts, cases, the people, and every history row of the person, their cases (removed ones
    too) and their counts, which would otherwise keep what was deleted. Returns how many people
    were deleted."""
    person_ids = list(people.values_list("pk", flat=True))
    for start in range(0, len(person_ids), ERASE_BATCH):
        _people_erase_batch(person_ids[start : start + ERASE_BATCH])
    return len(person_ids)


def _people_erase_batch(person_ids: list[int]) -> None:
    from forms_filler.erasure import packets_erase_for_cases

    case_ids = Case.history.filter(person_id__in=person_ids).values("id")
    cases = Case.objects.filter(person_id__in=person_ids)
    packets_erase_for_cases(cases=cases)
    for queryset in (
        Determination.objects.filter(case__in=cases),
        Count.objects.filter(case__in=cases),
        cases,
        Person.objects.filter(pk__in=person_ids),
        Count.history.filter(case_id__in=case_ids),
        Case.history.filter(person_id__in=person_ids),
        Person.history.filter(id__in=person_ids),
    ):
        queryset._raw_delete(queryset.db)


@transaction.atomic
def stale_data_purge(*, older_than: datetime.datetime) -> dict[str, int]:
    """Anonymous people and drafts not touched since `older_than`, expired or idle sessions,
    and background tasks finished before then. Accounts and what they own are never purged
    here: people delete those themselves."""
    from django.contrib.sessions.models import Session
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    people = people_erase(
        people=Person.objects.filter(owner__isnull=True, updated_at__lt=older_than)
    )
    drafts, _ = InterviewDraft.objects.filter(updated_at__lt=older_than).delete()
    sessions, _ = Session.objects.filter(expire_date__lt=max(older_than, timezone.now())).delete()
    # Finished background tasks: an account email's arguments hold its address and links.
    tasks, _ = DBTaskResult.objects.filter(finished_at__lt=older_than).delete()
    return {"people": people, "drafts": drafts, "sessions": sessions, "tasks": tasks}


def case_set_statement(*, case: Case, statement: str) -> Case:
    case.statement = statement.strip()
    case.save(update_fields=["statement", "updated_at"])
    return case


def interview_draft_replace(*, user: User, session, data: dict[str, Any] | None) -> None:
    """Put `data` in place of the unfinished interview (None discards it), in the session and,
    for a signed-in person, in the saved draft that other devices resume from."""
    if data is None:
        session.pop(WIZARD_SESSION_KEY, None)
    else:
        session[WIZARD_SESSION_KEY] = data
    if not user.is_authenticated:
        return
    if data is None:
        InterviewDraft.objects.filter(owner=user).delete()
    else:
        InterviewDraft.objects.update_or_create(owner=user, defaults={"data": data})
