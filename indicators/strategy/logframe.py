"""The LogFrame: the results chain read as a grid (Impact, Outcomes, Outputs, Activities — the
chain's own words — × narrative,
indicators, means of verification, risks and assumptions), on the page and as an .xlsx file."""

from __future__ import annotations

import io
from collections import defaultdict

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from aspm.spreadsheets import neutralise
from partnerships.access import scoped
from partnerships.models import Partnership

from ..models import ChainLevel, Objective, ResultsChainEntry
from .selectors import indicators_by_objective

ROWS = (
    ("Impact", ChainLevel.IMPACT, {"impact"}),
    ("Outcomes", ChainLevel.OUTCOME, {"outcome"}),
    ("Outputs", ChainLevel.OUTPUT, {"output"}),
    ("Activities", ChainLevel.ACTIVITY, {"process", "input"}),
)
COLUMNS = (
    "Objective",
    "Level",
    "Narrative summary",
    "Indicators of achievement",
    "Means of verification",
    "Risks and assumptions",
)


def logframes(partnership: Partnership, objective_ids=None) -> list[dict]:
    """One LogFrame per objective: ``{"objective", "rows": [{"label", "narrative", "indicators", "means",
    "assumptions"}]}``. Four queries whatever the number of objectives."""
    objectives = scoped(partnership, Objective).select_related("strand").prefetch_related("risks")
    if objective_ids is not None:
        objectives = objectives.filter(pk__in=objective_ids)
    objectives = list(objectives)
    ids = [o.pk for o in objectives]
    entries = defaultdict(list)
    for entry in scoped(partnership, ResultsChainEntry).filter(objective_id__in=ids).order_by("level", "order", "id"):
        entries[(entry.objective_id, entry.level)].append(entry)
    indicators = indicators_by_objective(partnership, ids)
    result = []
    for objective in objectives:
        rows = []
        for label, level, types in ROWS:
            row_entries = entries[(objective.pk, level.value)]
            entry_ids = {e.pk for e in row_entries}
            row_indicators = [
                i
                for i in indicators.get(objective.pk, [])
                if i.chain_entry_id in entry_ids or (i.chain_entry_id is None and i.type in types)
            ]
            assumptions = list(dict.fromkeys(e.link_assumption for e in row_entries if e.link_assumption))
            if level == ChainLevel.IMPACT:
                assumptions += [f"Risk: {r.title} ({r.band_label.lower()})" for r in objective.risks.all()]
            rows.append(
                {
                    "label": label,
                    "narrative": [e.description for e in row_entries],
                    "indicators": [f"{i.code} {i.name}" for i in row_indicators],
                    "means": sorted({i.means_of_verification for i in row_indicators if i.means_of_verification}),
                    "assumptions": assumptions,
                }
            )
        result.append({"objective": objective, "rows": rows})
    return result


def logframe_xlsx(partnership: Partnership, frames: list[dict]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "LogFrame"
    sheet.append([neutralise(f"LogFrame: {partnership.name}")])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([neutralise(c) for c in COLUMNS])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for frame in frames:
        objective = frame["objective"]
        for row in frame["rows"]:
            sheet.append(
                [
                    neutralise(f"{objective.code} {objective.title}"),
                    neutralise(row["label"]),
                    neutralise("\n".join(row["narrative"])),
                    neutralise("\n".join(row["indicators"])),
                    neutralise("\n".join(row["means"])),
                    neutralise("\n".join(row["assumptions"])),
                ]
            )
    for column, width in zip("ABCDEF", (34, 12, 48, 44, 40, 48), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
