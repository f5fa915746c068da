"""The action plan import on the one pipeline (aspm.imports): its fields and its writer."""

from __future__ import annotations

from django.urls import reverse

from aspm.imports import values
from aspm.imports.flow import ImportKind, Outcome, PreviewRow
from aspm.imports.mapping import Field
from aspm.imports.registry import Registered

from .resources import HEADERS, import_actions

# What people write in a RAG column, beyond ASPM's own words ("Blue" is the usual colour for done).
STATUS_WORDS = {
    "g": "green", "a": "amber", "r": "red", "b": "complete", "blue": "complete", "completed": "complete",
    "done": "complete", "closed": "complete", "achieved": "complete", "on track": "green",
    "behind": "amber", "at risk": "amber", "not started": "red",
}  # fmt: skip


def status(value) -> str:
    raw = values.text(value).lower()
    return STATUS_WORDS.get(raw, raw)


FIELDS = [
    Field("id", "ASPM action id", help="Only in a file exported from ASPM: the row updates that action."),
    Field("title", "What will be done", True, ("action", "actions", "title", "description", "activity", "task")),
    Field("objective", "Objective code", aliases=("objective", "objective code", "aim")),
    Field("strand", "Strand (code or name)", aliases=("strand", "theme", "pillar", "4p", "4 p"), once=True),
    Field("subgroup", "Sub-group", aliases=("sub group", "subgroup", "group", "working group"), once=True),
    Field(
        "owner_organisation",
        "Owner organisation",
        True,
        ("owner", "lead", "lead organisation", "lead agency", "responsible", "organisation", "agency", "who"),
        once=True,
    ),
    Field("owner_email", "Owner's email", aliases=("email", "owner email", "lead email", "contact email")),
    Field(
        "start_date",
        "Start date",
        aliases=("start", "from", "start date"),
        help=f"A date: {values.DATE_FORMS}.",
        reader=values.date,
    ),
    Field(
        "due_date",
        "Due date",
        True,
        ("timescale", "deadline", "due", "by when", "target date", "completion date", "end date", "when"),
        help=f"A date: {values.DATE_FORMS}. A month alone (March 2017) means its last day.",
        reader=values.date,
    ),
    Field("output", "Output", aliases=("outputs", "deliverable")),
    Field("indicator", "Indicator code", aliases=("indicator", "measure")),
    Field("priority", "Priority", aliases=("priority",)),
    Field(
        "status",
        "RAG status",
        aliases=("rag status", "rag", "status", "progress rag"),
        help="Red, Amber, Green or Complete; also R, A, G, Blue and Completed.",
        reader=status,
    ),
    Field("note", "Note", aliases=("notes", "comments", "comment", "update", "progress", "progress update")),
]


def run(*, actor, partnership, rows, dry_run) -> Outcome:
    import tablib

    dataset = tablib.Dataset(headers=HEADERS)
    for row in rows:
        dataset.append([row.data.get(h, "") for h in HEADERS])
    result = import_actions(
        actor=actor, partnership=partnership, dataset=dataset, lines=[r.where for r in rows], dry_run=dry_run
    )
    verbs = {"add": "Be added", "update": "Be updated"}
    return Outcome(
        rows=[
            PreviewRow(where=r["line"], label=r["title"], verb=verbs.get(r["verb"], ""), errors=r["errors"])
            for r in result.rows
        ],  # fmt: skip
        written=result.written,
    )


def _context(partnership) -> dict:
    plan = reverse("actions:plan", kwargs={"slug": partnership.slug})
    return {
        "breadcrumb": ("Action plan", plan),
        "intro": "A row with an ASPM action id updates that action; any other row adds one. Objectives and "
        "strands are named by code (or the strand by its name), sub-groups and organisations by name, owners by email.",
        "links": [
            (
                "Export the plan (.xlsx) to start from",
                reverse("actions:export", kwargs={"slug": partnership.slug}) + "?format=xlsx",
            )
        ],
    }


ACTIONS = ImportKind(
    key="actions",
    noun="actions",
    fields=FIELDS,
    run=run,
    done_url=lambda partnership: reverse("actions:plan", kwargs={"slug": partnership.slug}),
    extra_context=_context,
)
REGISTERED = Registered("actions", "actions:import", lambda partnership: ACTIONS)
