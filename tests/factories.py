"""Builders every test folder shares: users, a person with a screened case, a packet.

Plain functions (tests import them from here, never from another test module)."""

import datetime
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from eligibility.models import Case, Count, Determination, Person
from eligibility.services import determination_record
from expunge_portal.accounts.models import User
from forms_filler.models import Packet, PacketVersion, ReviewStatus

PASSWORD = "correct horse battery staple"
# Staff roles must have an authenticator app before they reach staff pages; the fixtures' staff
# have this one (base32, as authenticator apps take it).
STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def add_totp(user: User, secret: str = STAFF_TOTP_SECRET) -> None:
    TOTP.activate(user, secret)


def make_user(
    email: str, *, groups: tuple[str, ...] = (), totp: bool | None = None, **extra: object
) -> User:
    """A user with a verified email. Staff roles get an authenticator app unless totp=False."""
    user = User.objects.create_user(email=email, password=PASSWORD, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    if totp if totp is not None else (bool(groups) or user.is_staff or user.is_superuser):
        add_totp(user)
    return user


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


ELIGIBLE_RESULT: dict[str, Any] = {
    "id": "1",
    "outcome": "eligible",
    "remedy": "1203.4",
    "form_item": "2a",
    "eligible_on": "2024-03-02",
    "reduction_17b": False,
    "automatic_relief_possible": False,
    "counts": [
        {
            "code": "PC",
            "section": "484(a)",
            "level": "misdemeanor",
            "dismissable": True,
            "reduction_17b": False,
            "reason": "Probation was completed.",
        }
    ],
    "alternatives": [],
    "reasons": [
        {
            "text": "You completed probation and are not on supervision or charged now.",
            "citation": "PC 1203.4(a)(1)",
        }
    ],
    "assumptions": ["We assumed no restitution order stands in the way."],
}


def make_person(
    owner: User | None, *, full_name: str = "Pat Q. Petitioner", **extra: Any
) -> Person:
    defaults = {
        "street": "1 Main St",
        "city": "Sacramento",
        "state": "CA",
        "zip_code": "95814",
        "phone": "916-555-0100",
        "email": owner.email if owner else "",
    }
    defaults.update(extra)
    if owner is not None:
        person, _ = Person.objects.update_or_create(
            owner=owner, defaults={"full_name": full_name, **defaults}
        )
        return person
    return Person.objects.create(
        anonymous_key=Person.new_anonymous_key(), full_name=full_name, **defaults
    )


def make_answered_case(person: Person, counts: list[tuple[str, str]], **answers: Any) -> Case:
    """A case with these answers and offenses, not screened yet. Each offense is (its citation as
    typed, like "PC 484(a)", its level)."""
    case = Case.objects.create(person=person, **answers)
    for position, (typed, level) in enumerate(counts, start=1):
        code, section = typed.split(" ", 1)
        Count.objects.create(
            case=case, position=position, typed=typed, code=code, section=section, level=level
        )
    return case


def make_case(
    person: Person,
    *,
    county: str = "Sacramento",
    case_number: str = "24CR001234",
    outcome: str = "eligible",
    typed: str = "PC 484(a)",
    section: str = "484(a)",
) -> Case:
    case = Case.objects.create(
        person=person,
        county=county,
        case_number=case_number,
        judgment_date=datetime.date(2022, 3, 1),
        sentence="probation",
        sentence_ended=True,
        sentence_end_date=datetime.date(2024, 3, 1),
        probation_violated=False,
        probation_terminated_early=None,  # "I don't know"
    )
    Count.objects.create(
        case=case, position=1, typed=typed, code="PC", section=section, level="misdemeanor"
    )
    result = {**ELIGIBLE_RESULT, "id": str(case.pk), "outcome": outcome}
    # Through the service that stores screenings, so the case's latest outcome follows.
    determination_record(
        case=case,
        engine_version="test",
        as_of=datetime.date(2025, 6, 15),
        outcome=outcome,
        result=result,
        interview_assumptions=[
            {
                "template": "You did not know the level of %(offense)s; it can only be a "
                "%(level)s, so we used that.",
                "params": {"offense": "PC 484(a)", "level": "misdemeanor"},
            }
        ],
    )
    return case


def rescreen(case: Case, **changes: Any) -> Determination:
    """Store a newer screening of the case (as of 2026-12-01): its latest result with these
    changes, the new ``outcome`` among them."""
    result = {**case.determinations.first().result, **changes}
    return determination_record(
        case=case,
        engine_version="test",
        as_of=datetime.date(2026, 12, 1),
        outcome=result["outcome"],
        result=result,
    )


def make_packet(case: Case, *, review_status: str = ReviewStatus.NOT_SUBMITTED) -> Packet:
    """A packet row without any rendering (for queue and transition tests), with its person's
    language on the portal as sending (forms_filler.review) records it."""
    owner = case.person.owner
    return Packet.objects.create(
        case=case,
        review_status=review_status,
        person_language=owner.preferred_language if owner else "",
    )


def ask_for_papers(client: Client, case: Case, capture: Any) -> PacketVersion | None:
    """Press "Make my papers" for the case, through HTTP; the render task runs when the request's
    transaction commits (`capture` is django_capture_on_commit_callbacks). Returns the newest
    version of the case's papers."""
    with capture(execute=True):
        response = client.post(reverse("forms_filler:packet", kwargs={"case_id": case.pk}))
    assert response.status_code == 302
    return PacketVersion.objects.filter(packet__case=case).order_by("-number").first()
