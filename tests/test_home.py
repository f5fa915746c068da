"""The partnership home page gathers every app's panel; its queries stay the same as data grows."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplans import services as actions
from partnerships import services

pytestmark = pytest.mark.django_db

HOME_QUERY_LIMIT = 40


def _queries(client, side) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("partnerships:home", kwargs={"slug": side.slug})).status_code == 200
    return len(captured)


def _grow(side, start: int, n: int) -> None:
    for i in range(start, start + n):
        org = services.organisation_create(actor=None, partnership=side.partnership, name=f"Org {i}", sector="other")
        actions.action_create(
            actor=side.coordinator,
            partnership=side.partnership,
            title=f"Action {i}",
            owner_organisation=org,
            start_date=date(2026, 4, 1),
            due_date=date(2026, 4, 1) + timedelta(days=30 + i),
        )


@pytest.mark.parametrize("role", ["coordinator", "spoc_police", "board", "viewer"])
def test_the_home_page_keeps_its_queries_as_the_partnership_grows(a, login, role):
    client = login(a.user(role))
    _queries(client, a)  # the session's first home page also notes the visit (partnerships/last_visit.py)
    _grow(a, 0, 2)
    small = _queries(client, a)
    _grow(a, 2, 25)
    large = _queries(client, a)
    assert large == small
    assert large <= HOME_QUERY_LIMIT
