"""The roles are read from the user's groups once per request, however many checks ask: the
staff-only views, the session's idle limit, the second-step check and the menu."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import client_for

pytestmark = pytest.mark.django_db


def group_queries(client, url: str) -> tuple[int, int]:
    """(status code, queries that read the user's groups) of one GET."""
    client.get(url)  # the session's first request stamps its sign-in time
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return response.status_code, sum('"auth_group"' in q["sql"] for q in ctx.captured_queries)


def test_a_staff_page_reads_the_groups_once(staff_client) -> None:
    assert group_queries(staff_client, reverse("review:queue")) == (200, 1)


def test_a_petitioners_page_reads_the_groups_once(petitioner_client) -> None:
    assert group_queries(petitioner_client, reverse("site:dashboard")) == (200, 1)


def test_a_content_editor_has_a_staff_role_but_not_the_queue(content_editor) -> None:
    client = client_for(content_editor)
    assert group_queries(client, reverse("review:queue")) == (403, 1)
