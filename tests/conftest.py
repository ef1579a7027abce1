"""Fixtures shared by every test folder: people in each role, signed in or not."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from expunge_portal.accounts.models import User
from expunge_portal.accounts.roles import CLINIC_STAFF_GROUP, CONTENT_EDITOR_GROUP
from tests.factories import PASSWORD, client_for, make_user


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
    return user


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
