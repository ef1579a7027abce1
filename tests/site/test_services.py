"""Writes that span the apps (expunge_portal/site/services.py): deleting an account."""

import pytest
from django.contrib.sessions.models import Session

from expunge_portal.accounts.models import User
from tests.factories import PASSWORD, client_for

pytestmark = pytest.mark.django_db


def test_deleting_an_account_signs_it_out_on_every_device(petitioner, other_petitioner):
    phone = client_for(petitioner)
    laptop = client_for(petitioner)
    someone_else = client_for(other_petitioner)
    for client in (phone, laptop, someone_else):
        assert client.get("/my/").status_code == 200
    keys = {c.session.session_key for c in (phone, laptop, someone_else)}
    assert Session.objects.filter(session_key__in=keys).count() == 3

    response = phone.post("/accounts/delete/", {"password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(pk=petitioner.pk).exists()
    assert not Session.objects.filter(session_key=laptop.session.session_key).exists()
    assert laptop.get("/my/").status_code == 302  # sent to sign in
    assert Session.objects.filter(session_key=someone_else.session.session_key).exists()
    assert someone_else.get("/my/").status_code == 200


def test_a_wrong_password_deletes_nothing_and_ends_no_session(petitioner):
    laptop = client_for(petitioner)
    phone = client_for(petitioner)
    response = phone.post("/accounts/delete/", {"password": "not-the-password"})
    assert response.status_code == 200
    assert User.objects.filter(pk=petitioner.pk).exists()
    assert laptop.get("/my/").status_code == 200
