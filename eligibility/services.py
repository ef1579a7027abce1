"""Writes for the interview: people, cases, counts and their determinations."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from eligibility.engine import ENGINE_VERSION, determine_person
from expunge_portal.accounts.models import User

from .facts_from_answers import PERSON_FIELDS, case_to_facts, person_to_facts
from .models import Case, Count, Determination, InterviewDraft, Person, Sentence
from .presentation import translatable_parts
from .selectors import ANONYMOUS_PERSON_KEY, WIZARD_SESSION_KEY, anonymous_person

CALIFORNIA = ZoneInfo("America/Los_Angeles")


def today_in_california() -> datetime.date:
    return datetime.datetime.now(tz=CALIFORNIA).date()


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
    for field, value in answers.items():
        setattr(case, field, value)
    case.save()
    case.counts.all().delete()
    Count.objects.bulk_create(
        [_count_from_answer(case, position, answer) for position, answer in enumerate(counts, 1)]
    )
    person_screen(person=person)
    return case


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
    Determination.objects.filter(
        case__in=[case for case in cases if case.sentence == Sentence.UNKNOWN]
    ).delete()
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
            stored[case.pk] = Determination.objects.create(case=case, as_of=as_of, **fields)
    return stored


def case_determine(*, case: Case, as_of: datetime.date | None = None) -> Determination | None:
    """Screen a case (with all its person's cases, which it depends on) and return its stored
    determination; None when its sentence is unknown."""
    return person_screen(person=case.person, as_of=as_of).get(case.pk)


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
    person = case.person
    for cleanup in _case_file_cleanups:
        cleanup(case=case)
    case.delete()
    # The case may have blocked the others (a probation still running).
    person_screen(person=person)


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
    if anonymous.situation_answered_at and (
        existing.situation_answered_at is None
        or anonymous.situation_answered_at > existing.situation_answered_at
    ):
        for field in PERSON_FIELDS:
            setattr(existing, field, getattr(anonymous, field))
        existing.situation_answered_at = anonymous.situation_answered_at
    existing.save()
    anonymous.delete()
    person_screen(person=existing)
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


def interview_draft_replace(*, user: User, session, data: dict[str, Any] | None) -> None:
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
