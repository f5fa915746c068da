"""The two-size query check fails on a page that reads a row at a time (so every pin built on it can fail)."""

import pytest

from partnerships import services
from partnerships.models import Organisation

from .query_sizes import flat_queries

pytestmark = pytest.mark.django_db


def _grow(side):
    made = iter(range(100))
    return lambda n: [
        services.organisation_create(actor=None, partnership=side.partnership, name=f"Org {next(made)}", sector="other")
        for _ in range(n)
    ]


def test_a_list_read_with_its_related_rows_joined_is_flat(a):
    rows = lambda: [o.partnership.name for o in Organisation.objects.select_related("partnership")]  # noqa: E731
    assert flat_queries(grow=_grow(a), measure=rows, pinned=1) == 1


def test_a_list_that_reads_each_rows_partnership_on_its_own_is_caught(a):
    rows = lambda: [o.partnership.name for o in Organisation.objects.all()]  # noqa: E731
    with pytest.raises(AssertionError, match="one per row somewhere"):
        flat_queries(grow=_grow(a), measure=rows, pinned=100)
