"""The one small-count function: primary suppression of 1..threshold-1, and secondary suppression of
whatever would let a hidden count be worked out from a total."""

from aspm.disclosure.suppression import suppress_count, suppress_counts


def texts(table):
    return [[c.text for c in row] for row in table.cells]


def test_counts_from_one_to_four_are_shown_as_less_than_five():
    assert [suppress_count(v, threshold=5).text for v in (0, 1, 4, 5, 12, None)] == ["0", "<5", "<5", "5", "12", "–"]


def test_nothing_is_hidden_inside_the_partnership():
    table = suppress_counts([[1, 2], [3, 40]], threshold=None, row_totals=True, column_totals=True)
    assert texts(table) == [["1", "2"], ["3", "40"]]
    assert not table.any_suppressed


def test_a_partnership_threshold_of_ten_hides_up_to_nine():
    assert suppress_count(9, threshold=10).text == "<10"
    assert suppress_count(10, threshold=10).text == "10"


def test_a_lone_small_cell_beside_a_row_total_takes_the_next_smallest_cell_with_it():
    table = suppress_counts([[3, 10, 25]], threshold=5, row_totals=True)
    assert texts(table) == [["<5", "[c]", "25"]]
    assert table.row_totals[0].text == "38"
    assert [c.reason for c in table.cells[0]] == ["small", "secondary", ""]


def test_a_hidden_cell_with_only_zeros_beside_it_hides_the_total():
    table = suppress_counts([[3, 0, 0], [8, 9, 7]], threshold=5, row_totals=True)
    assert texts(table)[0] == ["<5", "0", "0"]
    assert table.row_totals[0].text == "<5"  # the total is 3 itself: small


def test_a_large_total_that_would_reveal_the_only_hidden_cell_is_withheld():
    table = suppress_counts([[3, 0]], threshold=5, row_totals=True)
    assert table.row_totals[0].suppressed


def test_rows_and_columns_are_protected_together_until_nothing_can_be_subtracted():
    cells = [[2, 10, 30], [12, 15, 40], [20, 25, 6]]
    table = suppress_counts(cells, threshold=5, row_totals=True, column_totals=True)
    hidden = [[c.suppressed for c in row] for row in table.cells]
    # every row and column that has a hidden entry has at least two
    for r, row in enumerate(hidden):
        assert sum(row) + table.row_totals[r].suppressed != 1, texts(table)
    for c in range(3):
        column = [hidden[r][c] for r in range(3)] + [table.column_totals[c].suppressed]
        assert sum(column) != 1, texts(table)
    assert table.cells[0][0].text == "<5"
    assert table.grand_total.text == f"{sum(map(sum, cells)):,}"


def test_charts_draw_nothing_for_a_hidden_count():
    table = suppress_counts([[3, 10, 25]], threshold=5, row_totals=True)
    assert [c.chart_value for c in table.cells[0]] == [None, None, 25]


def test_missing_figures_are_not_counts_and_are_not_hidden():
    table = suppress_counts([[None, 7]], threshold=5, row_totals=True)
    assert texts(table) == [["–", "7"]]
    assert table.row_totals[0].text == "7"
