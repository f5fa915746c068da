"""Excel 97-2003 workbooks (.xls) read with xlrd, a sheet at a time, its size checked before its cells.

An .xls is at most 65,536 rows by 256 columns a sheet and the upload at most
:data:`aspm.spreadsheets.IMPORT_MAX_BYTES`, so it cannot hide the million-cell ranges a zip can.
Still, each sheet's declared size (its DIMENSIONS record, read from the raw stream before xlrd
parses the sheet) is checked against the caps first, and only then are its cells loaded; the rows
read are counted again by the caller, whatever the sheet declared. Sheets are loaded on demand and
released after reading, so one sheet's cells are in memory at a time.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from django.core.exceptions import ValidationError

DIMENSIONS = 0x0200
BOF = 0x0809
EOF = 0x000A
HEADER_ALLOWANCE = 100  # title and blank rows above the headers, which the row cap does not count


def _declared(book, index: int) -> tuple[int, int] | None:
    """(rows, columns) the sheet's DIMENSIONS record states, read from the stream without parsing the sheet."""
    data, position = book.mem, book._sh_abs_posn[index]
    end = min(len(data), position + 64 * 1024)  # the record comes before the first cell, near the start
    while position + 4 <= end:
        code, length = struct.unpack_from("<HH", data, position)
        body = data[position + 4 : position + 4 + length]
        if code == DIMENSIONS and length >= 14:
            first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", body)
            return last_row - min(first_row, last_row), last_col - min(first_col, last_col)
        if code == EOF:
            return None
        position += 4 + length
    return None


def _value(cell, datemode: int):
    import xlrd

    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return int(cell.value) if float(cell.value).is_integer() else cell.value
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return cell.value
    return None  # empty, blank, error


def numbered_rows(
    content: bytes, *, max_rows: int, max_columns: int
) -> Iterator[tuple[str, Iterator[tuple[int, tuple]]]]:
    """Each sheet of an .xls as (name, its rows as (row number, cells)); at most ``max_columns + 1`` cells a row."""
    import xlrd

    try:
        # ragged_rows: a row holds the cells it has; xlrd otherwise pads every row to the sheet's width,
        # so two cells at (0, 0) and (65535, 255) would become 16.7 million.
        book = xlrd.open_workbook(file_contents=content, on_demand=True, ragged_rows=True)
    except xlrd.XLRDError as error:
        raise ValidationError("This file is not an Excel workbook that can be read.") from error
    try:
        for index, name in enumerate(book.sheet_names()):
            declared = _declared(book, index)
            if declared and declared[0] > max_rows + HEADER_ALLOWANCE:
                raise ValidationError(
                    f"The sheet has too many rows: the limit is {max_rows:,} rows in one file. "
                    "Split it into smaller files."
                )
            sheet = book.sheet_by_index(index)
            yield name, _rows(sheet, book.datemode, max_columns)
            book.unload_sheet(index)
    finally:
        book.release_resources()


def _rows(sheet, datemode: int, max_columns: int) -> Iterator[tuple[int, tuple]]:
    width = min(sheet.ncols, max_columns + 1)
    for r in range(sheet.nrows):
        yield r + 1, tuple(_value(sheet.cell(r, c), datemode) for c in range(min(width, sheet.row_len(r))))
