from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
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
    user, created = User.objects.get_or_create(email=email.lower())
    user.is_staff = user.is_staff or is_staff or is_superuser
    user.is_superuser = user.is_superuser or is_superuser
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    try:
        # After the role is set, so the staff roles' longer minimum applies.
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
