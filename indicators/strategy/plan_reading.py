"""Reading a plan from spreadsheet rows (already mapped by the import pipeline) into checked items.

Nothing here writes: each row becomes a :class:`PlanRow` with its values read ("High", "30/06/2016",
"Activity") and its refs checked against the other rows of the file, or with the reasons it cannot be
imported. :mod:`.services.plan_import` writes them, all or none. Two layouts are read:

* :func:`read_workbook`: ASPM's plan workbook (:mod:`.plan_workbook`), one sheet per kind, the kind
  told by the sheet's name;
* :func:`read_objectives`: a partnership's own table of objectives, one row each, with its activities,
  outputs, outcomes and impact in cells of their own (one per line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aspm.imports import values
from aspm.imports.mapping import MappedRow, normalise
from partnerships.access import scoped
from partnerships.models import Organisation, Partnership, SubGroup

from ..models import (
    Assumption,
    AssumptionStatus,
    ChainLevel,
    Objective,
    PathwayStage,
    PlanStatement,
    Priority,
    ResultsChainEntry,
    Risk,
    RiskStatus,
    Strand,
)
from .plan_workbook import LOGFRAME_SHEET, SHEETS, VISION_ITEMS

REQUIRED = {
    "Vision": ("item", "text"),
    "Strands": ("ref", "name"),
    "Objectives": ("ref", "title"),
    "Results chain": ("ref", "objective", "level", "description"),
    "Assumptions": ("statement",),
    "Risks": ("risk", "likelihood", "impact"),
    LOGFRAME_SHEET: (),
}
SHEET_NAMES = {"chain": "Results chain", "results chains": "Results chain", "risk register": "Risks",
               "log frame": LOGFRAME_SHEET, "strand": "Strands", "objective": "Objectives"}  # fmt: skip
LEVEL_WORDS = ", ".join(ChainLevel.labels[:-1]) + " or " + ChainLevel.labels[-1]
BULLET = re.compile(r"^\s*(?:[-•■▪●*–]|\d+[.)])\s*")


@dataclass
class PlanRow:
    """One row of the file as a plan item: ``kind`` is its sheet's kind ("Objectives", "Risks"...)."""

    where: str
    kind: str
    label: str = ""
    ref: str = ""
    values: dict = field(default_factory=dict)
    entries: list[tuple[int, str]] = field(default_factory=list)  # own-layout objectives: (level, description)
    errors: list[str] = field(default_factory=list)
    verb: str = "Be added"

    @property
    def skipped(self) -> bool:
        return self.kind == LOGFRAME_SHEET

    def __post_init__(self):
        if self.skipped:
            self.verb = "Skip: made from the results chain"


def sheet_kind(name: str) -> str | None:
    """ "Results chain" for a sheet called "results chain" or "Chain"; None for a sheet that is not the plan's."""
    key = normalise(name)
    for kind in SHEETS:
        if key == normalise(kind):
            return kind
    return SHEET_NAMES.get(key)


def _heading(kind: str, name: str) -> str:
    return next((h for n, h in SHEETS.get(kind, ()) if n == name), name.replace("_", " ").capitalize())


def _choice(value, choices, what: str) -> str:
    """A choice by its label or code, in any case: 'High' or 'high' → 'high'."""
    raw = values.text(value)
    for code, label in choices:
        if normalise(raw) in (normalise(code), normalise(label)):
            return code
    allowed = ", ".join(label for _, label in choices)
    raise ValueError(f"{what} “{raw}” does not exist: write one of {allowed}.")


def level(value) -> int:
    raw = values.text(value)
    if raw.isdigit() and int(raw) in ChainLevel.values:
        return int(raw)
    for choice in ChainLevel:
        if normalise(raw) in (normalise(choice.label), normalise(choice.label) + "s"):
            return choice.value
    raise ValueError(f"The level “{raw}” does not exist: write {LEVEL_WORDS}.")


def lines(value) -> list[str]:
    """A cell listing several things, one per line (bullets and numbering dropped)."""
    found = [BULLET.sub("", line).strip() for line in values.text(value).splitlines()]
    return [line for line in found if line]


class _Lookups:
    """What rows may name that the partnership already has: strands, organisations, sub-groups."""

    def __init__(self, partnership: Partnership):
        self.strands, self.strand_codes = {}, set()
        for strand in scoped(partnership, Strand):
            self.strands[strand.code.lower()] = strand.code
            self.strand_codes.add(strand.code.lower())
            self.strands.setdefault(strand.name.lower(), strand.code)
        self.organisations = {o.name.lower(): o for o in scoped(partnership, Organisation)}
        self.subgroups = {s.name.lower(): s for s in scoped(partnership, SubGroup)}

    def owner(self, text: str, names: dict, what: str):
        if not text:
            return None
        found = names.get(text.lower())
        if found is None:
            raise ValueError(f"No {what} named “{text}” in this partnership.")
        return found


def _read(row: PlanRow, name: str, reader, data: dict) -> None:
    try:
        row.values[name] = reader(data.get(name))
    except ValueError as error:
        row.errors.append(f"{_heading(row.kind, name)}: {error}")


def _objective_values(row: PlanRow, data: dict, lookups: _Lookups, strand_refs: dict) -> None:
    text = values.text
    row.values.update(title=text(data.get("title")), description=text(data.get("description")),
                      vision_link=text(data.get("vision_link")))  # fmt: skip
    strand = text(data.get("strand"))
    row.values["strand"] = strand_refs.get(strand.lower()) or lookups.strands.get(strand.lower()) if strand else None
    if strand and not row.values["strand"]:
        row.errors.append(f"Strand: there is no strand “{strand}” (by ref or name) in the file or in this partnership.")
    for name, names, what in (("owner_organisation", lookups.organisations, "organisation"),
                              ("owner_subgroup", lookups.subgroups, "sub-group")):  # fmt: skip
        _read(row, name, lambda v, names=names, what=what: lookups.owner(text(v), names, what), data)
    _read(row, "start_date", values.date, data)
    _read(row, "end_date", values.date, data)
    _read(row, "priority", lambda v: _choice(v, Priority.choices, "The priority") if text(v) else Priority.MEDIUM, data)
    _read(row, "pathway_stages", lambda v: [_choice(s, PathwayStage.choices, "The stage")
                                            for s in re.split(r"[,;\n]", text(v)) if s.strip()], data)  # fmt: skip
    _read(row, "specific_confirmed", lambda v: values.yes_no(v) == "1", data)
    if not row.values["title"]:
        row.errors.append("Title: give the objective a title.")


def _missing_columns(rows: list[MappedRow]) -> list[str]:
    errors, seen = [], set()
    for row in rows:
        kind = sheet_kind(row.source)
        if kind is None or row.source in seen:
            continue
        seen.add(row.source)
        lacking = [n for n in REQUIRED[kind] if n not in row.data or n in row.absent]
        if lacking:
            names = ", ".join(f"“{_heading(kind, n)}”" for n in lacking)
            errors.append(f"The {row.source} sheet has no {names} column: add it, or say below which column holds it.")
    return errors


def read_workbook(partnership: Partnership, rows: list[MappedRow]) -> tuple[list[PlanRow], list[str]]:
    """ASPM's plan workbook: every row checked; file errors for unknown sheets and missing columns."""
    unknown = sorted({r.source for r in rows if sheet_kind(r.source) is None})
    file_errors = [
        f"The sheet “{name}” is not part of a plan workbook (its sheets are {', '.join(SHEETS)}): "
        "untick it to import the others."
        for name in unknown
    ] + _missing_columns(rows)
    plan = [PlanRow(where=f"{r.source}, row {r.line}", kind=sheet_kind(r.source) or r.source) for r in rows]
    refs: dict[str, dict[str, str]] = {kind: {} for kind in SHEETS}
    for item, row in zip(plan, rows, strict=True):
        item.ref = values.text(row.data.get("ref"))
        if item.ref and item.kind in refs:
            if item.ref.lower() in refs[item.kind]:
                item.errors.append(f"Ref: {item.ref} is used by another row of the {item.kind} sheet.")
            refs[item.kind][item.ref.lower()] = item.ref
    lookups = _Lookups(partnership)
    for item, row in zip(plan, rows, strict=True):
        if item.kind in REQUIRED and not item.skipped:
            READERS[item.kind](item, row.data, lookups, refs)
    return plan, file_errors


def _vision(item: PlanRow, data: dict, lookups, refs) -> None:
    item.label = values.text(data.get("item"))
    name = next((n for n, label in VISION_ITEMS if normalise(label) == normalise(item.label)), None)
    if name is None:
        item.errors.append(f"Item “{item.label}” is not one of {', '.join(label for _, label in VISION_ITEMS)}.")
    item.values = {"name": name, "text": values.text(data.get("text"))}
    item.verb = "Be written"


def _strand(item: PlanRow, data: dict, lookups, refs) -> None:
    item.label = values.text(data.get("name"))
    item.values = {"code": item.ref.lower(), "name": item.label, "description": values.text(data.get("description"))}
    if item.ref.lower() in lookups.strand_codes:
        item.verb = "Match the strand with this ref"
    if not re.fullmatch(r"[a-z0-9_-]{1,40}", item.ref.lower()):
        item.errors.append("Ref: a strand's ref is one word of up to 40 letters, digits or hyphens, such as pursue.")
    if not item.label:
        item.errors.append("Name: give the strand a name.")


def _objective(item: PlanRow, data: dict, lookups, refs) -> None:
    if not item.ref:
        item.errors.append("Ref: give the objective a ref, such as OBJ1 (other sheets link to it by this).")
    item.values["code"] = item.ref
    _objective_values(item, data, lookups, refs["Strands"])
    item.label = f"{item.ref} {item.values['title']}".strip()


def _entry(item: PlanRow, data: dict, lookups, refs) -> None:
    item.label = values.text(data.get("description"))
    objective = values.text(data.get("objective"))
    if not item.ref:
        item.errors.append("Ref: give the entry a ref, such as E1 (other entries link to it by this).")
    if objective.lower() not in refs["Objectives"]:
        item.errors.append(f"Objective: no objective on the Objectives sheet has the ref “{objective}”.")
    item.values = {"objective": refs["Objectives"].get(objective.lower()), "description": item.label,
                   "link_assumption": values.text(data.get("link_assumption"))}  # fmt: skip
    _read(item, "level", level, data)
    links_to = values.text(data.get("links_to"))
    item.values["links_to"] = refs["Results chain"].get(links_to.lower()) if links_to else None
    if links_to and not item.values["links_to"]:
        item.errors.append(f"Links to: no entry on the Results chain sheet has the ref “{links_to}”.")


def _assumption(item: PlanRow, data: dict, lookups, refs) -> None:
    item.label = values.text(data.get("statement"))
    item.values = {"statement": item.label, "note": values.text(data.get("status_note")),
                   "evidence_link": values.text(data.get("evidence_link"))}  # fmt: skip
    _read(item, "status", lambda v: _choice(v, AssumptionStatus.choices, "The status") if values.text(v)
          else AssumptionStatus.UNTESTED, data)  # fmt: skip
    _read(item, "status_date", values.date, data)
    item.values["on"] = item.values.pop("status_date", None)


def _risk(item: PlanRow, data: dict, lookups, refs) -> None:
    text = values.text
    item.label = text(data.get("risk"))
    item.values = {"title": item.label, "cause": text(data.get("cause")), "consequence": text(data.get("consequence")),
                   "mitigation": text(data.get("mitigation")), "likelihood": text(data.get("likelihood")),
                   "impact": text(data.get("impact"))}  # fmt: skip
    _read(item, "owner_organisation", lambda v: lookups.owner(text(v), lookups.organisations, "organisation"), data)
    _read(item, "review_date", values.date, data)
    _read(item, "status", lambda v: _choice(v, RiskStatus.choices, "The status") if text(v) else RiskStatus.OPEN, data)
    named = [s.strip() for s in re.split(r"[,;\n]", text(data.get("objectives"))) if s.strip()]
    unknown = [s for s in named if s.lower() not in refs["Objectives"]]
    if unknown:
        item.errors.append(f"Objectives: no objective on the Objectives sheet has the ref {', '.join(unknown)}.")
    item.values["objectives"] = [refs["Objectives"][s.lower()] for s in named if s.lower() in refs["Objectives"]]


READERS = {"Vision": _vision, "Strands": _strand, "Objectives": _objective, "Results chain": _entry,
           "Assumptions": _assumption, "Risks": _risk}  # fmt: skip
CHAIN_FIELDS = (("inputs", ChainLevel.INPUT), ("activities", ChainLevel.ACTIVITY), ("outputs", ChainLevel.OUTPUT),
                ("outcomes", ChainLevel.OUTCOME), ("impact", ChainLevel.IMPACT))  # fmt: skip


def _own_layout(data: dict) -> dict:
    """A table of results (a funding agreement's "Desired outcomes | Key performance indicators | Output
    goals") names no objective: each row's first outcome, else its highest level, is its title, and its
    measures go under its description until they are set up as indicators."""
    data = dict(data)
    if not values.text(data.get("title")):
        for name, _ in reversed(CHAIN_FIELDS):
            if first := lines(data.get(name)):
                data["title"] = first[0][: Objective._meta.get_field("title").max_length]
                break
    measures = lines(data.get("measures"))
    if measures:
        listed = "\n".join(f"- {m}" for m in measures)
        data["description"] = "\n\n".join(
            part for part in (values.text(data.get("description")), f"Key performance indicators:\n{listed}") if part
        )
    return data


def read_objectives(partnership: Partnership, rows: list[MappedRow]) -> list[PlanRow]:
    """A partnership's own table of objectives: one objective per row, its chain listed in cells by level."""
    lookups = _Lookups(partnership)
    taken = {c.lower() for c in scoped(partnership, Objective).values_list("code", flat=True)}
    plan, seen = [], set()
    for row in rows:
        item = PlanRow(where=row.where, kind="Objectives", ref=values.text(row.data.get("ref")))
        _objective_values(item, _own_layout(row.data), lookups, {})
        if item.ref.lower() in taken:
            item.errors.append(f"Ref: the partnership already has an objective {item.ref}; give this one another ref.")
        elif item.ref and item.ref.lower() in seen:
            item.errors.append(f"Ref: {item.ref} is used by another row of this file.")
        seen.add(item.ref.lower())
        item.values["code"] = item.ref
        item.entries = [(lvl.value, line[:300]) for name, lvl in CHAIN_FIELDS for line in lines(row.data.get(name))]
        item.label = item.values["title"]
        if item.entries:
            count = len(item.entries)
            item.verb = f"Be added with {count} results-chain entr{'y' if count == 1 else 'ies'}"
        plan.append(item)
    return plan


def plan_contents(partnership: Partnership) -> list[str]:
    """What the partnership's plan already holds, in words ("3 objectives"); empty when there is no plan yet."""
    counts = (
        ("objective", "objectives", scoped(partnership, Objective).count()),
        ("results-chain entry", "results-chain entries", scoped(partnership, ResultsChainEntry).count()),
        ("assumption", "assumptions", scoped(partnership, Assumption).count()),
        ("risk", "risks", scoped(partnership, Risk).count()),
    )
    found = [f"{n} {one if n == 1 else many}" for one, many, n in counts if n]
    statement = scoped(partnership, PlanStatement).first()
    if statement and (statement.vision or statement.mission or statement.theory_of_change):
        found.insert(0, "a vision")
    return found
