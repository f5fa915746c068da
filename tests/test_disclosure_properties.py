"""Property tests (hypothesis): for random small tables with totals, and random indicators whose
quarters, year and breakdown share the year's total, no hidden count is ever pinned down or narrowed
below the threshold's width — checked by exhaustive whole-number search, not by the engine's solver."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aspm.disclosure import audit
from aspm.disclosure.policy import NHS, THRESHOLD, Policy
from aspm.disclosure.tables import Figures, add_table

from .disclosure_checks import reader_ranges

COUNTS = st.sampled_from([0, 1, 2, 3, 4, 4, 5, 6, 9, 12])
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _assert_protected(figures: Figures, policy: Policy) -> None:
    states = audit.decide(figures, policy)
    ranges = reader_ranges(
        figures.values, figures.relations, states, hide_below=policy.hide_below, rounding=policy.rounding_base
    )
    for i, (lo, hi) in ranges.items():
        assert hi - lo + 1 >= policy.protection_width, (figures, states, i, (lo, hi))
    for i, v in enumerate(figures.values):  # every small count is hidden
        if policy.is_small(v):
            assert states[i] != audit.SHOWN


@FAST
@given(
    table=st.integers(1, 2).flatmap(
        lambda rows: st.lists(st.lists(COUNTS, min_size=3, max_size=3), min_size=rows, max_size=rows)
    ),
    threshold=st.sampled_from([3, 4, 5]),
)
def test_no_hidden_count_in_a_table_with_totals_is_ever_pinned(table, threshold):
    figures = Figures()
    add_table(figures, table, row_totals=True, column_totals=len(table) > 1)
    _assert_protected(figures, Policy(THRESHOLD, threshold))


@FAST
@given(quarters=st.lists(COUNTS, min_size=2, max_size=4), split_share=st.lists(COUNTS, min_size=1, max_size=2))
def test_no_hidden_count_is_pinned_across_quarters_the_year_and_a_breakdown(quarters, split_share):
    figures = Figures()
    q = [figures.add(v) for v in quarters]
    year = figures.add(sum(quarters))
    figures.relate(year, q)
    parts = []
    rest = sum(quarters)
    for share in split_share:  # groups of the breakdown, and what is left "not split"
        part = min(share, rest)
        parts.append(figures.add(part))
        rest -= part
    parts.append(figures.add(rest))
    figures.relate(year, parts)
    _assert_protected(figures, Policy(THRESHOLD, 5))


@settings(max_examples=25, deadline=None)
@given(row=st.lists(st.sampled_from([0, 2, 5, 7, 8, 13]), min_size=2, max_size=3))
def test_nhs_method_never_leaves_a_hidden_count_narrower_than_one_to_seven(row):
    figures = Figures()
    add_table(figures, [row], row_totals=True)
    _assert_protected(figures, Policy(NHS))
