"""Nobody can read or change someone else's cases or results, and drafts resume anywhere."""

import pytest
from django.test import Client

from eligibility.models import Case, InterviewDraft
from tests.factories import client_for

from .interview import answer, finish, probation_case, step_url

pytestmark = pytest.mark.django_db

CASE_URLS = ["/screening/cases/{id}/edit/", "/screening/cases/{id}/remove/"]


@pytest.fixture
def owned_case(petitioner_client, petitioner) -> Case:
    finish(petitioner_client, probation_case())
    return Case.objects.get(person__owner=petitioner)


@pytest.mark.parametrize("template", CASE_URLS)
def test_another_petitioner_gets_404_for_every_case_url(owned_case, other_client, template):
    url = template.format(id=owned_case.pk)
    assert other_client.post(url).status_code == 404  # both change state: POST only
    assert Case.objects.filter(pk=owned_case.pk).exists()


@pytest.mark.parametrize("template", CASE_URLS)
def test_anonymous_visitors_get_404_for_every_case_url(owned_case, template):
    assert Client().post(template.format(id=owned_case.pk)).status_code == 404


def test_results_show_only_your_own_cases(owned_case, other_client):
    html = other_client.get("/screening/results/").content.decode()
    assert "24CR000123" not in html
    assert "You have not added a case yet." in html


def test_a_forged_draft_naming_someone_elses_case_cannot_write_to_it(
    owned_case, other_client, other_petitioner
):
    other_client.get("/screening/new/")
    for step, data in [*probation_case(county="Yolo"), ("about-you", {"full_name": "Olga"})]:
        answer(other_client, step, data)
    session = other_client.session
    session["wizard_interview"]["extra_data"] = {"case_id": owned_case.pk}
    session.save()
    InterviewDraft.objects.filter(owner=other_petitioner).update(data=session["wizard_interview"])
    response = answer(other_client, "check", {})
    assert response.status_code == 302
    owned_case.refresh_from_db()
    assert owned_case.county == "Sacramento"
    assert owned_case.person.owner_id != other_petitioner.pk
    assert Case.objects.get(person__owner=other_petitioner).county == "Yolo"


def test_resume_at_the_same_step_from_a_new_client_after_the_session_is_gone(petitioner):
    first = client_for(petitioner)
    first.get("/screening/new/")
    answer(first, "county", {"county": "Marin"})
    answer(first, "case-number", {"case_number": "M-77"})
    first.session.flush()  # the session ends (expiry, logout, a lost phone)

    second = Client()
    from tests.factories import PASSWORD

    second.post("/accounts/login/", {"login": petitioner.email, "password": PASSWORD})
    response = second.get("/screening/")
    assert response["Location"] == step_url("judgment-date")
    html = second.get(step_url("case-number")).content.decode()
    assert 'value="M-77"' in html
    html = second.get(step_url("county")).content.decode()
    assert '<option value="Marin" selected>' in html
