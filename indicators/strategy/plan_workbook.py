"""The plan as one workbook: a sheet per kind of thing, each row with a Ref that other rows link to.

The same layout goes out (:func:`plan_xlsx`) and comes back in (:mod:`.plan_reading`, through the one
import pipeline), so a plan can be round-tripped or shared between partnerships as a template. Links
between rows name refs, never database ids: an objective names its strand's ref, a results-chain entry
the ref of the entry it leads to, a risk the refs of its objectives. The LogFrame sheet is worked out
from the results chain and the risks, for reading: the import does not read it back.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from aspm.spreadsheets import neutralise
from partnerships.access import scoped
from partnerships.models import Partnership

from ..models import Assumption, ChainLevel, Objective, PathwayStage, PlanStatement, ResultsChainEntry, Risk, Strand

# Sheet name → its columns as (field name, heading). A field name means the same thing on every sheet.
SHEETS: dict[str, tuple[tuple[str, str], ...]] = {
    "Vision": (("item", "Item"), ("text", "Text")),
    "Strands": (("ref", "Ref"), ("name", "Name"), ("description", "Description")),
    "Objectives": (
        ("ref", "Ref"),
        ("title", "Title"),
        ("description", "Description"),
        ("strand", "Strand"),
        ("owner_organisation", "Owner organisation"),
        ("owner_subgroup", "Owner sub-group"),
        ("start_date", "Start date"),
        ("end_date", "End date"),
        ("priority", "Priority"),
        ("pathway_stages", "Pathway stages"),
        ("vision_link", "How it serves the vision"),
        ("specific_confirmed", "Specific (confirmed)"),
    ),
    "Results chain": (
        ("ref", "Ref"),
        ("objective", "Objective"),
        ("level", "Level"),
        ("description", "Description"),
        ("links_to", "Links to"),
        ("link_assumption", "Assumption behind the link"),
    ),
    "Assumptions": (
        ("ref", "Ref"),
        ("statement", "Statement"),
        ("status", "Status"),
        ("status_note", "Status note"),
        ("status_date", "Status date"),
        ("evidence_link", "Link to evidence"),
    ),
    "Risks": (
        ("ref", "Ref"),
        ("risk", "Risk"),
        ("cause", "Cause"),
        ("consequence", "Consequence"),
        ("likelihood", "Likelihood"),
        ("impact", "Impact"),
        ("owner_organisation", "Owner organisation"),
        ("mitigation", "Mitigation"),
        ("review_date", "Next review"),
        ("status", "Status"),
        ("objectives", "Objectives"),
    ),
    "LogFrame": (
        ("objective", "Objective"),
        ("objective_title", "Objective title"),
        ("level", "Level"),
        ("narrative", "Narrative summary"),
        ("assumptions", "Assumptions and risks"),
    ),
}
VISION_ITEMS = (("vision", "Vision"), ("mission", "Mission"), ("theory_of_change", "Theory of change"))
LOGFRAME_SHEET = "LogFrame"  # worked out from the chain: written, never read back
SEPARATOR = ", "  # between refs in one cell (a risk's objectives) and between pathway stages


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _stages(codes: list[str]) -> str:
    labels = dict(PathwayStage.choices)
    return SEPARATOR.join(labels[c] for c in codes if c in labels)


def plan_rows(partnership: Partnership) -> dict[str, list[list]]:
    """Every sheet's rows (headings excluded), in a stable order. A fixed number of queries."""
    statement = scoped(partnership, PlanStatement).first()
    strands = list(scoped(partnership, Strand).order_by("order", "name", "pk"))
    objectives = list(
        scoped(partnership, Objective)
        .select_related("strand", "owner_organisation", "owner_subgroup")
        .order_by("strand__order", "code", "pk")
    )
    entries = list(
        scoped(partnership, ResultsChainEntry).order_by("objective__code", "objective_id", "level", "order", "pk")
    )
    entry_refs = {e.pk: f"E{n}" for n, e in enumerate(entries, start=1)}
    codes = {o.pk: o.code for o in objectives}
    risks = list(
        scoped(partnership, Risk)
        .select_related("owner_organisation")
        .prefetch_related("objectives")
        .order_by("title", "pk")
    )
    sheets: dict[str, list[list]] = {
        "Vision": [[label, getattr(statement, name, "") or ""] for name, label in VISION_ITEMS],
        "Strands": [[s.code, s.name, s.description] for s in strands],
        "Objectives": [
            [
                o.code,
                o.title,
                o.description,
                o.strand.code if o.strand else "",
                o.owner_organisation.name if o.owner_organisation else "",
                o.owner_subgroup.name if o.owner_subgroup else "",
                o.start_date,
                o.end_date,
                o.get_priority_display(),
                _stages(o.pathway_stages),
                o.vision_link,
                _yes_no(o.specific_confirmed),
            ]
            for o in objectives
        ],
        "Results chain": [
            [
                entry_refs[e.pk],
                codes.get(e.objective_id, ""),
                e.get_level_display(),
                e.description,
                entry_refs.get(e.leads_to_id, ""),
                e.link_assumption,
            ]
            for e in entries
        ],
        "Assumptions": [
            [f"A{n}", a.statement, a.get_status_display(), a.status_note, a.status_date, a.evidence_link]
            for n, a in enumerate(scoped(partnership, Assumption).order_by("order", "pk"), start=1)
        ],
        "Risks": [
            [
                f"R{n}",
                r.title,
                r.cause,
                r.consequence,
                r.likelihood,
                r.impact,
                r.owner_organisation.name if r.owner_organisation else "",
                r.mitigation,
                r.review_date,
                r.get_status_display(),
                SEPARATOR.join(sorted(o.code for o in r.objectives.all())),
            ]
            for n, r in enumerate(risks, start=1)
        ],
    }
    sheets[LOGFRAME_SHEET] = _logframe_rows(objectives, entries, risks)
    return sheets


def _logframe_rows(objectives: list[Objective], entries: list[ResultsChainEntry], risks: list[Risk]) -> list[list]:
    """The LogFrame's plan columns: per objective, each level from impact down, its entries and assumptions."""
    from .logframe import ROWS

    rows = []
    for objective in objectives:
        own = [e for e in entries if e.objective_id == objective.pk]
        objective_risks = [r for r in risks if objective in r.objectives.all()]
        for label, level, _ in ROWS:
            at_level = [e for e in own if e.level == level]
            assumptions = list(dict.fromkeys(e.link_assumption for e in at_level if e.link_assumption))
            if level == ChainLevel.IMPACT:
                assumptions += [f"Risk: {r.title} ({r.band_label.lower()})" for r in objective_risks]
            rows.append(
                [
                    objective.code,
                    objective.title,
                    label,
                    "\n".join(e.description for e in at_level),
                    "\n".join(assumptions),
                ]
            )
    return rows


def plan_xlsx(partnership: Partnership) -> bytes:
    """The plan workbook: headings in row 1 of every sheet, so the import finds them without asking."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in plan_rows(partnership).items():
        sheet = workbook.create_sheet(name)
        sheet.append([heading for _, heading in SHEETS[name]])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([neutralise(v) for v in row])
        for column in sheet.columns:
            letter = column[0].column_letter
            widest = max((len(str(c.value or "")) for c in column), default=8)
            sheet.column_dimensions[letter].width = min(max(widest + 2, 8), 60)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if hasattr(cell.value, "year"):
                    cell.number_format = "DD/MM/YYYY"
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
