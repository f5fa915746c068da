"""Read every sheet of an uploaded .xlsx, .xls, .ods or .csv, whatever its encoding, delimiter or title rows.

* CSV text: UTF-8 with or without a byte-order mark, else Windows-1252 (what Excel writes in the
  UK), so "£" and "–" arrive intact instead of as "�". The delimiter (comma, semicolon, tab) is the
  one that splits the first lines into the same number of columns.
* Workbooks: every sheet, streamed (one row in memory at a time): .xlsx with openpyxl's read-only
  mode, .ods with :mod:`.ods` (repeated rows and cells counted, never filled in), .xls with
  :mod:`.xls` (one sheet loaded at a time). See :func:`aspm.spreadsheets.numbered_sheets`.
* The header row is the row, among the first :data:`HEADER_SCAN` rows, whose cells name the most
  fields of the import; title rows above it ("Action plan 2016-17") are skipped.

Limits are those of :mod:`aspm.spreadsheets` (rows, columns, cells, rows scanned), counted over all sheets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from aspm.spreadsheets import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_ROWS_SCANNED,
    _is_blank,
    _too_many_cells,
    _too_many_columns,
    _too_many_rows,
    _trimmed,
    numbered_sheets,
)

HEADER_SCAN = 10
SAMPLE_ROWS = 50


@dataclass
class Sheet:
    """One sheet: its name, its header row (and where it was found) and its non-blank rows below."""

    name: str
    header_line: int = 1
    headers: list[str] = field(default_factory=list)
    rows: list[tuple[int, tuple]] = field(default_factory=list)

    def keep_samples_only(self) -> None:
        """Drop the rows past the first :data:`SAMPLE_ROWS` (kept for the mapping page's samples),
        once they have been mapped: a 100,000-row file is then not held twice."""
        del self.rows[SAMPLE_ROWS:]

    def samples(self, index: int, count: int = 3) -> list[str]:
        """The first few non-blank values of a column, for the mapping page."""
        found = []
        for _, values in self.rows:
            if index < len(values) and values[index] not in (None, ""):
                found.append(_shown(values[index]))
                if len(found) == count:
                    break
        return found


def _shown(value) -> str:
    """A cell as the mapping page shows it: dates the British way (30/06/2016), not 2016-06-30 00:00:00."""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y}"
    return str(value)


def _cell(value):
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _pick_header(candidates: list[tuple[int, tuple]], score: Callable[[list[str]], int]) -> int:
    """Index in ``candidates`` of the header row: the most recognised names, else the first row as wide as most."""
    best, best_score = None, 0
    for i, (_, values) in enumerate(candidates):
        found = score([str(v) for v in values if v is not None])
        if found > best_score:
            best, best_score = i, found
    if best is not None:
        return best
    widest = max((sum(v is not None for v in values) for _, values in candidates), default=0)
    for i, (_, values) in enumerate(candidates):
        if sum(v is not None for v in values) >= max(2, (widest + 1) // 2) or widest < 2:
            return i
    return 0


class _Budget:
    """Rows kept and rows scanned over the whole file, so many sheets cannot multiply the cost."""

    def __init__(self, max_rows: int):
        self.max_rows, self.kept, self.scanned, self.cells = max_rows, 0, 0, 0


def _read_sheet(name: str, rows: Iterator[tuple[int, tuple]], score, budget: _Budget, max_columns: int) -> Sheet:
    sheet, top = Sheet(name=name), []
    header_index = None
    last = kept = None  # an .ods row repeated arrives as the same tuple: it is cleaned once and shared
    for number, values in rows:
        if values is last:
            values = kept
        else:
            if len(values) > max_columns and not _is_blank(values[max_columns:]):
                raise _too_many_columns(max_columns)
            last, values = values, _trimmed(tuple(_cell(v) for v in values[:max_columns]))
            kept = values
        budget.scanned += 1
        if budget.scanned > MAX_ROWS_SCANNED + HEADER_SCAN and budget.max_rows < MAX_ROWS_SCANNED:
            raise _too_many_rows(budget.max_rows)
        if header_index is None:
            if not _is_blank(values):
                top.append((number, values))
            if len(top) < HEADER_SCAN:
                continue
            header_index = _settle(sheet, top, score, budget)
            continue
        _keep(sheet, number, values, budget)
    if header_index is None and top:
        _settle(sheet, top, score, budget)
    return sheet


def _settle(sheet: Sheet, top: list, score, budget: _Budget) -> int:
    index = _pick_header(top, score)
    sheet.header_line, header = top[index]
    sheet.headers = ["" if v is None else str(v) for v in header]
    for number, values in top[index + 1 :]:
        _keep(sheet, number, values, budget)
    return index


def _keep(sheet: Sheet, number: int, values: tuple, budget: _Budget) -> None:
    if _is_blank(values):
        return
    budget.kept += 1
    budget.cells += len(values)
    if budget.kept > budget.max_rows:
        raise _too_many_rows(budget.max_rows)
    if budget.cells > MAX_CELLS:
        raise _too_many_cells(MAX_CELLS)
    sheet.rows.append((number, values))


def read_sheets(
    content: bytes, *, score=lambda headers: 0, max_rows: int = MAX_ROWS, max_columns: int = MAX_COLUMNS
) -> list[Sheet]:
    """Every sheet of the file (a CSV is one sheet named "CSV"), each with its header row found.

    ``score(header_cells)`` says how many of an import's fields a row's cells name (see
    :func:`aspm.imports.mapping.score_for`). Raises ValidationError past the row or column limits.
    """
    budget = _Budget(max_rows)
    sheets = numbered_sheets(content, max_rows=max_rows, max_columns=max_columns)
    try:
        return [_read_sheet(name, rows, score, budget, max_columns) for name, rows in sheets]
    finally:
        sheets.close()
