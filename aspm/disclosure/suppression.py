"""Small-count suppression: the one function every output that leaves a partnership goes through.

DOMAIN.md, "Data protection": a count from 1 to ``threshold - 1`` in a shared output could point
to a person, so it is shown as "<threshold" (e.g. "<5"). That alone is not enough when a total is
shown beside its parts: 12 − 10 gives the hidden 2 straight back. So the rule is applied to a
whole table at once:

* **primary** suppression: every count from 1 to ``threshold - 1``, totals included, is hidden
  and shown as "<5";
* **secondary** suppression: along every row and column that adds up to a shown total, a single
  hidden entry could be worked out by subtraction; so the next smallest entry of that line is
  hidden too (shown as "[c]", ONS's mark for a withheld figure), or the total when nothing else
  is left. This repeats until no line has exactly one hidden entry.

Zero is never hidden (there is nobody to identify). ``None`` means "no figure" and is shown as "–".
Charts draw ``Cell.chart_value``, which is ``None`` for a hidden count, so a bar never gives away
what its table hides.

``suppress_counts(..., threshold=None)`` (internal reports) returns the same structure with nothing
hidden, so a template has one path whatever the audience.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

SECONDARY_MARK = "[c]"
MISSING_MARK = "–"


@dataclass(frozen=True)
class Cell:
    value: int | None
    text: str
    suppressed: bool = False
    reason: str = ""  # "" | "small" | "secondary"

    @property
    def chart_value(self) -> int | None:
        return None if self.suppressed else self.value

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class SuppressedTable:
    cells: list[list[Cell]]
    row_totals: list[Cell] | None
    column_totals: list[Cell] | None
    grand_total: Cell | None
    threshold: int | None

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


def small_label(threshold: int) -> str:
    return f"<{threshold}"


def _fmt(value: int | None) -> str:
    return MISSING_MARK if value is None else f"{value:,}"


def suppress_counts(
    cells: Sequence[Sequence[int | None]],
    *,
    threshold: int | None,
    row_totals: bool = False,
    column_totals: bool = False,
) -> SuppressedTable:
    """Hide small counts in a table of counts, and whatever would reveal them.

    ``cells`` is a list of rows of counts (``None`` for no figure). With ``row_totals`` /
    ``column_totals`` the totals are computed here (so they always add up) and protected too;
    with both, a grand total is added. ``threshold=None`` hides nothing (an internal report).
    """
    n_rows = len(cells)
    n_cols = max((len(r) for r in cells), default=0)
    grid: list[list[int | None]] = [list(r) + [None] * (n_cols - len(r)) for r in cells]
    has_total_col = row_totals
    has_total_row = column_totals
    if has_total_col:
        for row in grid:
            row.append(_sum(row))
    if has_total_row:
        width = n_cols + (1 if has_total_col else 0)
        grid.append([_sum([grid[r][c] for r in range(n_rows)]) for c in range(width)])
    hidden = [[False] * len(row) for row in grid]
    reasons = [[""] * len(row) for row in grid]

    if threshold is not None:
        for r, row in enumerate(grid):
            for c, value in enumerate(row):
                if value is not None and 0 < value < threshold:
                    hidden[r][c], reasons[r][c] = True, "small"
        lines = _lines(len(grid), len(grid[0]) if grid else 0, n_rows, n_cols, has_total_row, has_total_col)
        changed = True
        while changed:
            changed = False
            for line, total_pos in lines:
                positions = [*line, total_pos]
                if sum(hidden[r][c] for r, c in positions) != 1:
                    continue
                candidates = [(r, c) for r, c in line if not hidden[r][c] and grid[r][c]]
                if not candidates and not hidden[total_pos[0]][total_pos[1]]:
                    candidates = [total_pos] if grid[total_pos[0]][total_pos[1]] else []
                if not candidates:
                    continue  # every other entry is zero or empty: the hidden one equals a hidden total
                r, c = min(candidates, key=lambda rc: (grid[rc[0]][rc[1]], rc))
                hidden[r][c], reasons[r][c] = True, "secondary"
                changed = True

    def cell(r: int, c: int) -> Cell:
        value = grid[r][c]
        if not hidden[r][c]:
            return Cell(value, _fmt(value))
        text = small_label(threshold) if reasons[r][c] == "small" else SECONDARY_MARK
        return Cell(value, text, True, reasons[r][c])

    body = [[cell(r, c) for c in range(n_cols)] for r in range(n_rows)]
    r_totals = [cell(r, n_cols) for r in range(n_rows)] if has_total_col else None
    c_totals = [cell(n_rows, c) for c in range(n_cols)] if has_total_row else None
    grand = cell(n_rows, n_cols) if has_total_col and has_total_row else None
    return SuppressedTable(body, r_totals, c_totals, grand, threshold)


def suppress_count(value: int | None, *, threshold: int | None) -> Cell:
    """One count on its own (no total beside it): only the small-count rule applies."""
    return suppress_counts([[value]], threshold=threshold).cells[0][0]


def _sum(values: Sequence[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _lines(height, width, n_rows, n_cols, has_total_row, has_total_col):
    """Every (entries, total position) that adds up: rows to their totals, columns to theirs."""
    lines = []
    if has_total_col:
        for r in range(height):
            lines.append(([(r, c) for c in range(n_cols)], (r, n_cols)))
    if has_total_row:
        for c in range(width):
            lines.append(([(r, c) for r in range(n_rows)], (n_rows, c)))
    return lines
