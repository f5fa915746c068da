"""Spreadsheet safety for every export and import (django-import-export, openpyxl, csv).

* :func:`neutralise` stops formula injection: a cell that starts with ``=``, ``+``, ``-``, ``@``,
  tab, CR or LF is prefixed with an apostrophe, so a spreadsheet program shows it as text.
  (django-import-export's own escaping handles only a leading ``=``.) Numbers are left alone.
* :class:`SafeExportMixin` applies it to every exported cell of a resource, headers included.
* :func:`check_spreadsheet_upload` refuses files that are not .xlsx/.xls/.ods/.csv, too big, or zip bombs.
* :func:`numbered_sheets` streams the rows of every sheet of any of them (.ods through
  :mod:`aspm.imports.ods`, .xls through :mod:`aspm.imports.xls`).
* :func:`read_table` reads an uploaded sheet row by row, keeping at most ``MAX_ROWS`` rows of
  ``MAX_COLUMNS`` columns: a 756 KB workbook can hold 1.5 million rows, and loading them all took
  the web process from 310 MB to 3.4 GB. Every import reads through it.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from .uploads import KIND_CSV, KIND_ODS, KIND_XLS, KIND_XLSX, OLE_MAGIC, validate_upload, zip_kind

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
IMPORT_MAX_BYTES = 10 * 1024 * 1024
SPREADSHEET_KINDS = frozenset({KIND_XLSX, KIND_XLS, KIND_ODS, KIND_CSV})
SPREADSHEET_LABEL = "Spreadsheet (.xlsx, .xls, .ods or .csv)"
# Rows with something in them, below the header, over every sheet of a file; and columns a sheet.
# See bench/import_pipeline_bench.py (BENCH_ROWS=100000) for what a file at the cap costs.
MAX_ROWS = 100_000
MAX_COLUMNS = 200
# Cells kept (up to each row's last filled cell), so that 100,000 rows of 200 columns (20 million
# cells, a few MB zipped) cannot be held either: a file of 100,000 rows may use 15 columns.
MAX_CELLS = 1_500_000
# Rows read at most, blank ones included, so that a sheet of a million empty formatted rows is
# refused after a bounded amount of work too.
MAX_ROWS_SCANNED = 3 * MAX_ROWS


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def neutralise_row(values) -> list:
    return [neutralise(v) for v in values]


class SafeExportMixin:
    """Mix into an import_export ``Resource``: every exported cell and header is neutralised."""

    def export_field(self, field, instance, **kwargs):
        return neutralise(super().export_field(field, instance, **kwargs))

    def get_export_headers(self, selected_fields=None):
        return neutralise_row(super().get_export_headers(selected_fields=selected_fields))


def check_spreadsheet_upload(uploaded, *, max_bytes: int = IMPORT_MAX_BYTES) -> str:
    """Return "xlsx", "xls", "ods" or "csv" for an acceptable upload, or raise a ValidationError saying why not."""
    return validate_upload(uploaded, allowed=SPREADSHEET_KINDS, max_bytes=max_bytes)


@dataclass
class Table:
    """An uploaded sheet: its header cells and its non-blank rows, each with its row number in the sheet."""

    headers: list = field(default_factory=list)
    rows: list[tuple[int, tuple]] = field(default_factory=list)


def _too_many_rows(max_rows: int) -> ValidationError:
    return ValidationError(
        f"The sheet has too many rows: the limit is {max_rows:,} rows in one file. Split it into smaller files."
    )


def _too_many_cells(max_cells: int) -> ValidationError:
    return ValidationError(
        f"The file has too many cells: the limit is {max_cells:,} filled cells in one file "
        f"(such as {MAX_ROWS:,} rows of {max_cells // MAX_ROWS} columns). Split it or leave out unused columns."
    )


def _too_many_columns(max_columns: int) -> ValidationError:
    return ValidationError(
        f"The sheet has too many columns: the limit is {max_columns:,}. Use the template's columns only."
    )


def _is_blank(values) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _trimmed(values) -> tuple:
    """The row without its empty cells at the end (read-only mode pads rows to the width asked for)."""
    end = len(values)
    while end and values[end - 1] is None:
        end -= 1
    return tuple(values[:end])


def file_format(content: bytes) -> str:
    """ "xlsx", "ods", "xls" or "csv", from the bytes (the upload was already checked by content)."""
    if content[:4] == b"PK\x03\x04":
        return KIND_ODS if zip_kind(io.BytesIO(content)) == KIND_ODS else KIND_XLSX
    if content[:8] == OLE_MAGIC:
        return "xls"
    return "csv"


def numbered_sheets(content: bytes, *, max_rows: int = MAX_ROWS, max_columns: int = MAX_COLUMNS):
    """Each sheet as (name, its rows as (row number, cells)), streamed; a CSV is one sheet named "CSV".

    Rows have at most ``max_columns + 1`` cells, the last only when the row has something past the
    cap. Blank rows may be left out (their numbers are skipped). Read a sheet's rows to the end, or
    stop reading altogether, before asking for the next sheet.
    """
    kind = file_format(content)
    if kind == "ods":
        from aspm.imports import ods

        yield from ods.numbered_rows(content, max_columns=max_columns)
    elif kind == "xls":
        from aspm.imports import xls

        yield from xls.numbered_rows(content, max_rows=max_rows, max_columns=max_columns)
    elif kind == "xlsx":
        from openpyxl import load_workbook

        # read_only streams the sheet's XML. Read-only mode trusts the size the sheet declares (a sheet
        # saying "A1:D2" would be cut to two rows): reset_dimensions makes it read every row, counted
        # by the caller, and max_col keeps each row's tuple short whatever the sheet says.
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            for sheet in workbook.worksheets:
                sheet.reset_dimensions()
                yield sheet.title, enumerate(sheet.iter_rows(values_only=True, max_col=max_columns + 1), start=1)
        finally:
            workbook.close()
    else:
        text = decode(content)
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
        yield "CSV", enumerate(_capped(rows, max_columns), start=1)


def _capped(rows, max_columns: int):
    for row in rows:
        yield tuple(row[: max_columns + 1])


def read_table(content: bytes, kind: str = "", *, max_rows: int = MAX_ROWS, max_columns: int = MAX_COLUMNS) -> Table:
    """Read the first sheet of an uploaded .xlsx, .ods, .xls or .csv row by row, refusing it once it
    passes ``max_rows``, ``max_columns`` or :data:`MAX_CELLS`. (``kind`` is not needed: the bytes say what the file is.)

    Memory stays at one row plus the rows kept (at most ``max_rows``), whatever the file holds.
    """
    table, scanned, cells = Table(), 0, 0
    sheets = numbered_sheets(content, max_rows=max_rows, max_columns=max_columns)
    try:
        first = next(sheets, None)
        for number, values in first[1] if first else ():
            if len(values) > max_columns and not _is_blank(values[max_columns:]):
                raise _too_many_columns(max_columns)
            values = _trimmed(values[:max_columns])
            if number == 1:
                table.headers = list(values)
                continue
            scanned += 1
            if scanned > MAX_ROWS_SCANNED and max_rows < MAX_ROWS_SCANNED:
                raise _too_many_rows(max_rows)
            if _is_blank(values):
                continue
            if len(table.rows) >= max_rows:
                raise _too_many_rows(max_rows)
            cells += len(values)
            if cells > MAX_CELLS:
                raise _too_many_cells(MAX_CELLS)
            table.rows.append((number, values))
    finally:
        sheets.close()
    return table


def table_dataset(table: Table):
    """The table as a tablib Dataset (for django-import-export), rows padded to the header's width."""
    import tablib

    width = len(table.headers)
    return tablib.Dataset(
        *[tuple(values[:width]) + (None,) * (width - len(values)) for _, values in table.rows],
        headers=[("" if h is None else str(h)) for h in table.headers],
    )


DELIMITERS = (",", ";", "\t", "|")


def decode(content: bytes) -> str:
    """CSV bytes as text: UTF-8 (a BOM is dropped) if they are UTF-8, else Windows-1252."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", errors="replace")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return content.decode("cp1252")
        except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined: Latin-1 keeps them
            return content.decode("latin-1")


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first non-blank lines into the same number (>1) of columns most often."""
    lines = [line for line in text[:65536].splitlines()[:40] if line.strip()][:20]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = Counter(len(row) for row in csv.reader(lines, delimiter=delimiter) if len(row) > 1)
        if not counts:
            continue
        width, often = counts.most_common(1)[0]
        if (often, width) > best_score:
            best, best_score = delimiter, (often, width)
    return best
