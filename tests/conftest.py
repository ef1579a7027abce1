"""Fixtures shared by every test folder: people in each role, signed in or not."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.test import Client

from expunge_portal.accounts.models import User
from expunge_portal.accounts.roles import CLINIC_STAFF_GROUP, CONTENT_EDITOR_GROUP

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


@pytest.fixture
def petitioner(db) -> User:
    return make_user("pat@example.org")


@pytest.fixture
def other_petitioner(db) -> User:
    return make_user("olga@example.org")


@pytest.fixture
def clinic_staff(db) -> User:
    return make_user("sam.staff@example.org", groups=(CLINIC_STAFF_GROUP,))


@pytest.fixture
def content_editor(db) -> User:
    return make_user("erin.editor@example.org", groups=(CONTENT_EDITOR_GROUP,), is_staff=True)


@pytest.fixture
def admin_user(db) -> User:
    user = User.objects.create_superuser(email="ada.admin@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    add_totp(user)
    return user


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def petitioner_client(petitioner) -> Client:
    return client_for(petitioner)


@pytest.fixture
def other_client(other_petitioner) -> Client:
    return client_for(other_petitioner)


@pytest.fixture
def staff_client(clinic_staff) -> Client:
    return client_for(clinic_staff)


@pytest.fixture
def admin_client_(admin_user) -> Client:
    return client_for(admin_user)
