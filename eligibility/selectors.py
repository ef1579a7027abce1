"""Reads for the interview and results. Every lookup is scoped to its owner."""

from dataclasses import dataclass
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest

from expunge_portal.accounts.models import User

from .models import Case, Determination, InterviewDraft, Person

# The session key that ties an anonymous browser to its Person until sign-up or login.
ANONYMOUS_PERSON_KEY = "anonymous_person_key"
# Set while a browser holds answers given without an account; after a sign-in they wait for the
# person to say whether they are theirs (eligibility.views.carry_over).
ANONYMOUS_WORK_KEY = "anonymous_work"
# Where formtools keeps the interview's draft in the session ("wizard_" + the wizard's prefix).
WIZARD_SESSION_KEY = "wizard_interview"


def person_for_request(*, request: HttpRequest) -> Person | None:
    """The signed-in account's person, or the anonymous person of this browser session."""
    if request.user.is_authenticated:
        return Person.objects.filter(owner=request.user).first()
    return anonymous_person(key=request.session.get(ANONYMOUS_PERSON_KEY))


def anonymous_person(*, key: str | None) -> Person | None:
    """The person of an anonymous session key, unless an account has adopted it since."""
    return Person.objects.filter(anonymous_key=key, owner__isnull=True).first() if key else None


def interview_in_progress(*, request: HttpRequest) -> bool:
    """Whether this browser, or the signed-in account on any device, has unfinished answers."""
    if (request.session.get(WIZARD_SESSION_KEY) or {}).get("step"):
        return True
    return (
        request.user.is_authenticated and InterviewDraft.objects.filter(owner=request.user).exists()
    )


def interview_draft_data(*, user: User) -> dict[str, Any] | None:
    """The unfinished interview saved for this account (other devices resume from it)."""
    draft = InterviewDraft.objects.filter(owner=user).first()
    return draft.data if draft else None


def people_for_user(*, user: User) -> QuerySet[Person]:
    return Person.objects.filter(owner=user)


def cases_for_person(*, person: Person) -> QuerySet[Case]:
    return (
        Case.objects.filter(person=person)
        .prefetch_related(
            "counts",
            Prefetch(
                "determinations",
                queryset=Determination.objects.order_by("-created_at", "-pk"),
            ),
        )
        .order_by("created_at", "pk")
    )


def last_changed_case(*, person: Person) -> Case | None:
    """The person's most recently changed case (its "right now" answers start a new one)."""
    return person.cases.order_by("-updated_at").first()


def case_being_edited(*, person: Person, case_id: int | None) -> Case | None:
    """The person's own case that the interview is editing, if any (otherwise a new one)."""
    return person.cases.filter(pk=case_id).first() if case_id else None


def case_for_person(*, person: Person, case_id: int) -> Case:
    """The person's own case, or 404: another person's case is indistinguishable from none."""
    case = cases_for_person(person=person).filter(pk=case_id).first()
    if case is None:
        raise Http404
    return case


def latest_determination(*, case: Case) -> Determination | None:
    """The newest screening (the model orders newest first). Reads the prefetch of
    `cases_for_person` when the case came from there; otherwise fetches one row, not all."""
    if "determinations" in getattr(case, "_prefetched_objects_cache", {}):
        determinations = case.determinations.all()
        return determinations[0] if determinations else None
    return case.determinations.first()


@dataclass(frozen=True)
class AnonymousWork:
    """What a browser holds from before the sign-in, as shown on the carry-over page."""

    full_name: str
    case_numbers: list[str]
    unfinished: bool


def anonymous_work_summary(*, session: SessionBase) -> AnonymousWork | None:
    """The answers given in this browser before signing in, waiting to be added or discarded;
    None when there are none."""
    if not session.get(ANONYMOUS_WORK_KEY):
        return None
    person = anonymous_person(key=session.get(ANONYMOUS_PERSON_KEY))
    draft = session.get(WIZARD_SESSION_KEY) or {}
    step_data = draft.get("step_data") or {}
    unfinished = bool(draft.get("step"))
    draft_number = (step_data.get("case-number") or {}).get("case-number-case_number") or [""]
    numbers = [case.case_number for case in person.cases.all()] if person else []
    if unfinished and draft_number[0]:
        numbers.append(draft_number[0])
    if person is None and not unfinished:
        return None
    return AnonymousWork(
        full_name=person.full_name if person else "",
        case_numbers=[number for number in numbers if number],
        unfinished=unfinished,
    )
