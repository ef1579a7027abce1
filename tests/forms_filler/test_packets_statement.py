"""The person's statement to the judge: asked for discretionary cases, attached as a declaration."""

import io

import pytest
from pypdf import PdfReader

from eligibility.models import Case
from forms_filler.models import PacketVersion
from forms_filler.storage import file_read
from tests.eligibility.interview import finish, probation_case

pytestmark = pytest.mark.django_db

STATEMENT = "Since 2019 I have worked as a cook & I volunteer at <my> church."


def _discretionary_case(client, user) -> Case:
    finish(client, probation_case(violated="yes"))
    return Case.objects.get(person__owner=user)


def test_discretionary_case_offers_a_statement_and_attaches_it(
    petitioner_client, petitioner, django_capture_on_commit_callbacks
):
    case = _discretionary_case(petitioner_client, petitioner)
    page = petitioner_client.get(f"/packets/case/{case.pk}/").content.decode()
    assert "Write a statement" in page
    response = petitioner_client.post(
        f"/packets/case/{case.pk}/statement/", {"statement": STATEMENT}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.statement == STATEMENT

    with django_capture_on_commit_callbacks(execute=True):
        petitioner_client.post(f"/packets/case/{case.pk}/")
    version = PacketVersion.objects.get(packet__case=case)
    assert version.status == "ready"
    text = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(file_read(version.file.name))).pages
    )
    assert "I have worked as a cook & I volunteer at <my> church." in " ".join(text.split())
    assert "penalty of perjury" in text


def test_changing_the_statement_makes_a_new_version(petitioner_client, petitioner):
    case = _discretionary_case(petitioner_client, petitioner)
    petitioner_client.post(f"/packets/case/{case.pk}/")
    petitioner_client.post(f"/packets/case/{case.pk}/statement/", {"statement": STATEMENT})
    petitioner_client.post(f"/packets/case/{case.pk}/")
    assert PacketVersion.objects.filter(packet__case=case).count() == 2


def test_an_overlong_statement_is_refused_beside_the_field(petitioner_client, petitioner):
    case = _discretionary_case(petitioner_client, petitioner)
    response = petitioner_client.post(
        f"/packets/case/{case.pk}/statement/", {"statement": "x" * 5001}
    )
    assert response.status_code == 200
    assert 'id="id_statement_error"' in response.content.decode()
    case.refresh_from_db()
    assert case.statement == ""


def test_another_person_cannot_read_or_write_the_statement(
    petitioner_client, petitioner, other_client
):
    case = _discretionary_case(petitioner_client, petitioner)
    assert other_client.get(f"/packets/case/{case.pk}/statement/").status_code == 404
    assert (
        other_client.post(f"/packets/case/{case.pk}/statement/", {"statement": "x"}).status_code
        == 404
    )
    case.refresh_from_db()
    assert case.statement == ""
