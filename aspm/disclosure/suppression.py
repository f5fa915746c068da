"""Tables of counts for templates, protected by the disclosure engine.

``suppress_counts`` takes one table (rows of counts, with row and/or column totals computed here),
and returns what may be printed under a partnership's disclosure policy (:mod:`aspm.disclosure.policy`):
small counts hidden ("<5"), figures that would let them be worked out withheld ("[c]", found by the
interval audit in :mod:`aspm.disclosure.audit`), counts rounded where the policy rounds.
``policy=None`` (internal outputs) shows every count exactly, so a template has one path whatever the
audience. Figures of one subject spread over several tables (an indicator's quarters, year and
breakdowns) are protected together with :class:`aspm.disclosure.tables.Figures` and
:func:`aspm.disclosure.audit.protect` directly.

Zero is never hidden as a small count (there is nobody to identify). ``None`` means "no figure" and is
shown as "–". Charts draw ``Cell.chart_value``: None for a hidden count, the rounded count where the
policy rounds, so a bar never gives away what its table hides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .audit import Cell, protect
from .policy import MISSING_MARK, SECONDARY_MARK, THRESHOLD, Policy
from .tables import Figures, add_crosstab, add_table

__all__ = [
    "Cell",
    "SuppressedCrossTab",
    "SuppressedTable",
    "suppress_crosstab",
    "suppress_counts",
    "suppress_count",
    "MISSING_MARK",
    "SECONDARY_MARK",
]


@dataclass(frozen=True)
class SuppressedTable:
    cells: list[list[Cell]]
    row_totals: list[Cell] | None
    column_totals: list[Cell] | None
    grand_total: Cell | None
    policy: Policy | None

    @property
    def threshold(self) -> int | None:
        return self.policy.hide_below if self.policy else None

    @property
    def any_suppressed(self) -> bool:
        every = [c for row in self.cells for c in row]
        every += (self.row_totals or []) + (self.column_totals or []) + ([self.grand_total] if self.grand_total else [])
        return any(c.suppressed for c in every)

    @property
    def rows(self) -> list[tuple[list[Cell], Cell | None]]:
        """Each row's cells with its total (or None), for templates."""
        totals = self.row_totals or [None] * len(self.cells)
        return list(zip(self.cells, totals, strict=True))


def _policy(policy: Policy | None, threshold: int | None) -> Policy | None:
    if policy is not None:
        return policy
    return Policy(THRESHOLD, threshold) if threshold is not None else None


def suppress_counts(
    cells: Sequence[Sequence[int | None]],
    *,
    policy: Policy | None = None,
    threshold: int | None = None,
    row_totals: bool = False,
    column_totals: bool = False,
) -> SuppressedTable:
    """Protect a table of counts. ``threshold=n`` is short for the threshold policy with ``n``;
    neither (an internal output) hides nothing."""
    policy = _policy(policy, threshold)
    figures = Figures()
    layout = add_table(figures, cells, row_totals=row_totals, column_totals=column_totals)
    shown = protect(figures, policy)

    def pick(indexes):
        return None if indexes is None else [shown[i] for i in indexes]

    return SuppressedTable(
        cells=[pick(row) for row in layout.cells],
        row_totals=pick(layout.row_totals),
        column_totals=pick(layout.column_totals),
        grand_total=None if layout.grand_total is None else shown[layout.grand_total],
        policy=policy,
    )


def suppress_count(value: int | None, *, policy: Policy | None = None, threshold: int | None = None) -> Cell:
    """One count on its own (no total beside it): only the small-count rule (and rounding) applies."""
    return suppress_counts([[value]], policy=policy, threshold=threshold).cells[0][0]


@dataclass(frozen=True)
class SuppressedCrossTab:
    """A cross-tabulation as it may be printed: ``rows`` are (the row's groups, its cells, its total),
    the columns being the last dimension's groups; ``margins`` each dimension's groups (the last one's
    are the column totals)."""

    rows: list[tuple[tuple[str, ...], list[Cell], Cell]]
    margins: list[dict[str, Cell]]
    total: Cell
    policy: Policy | None

    @property
    def column_totals(self) -> list[Cell]:
        return list(self.margins[-1].values())

    @property
    def any_suppressed(self) -> bool:
        every = [c for _, cells, t in self.rows for c in [*cells, t]] + [self.total]
        return any(c.suppressed for c in every + [c for m in self.margins for c in m.values()])


def suppress_crosstab(
    cells: dict[tuple[str, ...], int | None],
    categories: Sequence[Sequence[str]],
    *,
    policy: Policy | None = None,
    threshold: int | None = None,
) -> SuppressedCrossTab:
    """Protect a cross-tabulation of two or three dimensions with its margins and total: no small cell
    can be worked out from the other cells, the row and column totals or the total (the interval audit
    hides more, across rows and columns, until none can)."""
    policy = _policy(policy, threshold)
    figures = Figures()
    layout = add_crosstab(figures, cells, categories)
    shown = protect(figures, policy)
    return SuppressedCrossTab(
        rows=[(prefix, [shown[i] for i in row], shown[t]) for prefix, row, t in layout.rows],
        margins=[{c: shown[i] for c, i in margin.items()} for margin in layout.margins],
        total=shown[layout.total],
        policy=policy,
    )
