"""The attacks of issue 15 on published figures, each checked by an independent whole-number search
(tests/disclosure_checks.py): hiding small counts alone lets a reader work them out; after the
engine's audit no hidden count can be narrowed below the threshold's width."""

from __future__ import annotations

from aspm.disclosure import audit
from aspm.disclosure.policy import NHS, THRESHOLD, Policy
from aspm.disclosure.tables import Figures, add_table

from .disclosure_checks import SHOWN, SMALL, reader_ranges

FIVE = Policy(THRESHOLD, 5)


def _primary_only(figures: Figures, policy: Policy) -> list[str]:
    return [SMALL if policy.is_small(v) else SHOWN for v in figures.values]


def _widths(figures: Figures, states: list[str], policy: Policy) -> dict[int, int]:
    """How many whole numbers each hidden figure can still be, found by exhaustive search."""
    ranges = reader_ranges(
        figures.values, figures.relations, states, hide_below=policy.hide_below, rounding=policy.rounding_base
    )
    return {i: hi - lo + 1 for i, (lo, hi) in ranges.items()}


def _assert_attack_works_then_fails(figures: Figures, policy: Policy = FIVE) -> list[str]:
    band = policy.protection_width
    before = _widths(figures, _primary_only(figures, policy), policy)
    assert min(before.values()) < band, "the attack should work on small-count hiding alone"
    states = audit.decide(figures, policy)
    after = _widths(figures, states, policy)
    assert after, "something must stay hidden"
    assert all(width >= band for width in after.values()), after
    # and the engine's own ranges (linear programming) agree with the search
    searched = reader_ranges(
        figures.values, figures.relations, states, hide_below=policy.hide_below, rounding=policy.rounding_base
    )
    for i, (lo, hi) in audit.intervals(figures, states, policy).items():
        assert lo == searched[i][0]
        assert hi == searched[i][1] or hi == float("inf")
    return states


def test_three_quarters_all_under_five_with_a_year_total_of_twelve_no_longer_give_each_quarter_away():
    figures = Figures()
    quarters = [figures.add(4) for _ in range(3)]
    year = figures.add(12)
    figures.relate(year, quarters)

    states = _assert_attack_works_then_fails(figures)

    # The year's total stays: one quarter's "<5" becomes "[c]", which says less (it could be any number).
    assert states[year] == SHOWN
    assert sorted(states[q] for q in quarters) == [audit.SECONDARY, SMALL, SMALL]


def test_a_single_hidden_cell_in_a_row_is_not_given_back_by_the_row_total():
    figures = Figures()
    layout = add_table(figures, [[2, 10, 15]], row_totals=True)

    states = _assert_attack_works_then_fails(figures)

    assert states[layout.cells[0][1]] == audit.SECONDARY  # the smallest other cell, not the total
    assert states[layout.row_totals[0]] == SHOWN


def test_a_hidden_cell_recoverable_through_a_row_total_and_a_column_total_together_is_protected():
    # Every row and column has two hidden cells, so a line-by-line rule is satisfied, yet a reader who
    # knows that "<5" means 1 to 4 gets 1 + 3 = 4 and 3 + 1 = 4 down to narrower ranges.
    figures = Figures()
    layout = add_table(figures, [[1, 3, 20], [3, 1, 20], [20, 20, 20]], row_totals=True, column_totals=True)

    states = _assert_attack_works_then_fails(figures)

    every_total = [*layout.row_totals, *layout.column_totals, layout.grand_total]
    assert all(states[t] == SHOWN for t in every_total)  # no total needed withholding here


def test_a_split_whose_parts_are_hidden_but_whose_total_and_other_parts_are_shown_is_protected():
    # An indicator's year of 25 (quarters 10, 8 and 7) split by sex: male 4, female 4, not known 17.
    figures = Figures()
    quarters = [figures.add(v) for v in (10, 8, 7)]
    year = figures.add(25)
    figures.relate(year, quarters)
    by_sex = [figures.add(v) for v in (4, 4, 17)]
    figures.relate(year, by_sex)

    states = _assert_attack_works_then_fails(figures)

    assert states[year] == SHOWN  # the year is not withheld: a part of the split is
    assert all(states[q] == SHOWN for q in quarters)


def test_the_audit_looks_across_tables_that_share_a_year_total():
    # Quarters alone are safe ([9, 3, 8] with 20: the 3 needs a partner, the 8 is withheld), but the
    # breakdown by age shares the year: 20 = 16 + 4, so the breakdown must be protected with it.
    figures = Figures()
    quarters = [figures.add(v) for v in (9, 3, 8)]
    year = figures.add(20)
    figures.relate(year, quarters)
    by_age = [figures.add(v) for v in (16, 4)]
    figures.relate(year, by_age)

    states = audit.decide(figures, FIVE)

    widths = _widths(figures, states, FIVE)
    assert widths[by_age[1]] >= 4 and widths[quarters[1]] >= 4
    assert all(w >= 4 for w in widths.values())


def test_nhs_method_hides_one_to_seven_and_rounds_everything_else_to_five_with_totals_rounded_from_the_truth():
    figures = Figures()
    layout = add_table(figures, [[12, 13, 3]], row_totals=True)
    nhs = Policy(NHS)

    cells = audit.protect(figures, nhs)

    assert [cells[i].text for i in layout.cells[0]] == ["10", "15", "*"]
    assert cells[layout.row_totals[0]].text == "30"  # the true 28 rounded, not 10 + 15
    widths = _widths(figures, audit.decide(figures, nhs), nhs)
    assert all(w >= 7 for w in widths.values())


def test_nhs_method_withholds_more_when_rounding_is_not_enough():
    # 7 + 7 + 30 = 44: the reader sees "*", "*", 30 and a total of 45, so the two hidden counts add up
    # to 11 to 19, and each is at least 4 — too narrow for a band of 1 to 7.
    figures = Figures()
    layout = add_table(figures, [[7, 7, 30]], row_totals=True)
    nhs = Policy(NHS)

    states = _assert_attack_works_then_fails(figures, nhs)

    assert states[layout.row_totals[0]] == SHOWN
