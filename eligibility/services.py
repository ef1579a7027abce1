"""Writes for the interview: people, cases, counts and their determinations."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction

from eligibility.engine import ENGINE_VERSION, determine
from eligibility.engine import offenses as offense_catalog
from expunge_portal.accounts.models import User

from .facts_from_answers import case_to_facts
from .models import Case, Count, Determination, InterviewDraft, Person, Sentence
from .presentation import translatable_parts
from .selectors import ANONYMOUS_PERSON_KEY, WIZARD_SESSION_KEY, anonymous_person

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


class CaseFileCleanup(Protocol):
    def __call__(self, *, case: Case) -> None: ...


# Apps built on this one keep files for a case (forms_filler: the packet PDFs). They register how
# to remove them from their AppConfig.ready(), so eligibility imports none of them.
_case_file_cleanups: list[CaseFileCleanup] = []


def case_file_cleanup_register(cleanup: CaseFileCleanup) -> None:
    if cleanup not in _case_file_cleanups:
        _case_file_cleanups.append(cleanup)


@transaction.atomic
def case_delete(*, case: Case) -> None:
    for cleanup in _case_file_cleanups:
        cleanup(case=case)
    case.delete()


def person_update_details(*, person: Person, details: dict[str, str]) -> Person:
    for field, value in details.items():
        setattr(person, field, value)
    person.save()
    return person


def person_for_anonymous_session(*, session: SessionBase) -> Person:
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
def person_adopt_anonymous(*, user: User, session: SessionBase) -> Person | None:
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
    return existing


@transaction.atomic
def stale_data_purge(*, older_than: datetime.datetime) -> dict[str, int]:
    """Anonymous people and drafts not touched since `older_than`, and expired or idle sessions.
    Accounts and what they own are never purged here: people delete those themselves."""
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    stale_people = Person.objects.filter(owner__isnull=True, updated_at__lt=older_than)
    for person in stale_people:
        for case in person.cases.all():
            case_delete(case=case)
    people, _ = stale_people.delete()
    drafts, _ = InterviewDraft.objects.filter(updated_at__lt=older_than).delete()
    sessions, _ = Session.objects.filter(expire_date__lt=max(older_than, timezone.now())).delete()
    return {"people": people, "drafts": drafts, "sessions": sessions}


def case_set_statement(*, case: Case, statement: str) -> Case:
    case.statement = statement.strip()
    case.save(update_fields=["statement", "updated_at"])
    return case


def interview_draft_replace(
    *, user: User | AnonymousUser, session: SessionBase, data: dict[str, Any] | None
) -> None:
    """Put `data` in place of the unfinished interview (None discards it), in the session and,
    for a signed-in person, in the saved draft that other devices resume from."""
    if data is None:
        session.pop(WIZARD_SESSION_KEY, None)
    else:
        session[WIZARD_SESSION_KEY] = data
    if user.is_authenticated:
        interview_draft_save(user=user, data=data)


def interview_draft_save(*, user: User, data: dict[str, Any] | None) -> None:
    """The one door to the saved draft other devices resume from: `data` replaces it (None
    deletes it). The session copy is the wizard's own storage."""
    if data is None:
        InterviewDraft.objects.filter(owner=user).delete()
    else:
        InterviewDraft.objects.update_or_create(owner=user, defaults={"data": data})
