"""Which column of a file is which ASPM field: guessed by name, remembered per partnership and kind."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .reading import Sheet


@dataclass(frozen=True)
class Field:
    """An ASPM field an import fills: its column name in ASPM's own template, its label, other names."""

    name: str
    label: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    help: str = ""
    reader: Callable | None = None  # aspm.imports.values: reads "£3,250.00", "yes", "30 June 2016"...
    once: bool = False  # may be typed once on the mapping page for every row (a table for one period, one agency)
    section: str = ""  # optional fields shown together, folded away unless one is mapped ("Cells of a cross-tab")


@dataclass(slots=True)
class MappedRow:
    """A row of the file as ASPM fields, with where it came from for messages (the sheet when there are several)."""

    sheet: str
    line: int
    data: dict = field(default_factory=dict)
    source: str = ""  # the sheet's name even when it is the only one (a plan workbook's rows are read by sheet)
    absent: frozenset = frozenset()  # mapped fields whose column this row's sheet does not have

    @property
    def where(self) -> str:
        return f"{self.sheet}, row {self.line}" if self.sheet else f"Row {self.line}"


def normalise(text) -> str:
    """'RAG Status ' → 'rag status'; 'owner_organisation' → 'owner organisation'; years dropped."""
    text = re.sub(r"\b(19|20)\d\d(\s*[-/–]\s*\d{2,4})?\b", " ", str(text or "").lower())
    return " ".join(re.sub(r"[^a-z0-9%£]+", " ", text).split())


def _names(f: Field) -> list[str]:
    return [normalise(f.name), normalise(f.label), *(normalise(a) for a in f.aliases)]


def guess(headers: list[str], fields: list[Field], saved: dict | None = None) -> dict[str, str]:
    """Field name → header, for every field a header names: a saved choice first, then exact names, then prefixes."""
    mapping: dict[str, str] = {}
    free = {normalise(h): h for h in headers if str(h).strip()}
    for f in fields:
        header = (saved or {}).get(f.name)
        if header in headers and normalise(header) in free:
            mapping[f.name] = free.pop(normalise(header))
    for exact in (True, False):
        for f in fields:
            if f.name in mapping:
                continue
            for name in _names(f):
                hit = next((k for k in free if (k == name if exact else k.startswith(name + " "))), None)
                if name and hit is not None:
                    mapping[f.name] = free.pop(hit)
                    break
    return mapping


def score_for(fields: list[Field]):
    """A header-row scorer for :func:`aspm.imports.reading.read_sheets`: how many fields a row names."""

    def score(cells: list[str]) -> int:
        return len(guess(cells, fields))

    return score


def missing(mapping: dict[str, str], fields: list[Field], fixed: dict | None = None) -> list[Field]:
    """Required fields with neither a column nor a value typed for every row."""
    return [f for f in fields if f.required and not mapping.get(f.name) and not (fixed or {}).get(f.name)]


def apply(sheets: list[Sheet], mapping: dict[str, str], fixed: dict | None = None) -> list[MappedRow]:
    """The chosen sheets' rows as ASPM fields (a sheet lacking a mapped header gives that field blank);
    ``fixed`` holds the values typed once for every row, for fields no column holds."""
    fixed = {name: value for name, value in (fixed or {}).items() if value and not mapping.get(name)}
    rows = []
    for sheet in sheets:
        index = {h: i for i, h in enumerate(sheet.headers) if h}
        columns = {name: index.get(header) for name, header in mapping.items() if header}
        absent = frozenset(name for name, i in columns.items() if i is None)
        for line, values in sheet.rows:
            data = {
                name: ("" if i is None or i >= len(values) or values[i] is None else values[i])
                for name, i in columns.items()
            } | fixed
            rows.append(
                MappedRow(
                    sheet=sheet.name if len(sheets) > 1 else "",
                    line=line,
                    data=data,
                    source=sheet.name,
                    absent=absent,
                )
            )
    return rows
