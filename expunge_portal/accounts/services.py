from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from .models import User


def user_set_language(*, user: User, language: str) -> None:
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


@transaction.atomic
def user_with_role(
    *, email: str, password: str, group: str, is_staff: bool, is_superuser: bool = False
) -> tuple[User, bool]:
    """Create or update a login in a role group ("" for none), with a verified email (for setup
    and demos). Raises ValidationError naming the field ("email" or "password")."""
    from allauth.account.models import EmailAddress

    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError({"email": f"{email!r} is not an email address."}) from error
    if len(password) < 8:
        raise ValidationError({"password": "use at least 8 characters."})
    user, created = User.objects.get_or_create(email=email.lower())
    user.set_password(password)
    user.is_staff = user.is_staff or is_staff or is_superuser
    user.is_superuser = user.is_superuser or is_superuser
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user, created
