from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Model, Q

from .models import User


def user_set_language(*, user: User, language: str) -> None:
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete the account and everything the portal holds about the person: their records with
    the files and history rows (eligibility.services.people_erase), background tasks that name
    them, and the personal part of the admin's log about them (what happened and when stay)."""
    from eligibility.models import Person
    from eligibility.services import people_erase

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


@transaction.atomic
def user_with_role(*, email: str, password: str, group: str, is_staff: bool) -> tuple[User, bool]:
    """Create or update a login in a role group, with a verified email (for setup and demos).
    Raises ValidationError naming the field ("email" or "password")."""
    from allauth.account.models import EmailAddress

    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError({"email": f"{email!r} is not an email address."}) from error
    user, created = User.objects.get_or_create(email=email.lower())
    user.is_staff = user.is_staff or is_staff
    user.save()
    user.groups.add(Group.objects.get(name=group))
    try:
        # After the group is added, so the staff roles' longer minimum applies.
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": " ".join(error.messages)}) from error
    user.set_password(password)
    user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user, created


def user_set_totp_secret(*, user: User, secret: str) -> None:
    """Give the account an authenticator app with this base32 secret, in place of any it had
    (for the demo login, whose secret is published; never for a real account)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    TOTP.activate(user, secret)
