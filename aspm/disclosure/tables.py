"""The published figures of one subject as a system of linear relations.

A reader can add up what an output shows: an indicator's quarters make its year, the groups of each
breakdown (by sex, by age, by type of exploitation) make the same year, a table's cells make its row
and column totals. :class:`Figures` holds every count shown about one subject once (a year total
printed in three tables is one figure) and the relations ``total = sum of parts`` between them, so
that the audit (:mod:`aspm.disclosure.audit`) sees everything a reader sees together.

A relation is recorded only when it holds for the true values (a reader who adds the parts gets the
total): figures that happen not to add up, such as a year recorded on its own, are not related.
``None`` is "no figure" (printed "–"): it is part of no relation and never hidden.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


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
