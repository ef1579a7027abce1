"""Writes that span the apps: deleting an account with everything the portal holds about it."""

from django.contrib.admin.models import LogEntry
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
