import pytest

from tests.eligibility.interview import finish, probation_case

pytestmark = pytest.mark.django_db


def test_dashboard_lists_my_cases_with_what_i_can_do(petitioner_client, other_client):
    finish(petitioner_client, probation_case(county="Sacramento"))
    finish(other_client, probation_case(county="Yolo"))
    html = petitioner_client.get("/my/").content.decode()
    assert "Sacramento County" in html
    assert "Yolo" not in html
    assert "You can ask the court to dismiss this conviction now." in html
    assert "Prepare my court papers" in html
    assert 'href="/accounts/my-data/"' in html


def test_dashboard_for_someone_without_cases(petitioner_client):
    html = petitioner_client.get("/my/").content.decode()
    assert "You have not added a case yet." in html
