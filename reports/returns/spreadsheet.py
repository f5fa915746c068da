"""A return's spreadsheet template (.xlsx or .csv): one row per indicator the organisation reports.

Each row carries last quarter's figure for reference and what the draft holds now. The filled
template comes back through the one import pipeline (:mod:`.imports`), whose fields are these columns,
so it needs no mapping.
"""

from __future__ import annotations

import tablib

from aspm.formatting import format_for
from aspm.spreadsheets import neutralise_row
from indicators.models.figures import DIMENSIONS

from ..models.returns import Return

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


def breakdown_columns(figures) -> list[tuple[str, str, str]]:
    """(column, dimension, category) for each split the return's indicators use: ("sex.female", "Sex", "Female")."""
    used = {d for f in figures for d in (f.indicator.disaggregation or []) if d in DIMENSIONS}
    return [
        (f"{dim}.{cat}", label, cat_label)
        for dim, (label, cats) in DIMENSIONS.items()
        if dim in used
        for cat, cat_label in cats.items()
    ]


def _plain(value) -> str:
    return "" if value is None else f"{value.normalize():f}"


def template_dataset(return_: Return) -> tablib.Dataset:
    figures = list(return_.figures.select_related("indicator").order_by("indicator__code"))
    split = [column for column, _, _ in breakdown_columns(figures)]
    dataset = tablib.Dataset(headers=BASE_COLUMNS + split)
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
        for column in split:
            dim, cat = column.split(".", 1)
            used = dim in (f.indicator.disaggregation or [])
            values.append((f.breakdown or {}).get(dim, {}).get(cat, "") if used else "")
        dataset.append(neutralise_row(values))
    return dataset


def render(dataset: tablib.Dataset, fmt: str) -> bytes:
    data = dataset.export(fmt)
    return data.encode("utf-8-sig") if isinstance(data, str) else data
