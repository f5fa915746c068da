"""Filling a return in from the organisation's spreadsheet (.xlsx or .csv).

The template lists the return's own indicators (one row each, with last quarter's figure for
reference and what is staged now). An upload is read with the figures import's rules: checked by
``aspm.spreadsheets.check_spreadsheet_upload`` first, every row then checked with the same rules
as the form (``figures.check_staged``, i.e. the indicators app's), every bad row listed, and
nothing is written unless every row is valid — then through ``services.return_save_draft``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import tablib
from django.core.exceptions import ValidationError

from aspm.formatting import format_for
from aspm.spreadsheets import neutralise_row, read_table
from indicators.models import Unit
from indicators.models.figures import DIMENSIONS

from ..models.returns import Return
from . import services
from .figures import check_staged

BASE_COLUMNS = [
    "indicator_code",
    "indicator",
    "unit",
    "last_quarter",
    "value",
    "numerator",
    "denominator",
    "text_value",
    "comment",
]
REQUIRED = {"indicator_code", "value"}


def _breakdown_columns(figures) -> list[tuple[str, str, str]]:
    used = {d for f in figures for d in (f.indicator.disaggregation or []) if d in DIMENSIONS}
    return [(dim, cat, f"{dim}.{cat}") for dim, (_, cats) in DIMENSIONS.items() if dim in used for cat in cats]


def _plain(value) -> str:
    return "" if value is None else f"{value.normalize():f}"


def template_dataset(return_: Return) -> tablib.Dataset:
    figures = list(return_.figures.select_related("indicator").order_by("indicator__code"))
    split = _breakdown_columns(figures)
    dataset = tablib.Dataset(headers=BASE_COLUMNS + [c for _, _, c in split])
    dataset.title = f"Return {return_.period.label}"[:31]
    for f in figures:
        values = [
            f.indicator.code,
            f.indicator.name,
            f.indicator.get_unit_display(),
            # a label for reference (never read back): in the indicator's unit, "Yes", "71.7%"
            format_for(f.previous_value, f.indicator) if f.previous_value is not None else f.previous_text,
            _plain(f.value),
            _plain(f.numerator),
            _plain(f.denominator),
            f.text_value,
            f.comment,
        ]
        values += [
            (f.breakdown or {}).get(dim, {}).get(cat, "") if dim in (f.indicator.disaggregation or []) else ""
            for dim, cat, _ in split
        ]
        dataset.append(neutralise_row(values))
    return dataset


def render(dataset: tablib.Dataset, fmt: str) -> bytes:
    data = dataset.export(fmt)
    return data.encode("utf-8-sig") if isinstance(data, str) else data


@dataclass
class Row:
    number: int
    code: str
    value: str
    errors: list[str] = field(default_factory=list)


@dataclass
class Upload:
    rows: list[Row]
    figures: dict = field(default_factory=dict)
    file_errors: list[str] = field(default_factory=list)

    @property
    def bad_rows(self) -> list[Row]:
        return [r for r in self.rows if r.errors]

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.bad_rows and bool(self.rows)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@"):  # undo the template's formula guard
        text = text[1:]
    return text


def _read(content: bytes) -> list[tuple[int, dict]]:
    table = read_table(content, "xlsx" if content[:4] == b"PK\x03\x04" else "csv")
    headers = table.headers
    keys = [str(h or "").strip().lstrip("'").lower() for h in headers]
    missing = REQUIRED - set(keys)
    if missing:
        raise ValidationError(
            f"The sheet lacks these columns: {', '.join(sorted(missing))}. Download this return's template."
        )
    result = []
    for number, values in table.rows:
        result.append((number, {k: _text(v) for k, v in zip(keys, values, strict=False) if k}))
    return result


def read_upload(return_: Return, content: bytes) -> Upload:
    """Every row checked; ``figures`` is what the form would send, for ``return_save_draft``."""
    try:
        raw_rows = _read(content)
    except ValidationError as error:
        return Upload(rows=[], file_errors=error.messages)
    except Exception:  # noqa: BLE001 - a damaged workbook: say so in plain words
        return Upload(
            rows=[], file_errors=["The file could not be read as a spreadsheet. Save it again as .xlsx, .ods or .csv."]
        )
    staged = {f.indicator.code.upper(): f for f in return_.figures.select_related("indicator")}
    rows, figures, row_of = [], {}, {}
    for number, data in raw_rows:
        code = data.get("indicator_code", "")
        row = Row(number=number, code=code, value=data.get("value", "") or data.get("text_value", ""))
        rows.append(row)
        figure = staged.get(code.upper())
        if figure is None:
            row.errors.append(
                f"“{code}” is not one of the indicators in this return." if code else "The indicator code is missing."
            )
            continue
        if figure.indicator_id in figures:
            row.errors.append(f"{code} appears twice: keep one row per indicator.")
            continue
        breakdown = {}
        for dim in figure.indicator.disaggregation or []:
            if dim in DIMENSIONS:
                breakdown[dim] = {cat: data.get(f"{dim}.{cat}", "") for cat in DIMENSIONS[dim][1]}
        figures[figure.indicator_id] = {
            "value": "" if figure.indicator.unit == Unit.TEXT else data.get("value", ""),
            "numerator": data.get("numerator", ""),
            "denominator": data.get("denominator", ""),
            "text_value": data.get("text_value", "") if figure.indicator.unit == Unit.TEXT else "",
            "comment": data.get("comment", ""),
            "breakdown": breakdown,
        }
        row_of[figure.indicator_id] = row
    if not rows:
        return Upload(rows=[], file_errors=["The sheet has no rows of figures."])
    _, errors = check_staged(return_, figures)
    for key, messages in errors.items():
        row_of[int(key.removeprefix("figure-"))].errors.extend(messages)
    return Upload(rows=rows, figures=figures)


def return_fill_from_upload(*, actor, return_: Return, content: bytes) -> Upload:
    """Write the sheet's figures into the draft, all or nothing (ValidationError otherwise)."""
    upload = read_upload(return_, content)
    if not upload.ok:
        problems = upload.file_errors + [f"Row {r.number}: {m}" for r in upload.bad_rows for m in r.errors]
        raise ValidationError(problems or ["The sheet has no rows of figures."])
    services.return_save_draft(actor=actor, return_=return_, figures=upload.figures)
    return upload
