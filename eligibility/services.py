"""Writes for the interview: people, cases, counts and their determinations."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from eligibility.engine import ENGINE_VERSION, determine_person
from expunge_portal.accounts.models import User

from .calendar import today_in_california
from .facts_from_answers import PERSON_FIELDS, case_to_facts, person_to_facts
from .models import Case, Count, Determination, InterviewDraft, Person, Sentence
from .presentation import translatable_parts
from .selectors import (
    ANONYMOUS_PERSON_KEY,
    ANONYMOUS_WORK_KEY,
    WIZARD_SESSION_KEY,
    anonymous_person,
)


@dataclass(frozen=True)
class CountAnswer:
    """One offense row: what the person typed, the catalog citation it resolved to (empty
    when it resolved to nothing), and the level."""

    typed: str
    level: str
    code: str = ""
    section: str = ""
    attempt: bool = False


@dataclass(frozen=True)
class SituationAnswer:
    """The person-wide questions; None is "I don't know"."""

    on_supervision_now: bool | None
    serving_sentence_now: bool | None
    pending_charges: bool | None
    registrant: bool | None


@transaction.atomic
def case_save_from_answers(
    *,
    person: Person,
    answers: dict[str, Any],
    counts: Iterable[CountAnswer],
    case: Case | None,
    situation: SituationAnswer | None = None,
) -> Case:
    """Create or update a case and its counts from the interview's cleaned answers (and the
    person's situation, when the interview asked it), then screen all the person's cases.
    All or nothing: a failure leaves the previous records untouched."""
    case = case or Case(person=person)
    if case.person_id != person.pk:
        raise PermissionError("A case can only be saved by the person it belongs to.")
    if situation is not None:
        _person_store_situation(person=person, situation=situation)
    years_before = case.ca_residence_years
    for field, value in answers.items():
        setattr(case, field, value)
    _date_residence_answer(case=case, years_before=years_before)
    case.save()
    case.counts.all().delete()
    Count.objects.bulk_create(
        [_count_from_answer(case, position, answer) for position, answer in enumerate(counts, 1)]
    )
    person_screen(person=person)
    return case


def _date_residence_answer(*, case: Case, years_before: int | None) -> None:
    """Years in California are true on the day they were given: keep that day while the number
    stays the same (editing other answers), and take today when it changes."""
    if case.ca_residence_years is None:
        case.ca_residence_answered_on = None
    elif case.ca_residence_years != years_before or case.ca_residence_answered_on is None:
        case.ca_residence_answered_on = today_in_california()


def _count_from_answer(case: Case, position: int, answer: CountAnswer) -> Count:
    return Count(
        case=case,
        position=position,
        typed=answer.typed.strip(),
        code=answer.code,
        section=answer.section,
        attempt=answer.attempt,
        level=answer.level,
    )


def _person_store_situation(*, person: Person, situation: SituationAnswer) -> None:
    person.on_supervision_now = situation.on_supervision_now
    person.serving_sentence_now = situation.serving_sentence_now
    person.pending_charges = situation.pending_charges
    person.registrant = situation.registrant
    person.situation_answered_at = timezone.now()
    person.save()


@transaction.atomic
def person_update_situation(*, person: Person, situation: SituationAnswer) -> Person:
    """Store the person-wide answers and screen all the person's cases again."""
    _person_store_situation(person=person, situation=situation)
    person_screen(person=person)
    return person


@transaction.atomic
def person_screen(
    *, person: Person, as_of: datetime.date | None = None
) -> dict[int, Determination]:
    """Screen all the person's cases together (a probation still running in one case blocks the
    others; PC 1203.4(a)(1), 1203.41(a)(3), 1203.42(a)) and store each case's determination.

    A case whose sentence is unknown cannot be screened: it has no determination. A stored
    determination that says the same as the new one is kept, so its packet stays current."""
    as_of = as_of or today_in_california()
    cases = list(person.cases.prefetch_related("counts").order_by("created_at", "pk"))
    unscreenable = [case for case in cases if case.sentence == Sentence.UNKNOWN]
    Determination.objects.filter(case__in=unscreenable).delete()
    Case.objects.filter(pk__in=[case.pk for case in unscreenable]).exclude(
        latest_outcome=""
    ).update(latest_outcome="")
    screenable = [case for case in cases if case.sentence != Sentence.UNKNOWN]
    if not screenable:
        return {}
    converted = [case_to_facts(case) for case in screenable]
    results = determine_person(
        [facts for facts, _ in converted], as_of=as_of, person=person_to_facts(person)
    )
    stored: dict[int, Determination] = {}
    for case, (_, interview_assumptions), result in zip(
        screenable, converted, results, strict=True
    ):
        fields = {
            "engine_version": ENGINE_VERSION,
            "outcome": str(result.outcome),
            "result": result.to_dict(),
            "translatable": translatable_parts(result),
            "interview_assumptions": [a.as_dict() for a in interview_assumptions],
        }
        latest = case.determinations.order_by("-created_at", "-pk").first()
        if latest is not None and all(getattr(latest, k) == v for k, v in fields.items()):
            stored[case.pk] = latest
        else:
            stored[case.pk] = determination_record(case=case, as_of=as_of, **fields)
    return stored


def determination_record(*, case: Case, as_of: datetime.date, **fields: Any) -> Determination:
    """Store a new determination of the case and make it the case's latest outcome (the review
    queue reads `Case.latest_outcome`): the one door for both."""
    determination = Determination.objects.create(case=case, as_of=as_of, **fields)
    Case.objects.filter(pk=case.pk).update(latest_outcome=determination.outcome)
    case.latest_outcome = determination.outcome
    return determination


def case_determine(*, case: Case, as_of: datetime.date | None = None) -> Determination | None:
    """Screen a case (with all its person's cases, which it depends on) and return its stored
    determination; None when its sentence is unknown."""
    return person_screen(person=case.person, as_of=as_of).get(case.pk)


class CasesErase(Protocol):
    def __call__(self, *, cases: QuerySet[Case]) -> None: ...


# Apps built on this one keep rows and files for a case (forms_filler: packets, versions,
# messages, PDFs). They register how to erase them for a set of cases, in set-based statements,
# from their AppConfig.ready(), so eligibility imports none of them. Used when a person removes
# a case, deletes their account, or the stale-data purge runs.
_cases_erasers: list[CasesErase] = []


def cases_erase_register(eraser: CasesErase) -> None:
    if eraser not in _cases_erasers:
        _cases_erasers.append(eraser)


@transaction.atomic
def case_delete(*, case: Case) -> None:
    person = case.person
    for eraser in _cases_erasers:
        eraser(cases=Case.objects.filter(pk=case.pk))
    case_id = case.pk
    case.delete()
    # The history would keep what the person removed (the deletion itself adds a row).
    Count.history.filter(case_id=case_id).delete()
    Case.history.filter(id=case_id).delete()
    # The case may have blocked the others (a probation still running).
    person_screen(person=person)


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
    if anonymous.situation_answered_at and (
        existing.situation_answered_at is None
        or anonymous.situation_answered_at > existing.situation_answered_at
    ):
        for field in PERSON_FIELDS:
            setattr(existing, field, getattr(anonymous, field))
        existing.situation_answered_at = anonymous.situation_answered_at
    existing.save()
    anonymous.delete()
    # The history follows the cases to their new person; the anonymous person's own history
    # (now merged into `existing`) goes, so deleting the account later finds every row.
    Case.history.filter(person_id=anonymous.pk).update(person_id=existing.pk)
    Person.history.filter(id=anonymous.pk).delete()
    person_screen(person=existing)
    return existing


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
    case_ids = Case.history.filter(person_id__in=person_ids).values("id")
    cases = Case.objects.filter(person_id__in=person_ids)
    for eraser in _cases_erasers:
        eraser(cases=cases)
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


def case_set_statement(*, case: Case, statement: str, statement_english: str = "") -> Case:
    case.statement = statement.strip()
    case.statement_english = statement_english.strip()
    case.save(update_fields=["statement", "statement_english", "updated_at"])
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
