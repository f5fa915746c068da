"""Query counts compared at two data sizes.

A ceiling met at one size says little: a page that reads each row on its own stays under a loose
ceiling while the rows are few. So a list page or a report section is measured at a small size and
again after the data has grown, and the two counts must be the same (and under the pinned ceiling):

    flat_queries(grow=lambda n: make_actions(a, n), measure=lambda: ok(client.get(url)), pinned=12)

``grow(n)`` adds ``n`` more rows of whatever the page lists; ``measure()`` reads the page once.
It is read once before counting, so the session and the per-process caches are settled.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext

SMALL, BIG = 2, 12


def queries(measure: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as captured:
        measure()
    return len(captured)


def flat_queries(
    *, grow: Callable[[int], object], measure: Callable[[], object], pinned: int, small: int = SMALL, big: int = BIG
) -> int:
    """The page's query count, the same at ``small`` and ``small + big`` rows, and at most ``pinned``."""
    grow(small)
    measure()
    at_small = queries(measure)
    grow(big)
    at_big = queries(measure)
    assert at_small == at_big, f"{at_small} queries with few rows, {at_big} with more: one per row somewhere"
    assert at_small <= pinned, f"{at_small} queries, pinned at {pinned}"
    return at_small


def ok(response):
    """The response, once it is known to be a page (200): a count of an error page pins nothing."""
    assert response.status_code == 200, response.status_code
    return response
