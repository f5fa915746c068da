"""OpenDocument spreadsheets (.ods) read as a stream: content.xml is unzipped and parsed a chunk at a time.

A 1.7 KB .ods can say "this row, 1,000 cells wide, 90,000 times" in two attributes
(``table:number-rows-repeated``, ``table:number-columns-repeated``); a reader that fills the range
(python-calamine did) took a process to 13.7 GB. Here a repeat is a count, never a copy: a cell
repeated is written out only up to one past the column cap, a row repeated is handed on one
repetition at a time, so the caller's row cap refuses it after ``cap + 1`` rows. Empty cells and
rows repeated at the end (LibreOffice ends every sheet with an empty row repeated about a million
times, 1,024 or 16,384 cells wide) cost nothing and are not counted as content.

Safety: the zip's parts are those :func:`aspm.uploads.validate_upload` allowed (entries and
declared unpacked size); the bytes actually unpacked from content.xml are counted too. The XML
parser (expat) refuses any DOCTYPE, so there are no entities, internal or external.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import zipfile
from collections.abc import Iterator
from xml.parsers import expat

from django.core.exceptions import ValidationError

from aspm.uploads import MAX_UNPACKED_BYTES

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
CHUNK = 64 * 1024
DAMAGED = "This OpenDocument spreadsheet cannot be read"
MAX_REPEAT = 10_000_000  # a number-*-repeated beyond any sheet's size is damage, not a sheet
CELL_TEXT = 32_767  # the most characters a spreadsheet cell holds (Excel's and LibreOffice's limit)
SPACES = 1_000_000  # spaces written as <text:s text:c="n"/> in the whole file: the one way to grow text


class _NoDoctype(Exception):
    pass


def _repeat(attrs: dict, name: str) -> int:
    try:
        n = int(attrs.get(f"{TABLE} {name}", "1"))
    except ValueError:
        return 1
    if n < 1 or n > MAX_REPEAT:
        raise ValidationError(f"{DAMAGED}: it repeats a row or a cell an impossible number of times.")
    return n


def _value(attrs: dict, text: str):
    """A cell's value as openpyxl gives an .xlsx cell's: numbers, datetimes, booleans, else text."""
    kind = attrs.get(f"{OFFICE} value-type")
    if kind in ("float", "percentage", "currency"):
        raw = attrs.get(f"{OFFICE} value", "")
        try:
            number = float(raw)
        except ValueError:
            return text or None
        return int(number) if number.is_integer() and abs(number) < 1e15 else number
    if kind == "date":
        raw = attrs.get(f"{OFFICE} date-value", "")
        try:
            return dt.datetime.fromisoformat(raw[:19])
        except ValueError:
            return text or None
    if kind == "boolean":
        return attrs.get(f"{OFFICE} boolean-value", "").lower() == "true"
    return text or None


class _Parser:
    """Expat handlers that turn content.xml into sheets and rows; rows wait in ``ready`` for the reader."""

    def __init__(self, max_columns: int):
        self.width = max_columns + 1  # one past the cap: enough for the caller to see a row is too wide
        self.ready: list = []  # ("sheet", name) or ("row", values, repeat)
        self.row: list | None = None
        self.blank_cells = 0  # empty cells seen since the last one with something in it
        self.cell: tuple[dict, int] | None = None
        self.paragraphs: list[list[str]] = []
        self.in_paragraph = 0
        self.hidden = 0  # inside an annotation or a drawing: its text is not the cell's
        self.cell_chars = 0  # characters (and paragraphs) in the cell so far
        self.spaces = 0  # spaces unfolded from <text:s> so far, in the whole file

    def _grow(self, n: int) -> None:
        """Count ``n`` more characters of the cell: a cell longer than any spreadsheet allows is refused,
        so a small file cannot unfold into a large one in memory."""
        self.cell_chars += n
        if self.cell_chars > CELL_TEXT:
            raise ValidationError(f"{DAMAGED}: a cell holds more than {CELL_TEXT:,} characters.")

    def start(self, name: str, attrs: dict) -> None:
        if self.hidden:
            self.hidden += 1
            return
        if name == f"{TABLE} table":
            self.ready.append(("sheet", attrs.get(f"{TABLE} name", "Sheet")))
        elif name == f"{TABLE} table-row":
            self.row, self.blank_cells = [], 0
            self.row_repeat = _repeat(attrs, "number-rows-repeated")
        elif name in (f"{TABLE} table-cell", f"{TABLE} covered-table-cell") and self.row is not None:
            self.cell = (attrs, _repeat(attrs, "number-columns-repeated"))
            self.paragraphs, self.cell_chars = [], 0
        elif self.cell is not None:
            if name == f"{OFFICE} annotation" or name.startswith(f"{DRAW} "):
                self.hidden = 1
            elif name in (f"{TEXT} p", f"{TEXT} h"):
                self._grow(1)  # the line it starts
                self.paragraphs.append([])
                self.in_paragraph += 1
            elif self.in_paragraph and name == f"{TEXT} s":
                try:
                    n = min(max(int(attrs.get(f"{TEXT} c", "1") or 1), 1), 1000)
                except ValueError:
                    n = 1
                self._grow(n)
                self.spaces += n
                if self.spaces > SPACES:
                    raise ValidationError(f"{DAMAGED}: it writes out more spaces than any sheet holds.")
                self.paragraphs[-1].append(" " * n)
            elif self.in_paragraph and name == f"{TEXT} tab":
                self._grow(1)
                self.paragraphs[-1].append("\t")
            elif self.in_paragraph and name == f"{TEXT} line-break":
                self._grow(1)
                self.paragraphs[-1].append("\n")

    def text(self, data: str) -> None:
        if self.in_paragraph and not self.hidden and self.cell is not None:
            self._grow(len(data))
            self.paragraphs[-1].append(data)

    def end(self, name: str) -> None:
        if self.hidden:
            self.hidden -= 1
            return
        if name in (f"{TEXT} p", f"{TEXT} h") and self.in_paragraph:
            self.in_paragraph -= 1
        elif name in (f"{TABLE} table-cell", f"{TABLE} covered-table-cell") and self.cell is not None:
            attrs, repeat = self.cell
            self.cell = None
            value = _value(attrs, "\n".join("".join(p) for p in self.paragraphs))
            if value is None or (isinstance(value, str) and not value.strip()):
                self.blank_cells += repeat
                return
            room = self.width - len(self.row)
            if room > 0:
                self.row.extend([None] * min(self.blank_cells, room))
                self.row.extend([value] * max(0, min(repeat, self.width - len(self.row))))
            self.blank_cells = 0
        elif name == f"{TABLE} table-row" and self.row is not None:
            self.ready.append(("row", tuple(self.row), self.row_repeat))
            self.row = None


def _content_stream(content: bytes):
    archive = zipfile.ZipFile(io.BytesIO(content))
    try:
        info = archive.getinfo("content.xml")
    except KeyError:
        raise ValidationError("This OpenDocument file has no spreadsheet in it.") from None
    if info.file_size > MAX_UNPACKED_BYTES:
        raise ValidationError("This file unpacks to far more than its size: it cannot be accepted.")
    return archive.open(info)


def numbered_rows(content: bytes, *, max_columns: int) -> Iterator[tuple[str, Iterator[tuple[int, tuple]]]]:
    """Each sheet of an .ods as (name, its non-blank rows as (row number, cells)), streamed.

    A sheet's rows must be read to the end before asking for the next sheet. Cells are at most
    ``max_columns + 1`` per row (the last one there only when the row has something past the cap).
    """
    state = _Parser(max_columns)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = state.start
    parser.EndElementHandler = state.end
    parser.CharacterDataHandler = state.text

    def no_doctype(*_):
        raise _NoDoctype

    parser.StartDoctypeDeclHandler = no_doctype
    parser.EntityDeclHandler = no_doctype

    def events():
        unpacked = 0
        with _content_stream(content) as stream:
            while True:
                chunk = stream.read(CHUNK)
                unpacked += len(chunk)
                if unpacked > MAX_UNPACKED_BYTES:
                    raise ValidationError("This file unpacks to far more than its size: it cannot be accepted.")
                try:
                    parser.Parse(chunk, not chunk)
                except _NoDoctype:
                    raise ValidationError(f"{DAMAGED}: it declares XML entities.") from None
                except expat.ExpatError as error:
                    raise ValidationError(f"{DAMAGED}: its content is not valid XML.") from error
                yield from state.ready
                state.ready.clear()
                if not chunk:
                    return

    stream = events()
    pending: list = []

    def rows_of_sheet() -> Iterator[tuple[int, tuple]]:
        number = 0
        for event in stream:
            if event[0] == "sheet":
                pending.append(event)
                return
            _, values, repeat = event
            if not values:  # an empty row, however many times: only the numbering moves on
                number += repeat
                continue
            for _ in range(repeat):
                number += 1
                yield number, values

    first = next((e for e in stream if e[0] == "sheet"), None)
    if first is None:
        return
    pending.append(first)
    while pending:
        name = pending.pop()[1]
        yield name, rows_of_sheet()
        if not pending:  # the caller stopped before the sheet's end: skip to the next sheet's start
            pending.extend(itertools.islice((e for e in stream if e[0] == "sheet"), 1))
