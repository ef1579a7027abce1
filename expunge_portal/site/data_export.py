"""Everything the portal holds about a person, as one JSON-ready dict ("download my data")."""

from typing import TYPE_CHECKING, Any

from allauth.mfa.models import Authenticator
from django.db.models import Model, QuerySet
from django.forms.models import model_to_dict

from expunge_portal.accounts.models import User

if TYPE_CHECKING:
    from eligibility.models import Case, Person

USER_FIELDS = [
    "email",
    "first_name",
    "last_name",
    "preferred_language",
    "date_joined",
    "last_login",
]


def _plain(instance: Model, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    data = model_to_dict(instance, exclude=["id", *exclude])
    for field in ("created_at", "updated_at", "rendered_at", "submitted_at"):
        if hasattr(instance, field):
            data[field] = getattr(instance, field)
    return data


def user_data_export(*, user: User) -> dict[str, Any]:
    from allauth.account.models import EmailAddress

    from eligibility.models import Person
    from eligibility.selectors import interview_draft_data

    export: dict[str, Any] = {
        "account": {field: getattr(user, field) for field in USER_FIELDS},
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "person": None,
        "cases": [],
        "unfinished_interview": None,
        "two_step_sign_in": [
            {"type": a.type, "created_at": a.created_at, "last_used_at": a.last_used_at}
            for a in Authenticator.objects.filter(user=user)
        ],
        "history": {"person": [], "cases": [], "counts": []},
    }
    export["unfinished_interview"] = interview_draft_data(user=user)
    person = Person.objects.filter(owner=user).first()
    if person is None:
        return export
    export["person"] = _plain(person, exclude=("owner", "anonymous_key"))
    for case in person.cases.prefetch_related("counts", "determinations"):
        export["cases"].append(_case_export(case))
    export["history"] = _history_export(person)
    return export


HISTORY_HIDDEN = ("history_id", "history_user", "history_change_reason", "owner", "anonymous_key")


def _history_rows(queryset: QuerySet[Model]) -> list[dict[str, Any]]:
    """Every earlier state of the records, with when and how it changed (+ added, ~ changed,
    - deleted); who on the staff made a change is the clinic's, as with internal notes."""
    rows = []
    for row in queryset.order_by("history_date", "history_id"):
        data = {
            field.attname: getattr(row, field.attname)
            for field in row._meta.concrete_fields
            if field.name not in HISTORY_HIDDEN
        }
        rows.append(data)
    return rows


def _history_export(person: "Person") -> dict[str, list[dict[str, Any]]]:
    """The earlier versions of the person's details, cases (removed ones too) and offenses
    that the change history keeps."""
    from eligibility.models import Case, Count, Person

    case_ids = Case.history.filter(person_id=person.pk).values("id")
    return {
        "person": _history_rows(Person.history.filter(id=person.pk)),
        "cases": _history_rows(Case.history.filter(person_id=person.pk)),
        "counts": _history_rows(Count.history.filter(case_id__in=case_ids)),
    }


def _case_export(case: "Case") -> dict[str, Any]:
    data = _plain(case, exclude=("person",))
    data["counts"] = [_plain(count, exclude=("case",)) for count in case.counts.all()]
    data["determinations"] = [
        {
            "engine_version": d.engine_version,
            "as_of": d.as_of,
            "result": d.result,
            "interview_assumptions": d.interview_assumptions,
            "created_at": d.created_at,
        }
        for d in case.determinations.all()
    ]
    packet = getattr(case, "packet", None)
    if packet is not None:
        data["packet"] = {
            "review_status": packet.review_status,
            "submitted_at": packet.submitted_at,
            "versions": [
                {
                    "number": v.number,
                    "status": v.status,
                    "language": v.language,
                    "sha256": v.sha256,
                    "created_at": v.created_at,
                }
                for v in packet.versions.all()
            ],
            "review_events": [
                {
                    "from": e.from_status,
                    "to": e.to_status,
                    "message": e.message,
                    "at": e.created_at,
                }
                for e in packet.events.all()
            ],
            # Staff working notes (internal) are the clinic's, not shown here; ask the clinic.
            "messages": [
                {"body": m.body, "at": m.created_at} for m in packet.messages.filter(internal=False)
            ],
        }
    return data
