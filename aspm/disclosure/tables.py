"""The published figures of one subject as a system of linear relations.

A reader can add up what an output shows: an indicator's quarters make its year, the groups of each
breakdown (by sex, by age, by type of exploitation) make the same year, a table's cells make its row
and column totals, a cross-tabulation's cells (nationality by sex) make each dimension's groups
across rows and columns. :class:`Figures` holds every count shown about one subject once (a year total
printed in three tables is one figure) and the relations ``total = sum of parts`` between them, so
that the audit (:mod:`aspm.disclosure.audit`) sees everything a reader sees together.

A relation is recorded only when it holds for the true values (a reader who adds the parts gets the
total): figures that happen not to add up, such as a year recorded on its own, are not related.
``None`` is "no figure" (printed "–"): it is part of no relation and never hidden.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import product


@dataclass
class Figures:
    values: list[int | None] = field(default_factory=list)
    relations: list[tuple[int, tuple[int, ...]]] = field(default_factory=list)  # (total, parts)

    def add(self, value: int | None) -> int:
        """A new figure; its index."""
        self.values.append(None if value is None else int(value))
        return len(self.values) - 1

    def relate(self, total: int, parts: Sequence[int]) -> bool:
        """Record ``total = sum(parts)`` (figures with no value left out) when the true values agree."""
        present = tuple(p for p in parts if self.values[p] is not None and p != total)
        if self.values[total] is None or not present:
            return False
        if sum(self.values[p] for p in present) != self.values[total]:
            return False
        relation = (total, present)
        if relation not in self.relations:
            self.relations.append(relation)
        return True

    @property
    def totals(self) -> set[int]:
        return {total for total, _ in self.relations}

    def related(self, index: int) -> list[tuple[int, tuple[int, ...]]]:
        return [r for r in self.relations if r[0] == index or index in r[1]]


@dataclass
class TableLayout:
    """Where a 2-D table's figures sit in a :class:`Figures`."""

    cells: list[list[int]]
    row_totals: list[int] | None
    column_totals: list[int] | None
    grand_total: int | None


def add_table(
    figures: Figures,
    cells: Sequence[Sequence[int | None]],
    *,
    row_totals: bool = False,
    column_totals: bool = False,
) -> TableLayout:
    """Add a table of counts with the totals computed here (so they add up), and its relations."""
    n_cols = max((len(r) for r in cells), default=0)
    grid = [list(r) + [None] * (n_cols - len(r)) for r in cells]
    body = [[figures.add(v) for v in row] for row in grid]
    r_totals = c_totals = None
    grand = None
    if row_totals:
        r_totals = [figures.add(_sum(row)) for row in grid]
        for idx, row in zip(r_totals, body, strict=True):
            figures.relate(idx, row)
    if column_totals:
        c_totals = [figures.add(_sum([row[c] for row in grid])) for c in range(n_cols)]
        for c, idx in enumerate(c_totals):
            figures.relate(idx, [row[c] for row in body])
    if row_totals and column_totals:
        grand = figures.add(_sum([v for row in grid for v in row]))
        figures.relate(grand, r_totals)
        figures.relate(grand, c_totals)
    return TableLayout(body, r_totals, c_totals, grand)


def _sum(values: Sequence[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


@dataclass
class CrossLayout:
    """Where a cross-tabulation's figures sit in a :class:`Figures`: its cells (by their categories),
    each dimension's margin (the groups a reader gets by adding the cells), the rows as printed (every
    dimension but the last; columns are the last dimension's groups) with their totals, and the total."""

    cells: dict[tuple[str, ...], int]
    margins: list[dict[str, int]]
    rows: list[tuple[tuple[str, ...], list[int], int]]
    total: int


def add_crosstab(
    figures: Figures,
    cells: dict[tuple[str, ...], int | None],
    categories: Sequence[Sequence[str]],
    *,
    margins: Sequence[dict[str, int] | None] | None = None,
    total: int | None = None,
) -> CrossLayout:
    """Add a cross-tabulation of two or three dimensions with every relation a reader can use: each
    group of each dimension is the sum of its cells (across rows *and* columns, and across layers),
    each printed row adds up to its row total, and everything adds up to the total.

    ``margins`` (per dimension, ``{category: index}``) and ``total`` are figures already in the system
    (an indicator's split by one dimension, its year): they are reused, so the audit sees that the
    cross-tab and the single splits share them. A dimension without one gets margins of its own."""
    dims = len(categories)
    body = {cell: figures.add(cells.get(cell)) for cell in product(*categories)}
    given = list(margins or [None] * dims)
    found: list[dict[str, int]] = []
    for d, groups in enumerate(categories):
        margin = dict(given[d] or {})
        for category in groups:
            parts = [i for cell, i in body.items() if cell[d] == category]
            if category not in margin:
                margin[category] = figures.add(_sum([figures.values[i] for i in parts]))
            figures.relate(margin[category], parts)
        found.append(margin)
    if total is None:
        total = figures.add(_sum([figures.values[i] for i in body.values()]))
    figures.relate(total, list(body.values()))
    for margin in found:
        figures.relate(total, list(margin.values()))
    rows = []
    for prefix in product(*categories[:-1]):
        row = [body[(*prefix, last)] for last in categories[-1]]
        if dims == 2:
            row_total = found[0][prefix[0]]
        else:
            row_total = figures.add(_sum([figures.values[i] for i in row]))
            figures.relate(row_total, row)
        rows.append((prefix, row, row_total))
    if dims > 2:
        for category in categories[0]:
            figures.relate(found[0][category], [t for prefix, _, t in rows if prefix[0] == category])
    return CrossLayout(body, found, rows, total)
