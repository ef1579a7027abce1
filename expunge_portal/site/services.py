"""Writes that span the apps: deleting an account with everything the portal holds about it."""

from django.contrib.admin.models import LogEntry
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model, Q

from eligibility.models import Person
from eligibility.services import people_erase
from expunge_portal.accounts.models import User


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete the account and everything the portal holds about the person: their records with
    the files and history rows (eligibility.services.people_erase), background tasks that name
    them, and the personal part of the admin's log about them (what happened and when stay)."""
    person_ids = list(Person.objects.filter(owner=user).values_list("pk", flat=True))
    people_erase(people=Person.objects.filter(pk__in=person_ids))
    admin_log_scrub(model=User, object_ids=[user.pk])
    admin_log_scrub(model=Person, object_ids=person_ids)
    tasks_delete_mentioning(text=user.email)
    sessions_end_for_user(user_id=user.pk)
    user.delete()


def admin_log_scrub(*, model: type[Model], object_ids: list[int]) -> None:
    """Keep the admin's log entries about these objects as "an object of this kind was added,
    changed or deleted at this time", without the name shown for it or the change message."""
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=[str(pk) for pk in object_ids],
    ).update(object_id=None, object_repr="", change_message="")


def tasks_delete_mentioning(*, text: str) -> None:
    """Finished or queued background tasks whose arguments or outcome name the person (an
    email being sent to them)."""
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(
        Q(args_kwargs__icontains=text)
        | Q(return_value__icontains=text)
        | Q(traceback__icontains=text)
    ).delete()


def sessions_end_for_user(*, user_id: int) -> int:
    """End the account's sessions on every device: session rows are signed blobs, so each live
    one is decoded to find whose it is (a few thousand take well under a second). Returns how
    many were ended."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    decoder = SessionStore()
    live = Session.objects.filter(expire_date__gt=timezone.now()).values_list(
        "session_key", "session_data"
    )
    theirs = [
        key
        for key, data in live.iterator(chunk_size=2000)
        if decoder.decode(data).get(SESSION_KEY) == str(user_id)
    ]
    Session.objects.filter(session_key__in=theirs).delete()
    return len(theirs)
