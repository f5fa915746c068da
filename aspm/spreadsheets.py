"""Spreadsheet safety for every export and import (django-import-export, openpyxl, csv).

* :func:`neutralise` stops formula injection: a cell that starts with ``=``, ``+``, ``-``, ``@``,
  tab, CR or LF is prefixed with an apostrophe, so a spreadsheet program shows it as text.
  (django-import-export's own escaping handles only a leading ``=``.) Numbers are left alone.
* :class:`SafeExportMixin` applies it to every exported cell of a resource, headers included.
* :func:`check_spreadsheet_upload` refuses files that are not .xlsx/.csv, too big, or zip bombs.
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

from .uploads import KIND_CSV, KIND_XLSX, validate_upload

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
IMPORT_MAX_BYTES = 10 * 1024 * 1024
# Rows with something in them, below the header. 10,000 figures read, check and commit in about
# 3.5 s + 7 s at 155 MB (bench/import_pipeline_bench.py, BENCH_ROWS=10000); memory grows about
# 5.5 MB per 1,000 rows through the commit, so a 100,000-row cap needs the commit chunked first.
MAX_ROWS = 10_000
MAX_COLUMNS = 50
# Rows read at most, blank ones included, so that a sheet of a million empty formatted rows is
# refused after a bounded amount of work too.
MAX_ROWS_SCANNED = 20 * MAX_ROWS


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
    """Return "xlsx" or "csv" for an acceptable upload, or raise a ValidationError saying why not."""
    kind = validate_upload(uploaded, allowed={KIND_XLSX, KIND_CSV}, max_bytes=max_bytes)
    if kind not in (KIND_XLSX, KIND_CSV):  # pragma: no cover - validate_upload already refuses
        raise ValidationError("Upload an Excel workbook (.xlsx) or a CSV file.")
    return kind


@dataclass
class Table:
    """An uploaded sheet: its header cells and its non-blank rows, each with its row number in the sheet."""

    headers: list = field(default_factory=list)
    rows: list[tuple[int, tuple]] = field(default_factory=list)


def _too_many_rows(max_rows: int) -> ValidationError:
    return ValidationError(
        f"The sheet has too many rows: the limit is {max_rows:,} rows in one file. Split it into smaller files."
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


def _rows_of(content: bytes, kind: str, max_columns: int):
    """Rows of the first sheet as tuples of at most ``max_columns + 1`` cells, one at a time."""
    if kind == "xlsx" or content[:4] == b"PK\x03\x04":
        from openpyxl import load_workbook

        # read_only streams the sheet's XML. Read-only mode trusts the size the sheet declares (a sheet
        # saying "A1:D2" would be cut to two rows): reset_dimensions makes it read every row, counted
        # here, and max_col keeps each row's tuple short whatever the sheet says.
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            sheet.reset_dimensions()
            yield from sheet.iter_rows(values_only=True, max_col=max_columns + 1)
        finally:
            workbook.close()
    else:
        text = decode(content)
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text)):
            yield tuple(row[: max_columns + 1]) + ((None,) if len(row) > max_columns + 1 else ())


def read_table(content: bytes, kind: str, *, max_rows: int = MAX_ROWS, max_columns: int = MAX_COLUMNS) -> Table:
    """Read an uploaded .xlsx or .csv row by row, refusing it once it passes ``max_rows`` or ``max_columns``.

    Memory stays at one row plus the rows kept (at most ``max_rows``), whatever the file holds.
    """
    table, scanned = Table(), 0
    rows = _rows_of(content, kind, max_columns)
    try:
        for number, values in enumerate(rows, start=1):
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
            table.rows.append((number, values))
    finally:
        rows.close()
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
