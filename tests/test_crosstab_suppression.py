"""Disclosure control of a cross-tabulation: a small cell hidden on its own would come straight back
from its row and column totals, so the engine hides more across rows and columns until no hidden cell
can be worked out. Checked by an exhaustive search that shares no code with the engine."""

from __future__ import annotations

from types import SimpleNamespace

from aspm.disclosure.audit import decide
from aspm.disclosure.policy import Policy
from aspm.disclosure.suppression import suppress_crosstab
from aspm.disclosure.tables import Figures, add_crosstab
from reports.count_protection import protect_count

from .disclosure_checks import SHOWN, SMALL, narrowest, narrowest_whole

NATIONALITY = ["british", "albanian", "vietnamese"]
SEX = ["female", "male"]
# Two Albanian women among 48 people: every other cell is 7 or more.
CELLS = {
    ("british", "female"): 10,
    ("british", "male"): 12,
    ("albanian", "female"): 2,
    ("albanian", "male"): 9,
    ("vietnamese", "female"): 7,
    ("vietnamese", "male"): 8,
}
POLICY = Policy(threshold=5)


def _system():
    figures = Figures()
    add_crosstab(figures, CELLS, [NATIONALITY, SEX])
    return figures


def test_hiding_only_the_small_cell_would_let_a_reader_work_it_out_from_the_margins():
    figures = _system()
    states = [SMALL if v == 2 and i < len(CELLS) else SHOWN for i, v in enumerate(figures.values)]
    assert narrowest(figures.values, figures.relations, states, hide_below=5) == 1  # exactly 2: disclosed


def test_the_engine_hides_enough_that_no_hidden_cell_can_be_narrowed():
    figures = _system()
    states = decide(figures, POLICY)
    assert narrowest(figures.values, figures.relations, states, hide_below=5) >= 4


def test_the_printed_cross_tab_hides_cells_across_the_small_cells_row_and_column():
    table = suppress_crosstab(CELLS, [NATIONALITY, SEX], policy=POLICY)
    texts = {prefix[0]: [c.text for c in cells] for prefix, cells, _ in table.rows}
    assert texts["albanian"][0] == "<5"
    assert texts["albanian"][1] == "[c]"  # its row partner, else Albanian 11 minus the men gives it back
    assert sum(texts[n][0] == "[c]" for n in ("british", "vietnamese")) >= 1  # and one in its column
    assert table.total.text == "48"


def test_the_annual_reports_count_protection_relates_a_cross_tab_to_its_single_splits():
    """The year, the split by sex, the split by nationality and the cross-tab are one system: the
    cross-tab's small cell stays protected although both single splits are printed beside it."""
    row = SimpleNamespace(cells=[SimpleNamespace(actual=48)], ytd=SimpleNamespace(actual=48))
    year_split = {
        "nationality": {"british": 22, "albanian": 11, "vietnamese": 15},
        "sex": {"female": 19, "male": 29},
        "nationality*sex": {"*".join(k): v for k, v in CELLS.items()},
    }
    protected = protect_count(POLICY, row, year_split)
    cells = protected["splits"]["nationality*sex"][0]
    assert cells["albanian*female"].suppressed  # "<5", or "[c]" where that tells a reader less
    hidden = [k for k, c in cells.items() if c.suppressed]
    assert len(hidden) >= 4, hidden  # one per row and column of the small cell, and the corner that closes them
    margins = {**protected["splits"]["nationality"][0], **protected["splits"]["sex"][0]}
    assert all(not c.suppressed for c in margins.values())  # the single splits print in full


AGE = ["adult", "child"]
# Three ways: nationality x sex x adult or child, 81 people, four cells under 5 (the children mostly).
CELLS_3 = {
    ("british", "female", "adult"): 9, ("british", "female", "child"): 3,
    ("british", "male", "adult"): 11, ("british", "male", "child"): 6,
    ("albanian", "female", "adult"): 2, ("albanian", "female", "child"): 0,
    ("albanian", "male", "adult"): 14, ("albanian", "male", "child"): 5,
    ("vietnamese", "female", "adult"): 7, ("vietnamese", "female", "child"): 1,
    ("vietnamese", "male", "adult"): 19, ("vietnamese", "male", "child"): 4,
}  # fmt: skip


def test_integer_programming_finds_the_same_ranges_as_trying_every_whole_number():
    figures = _system()
    states = decide(figures, POLICY)
    assert narrowest_whole(figures.values, figures.relations, states, hide_below=5) == narrowest(
        figures.values, figures.relations, states, hide_below=5
    )
    states = [SMALL if v == 2 and i < len(CELLS) else SHOWN for i, v in enumerate(figures.values)]
    assert narrowest_whole(figures.values, figures.relations, states, hide_below=5) == 1


def test_a_three_way_table_keeps_every_hidden_cell_protected_in_whole_numbers():
    """A three-way table's relations are not those of a flat table, so a range found by linear
    programming could be wider than the whole numbers allow: judged here in whole numbers."""
    figures = Figures()
    add_crosstab(figures, CELLS_3, [NATIONALITY, SEX, AGE])
    states = decide(figures, POLICY)
    assert sum(s != SHOWN for s in states) >= 4
    assert narrowest_whole(figures.values, figures.relations, states, hide_below=5) >= 4
