"""The plan on the one import pipeline (aspm.imports): two kinds, each its fields and its writer.

* ``plan``: ASPM's plan workbook (:mod:`.plan_workbook`), every sheet, into a partnership with no plan
  yet (a partnership that has one is told what it holds, and nothing is written);
* ``objectives``: a partnership's own table of objectives, one per row with its activities, outputs,
  outcomes and impact, added beside the objectives the plan already has.
"""

from __future__ import annotations

from django.urls import reverse

from aspm.errors import ConflictError, in_words
from aspm.imports import values
from aspm.imports.flow import ImportKind, Outcome, PreviewRow
from aspm.imports.mapping import Field
from aspm.imports.registry import Registered

from .plan_reading import plan_contents, read_objectives, read_workbook
from .plan_workbook import SHEETS
from .services.plan_import import plan_import

ALIASES = {
    "ref": ("reference", "code", "id", "no", "number"),
    "title": ("objective title", "name of objective"),
    "links_to": ("leads to", "link to", "contributes to"),
    "risk": ("risk title", "risk description"),
    "owner_organisation": ("owner", "lead organisation", "lead"),
    "text": ("statement", "wording"),
}


def _plan_fields() -> list[Field]:
    seen: dict[str, Field] = {}
    for columns in SHEETS.values():
        for name, heading in columns:
            if name not in seen:
                seen[name] = Field(name=name, label=heading, aliases=ALIASES.get(name, ()))
    return list(seen.values())


CHAIN_HELP = "One per line (bullets are dropped): each becomes a results-chain entry."
OBJECTIVE_FIELDS = [
    Field("ref", "Ref", aliases=("code", "reference", "no", "number", "objective code"),
          help="Blank: ASPM numbers the objective (OBJ1, OBJ2…)."),
    Field("title", "Objective", False, ("objective", "objectives", "strategic objective", "strategic objectives",
                                        "aim", "goal", "title"),
          help="Blank or not in the file: the objective takes its first outcome (else output…) as its title."),
    Field("description", "Description", aliases=("detail", "details")),
    Field("strand", "Strand", aliases=("strand", "4p", "4 p", "4ps", "theme", "pillar"),
          help="Its ref or its name, in any case: Pursue, prevent…", once=True),
    Field("inputs", "Inputs", aliases=("input", "resources"), help=CHAIN_HELP),
    Field("activities", "Activities", aliases=("activity", "actions", "action", "what we will do"), help=CHAIN_HELP),
    Field("outputs", "Outputs", aliases=("output", "deliverables", "output goals", "planned outputs"), help=CHAIN_HELP),
    Field("outcomes", "Outcomes", aliases=("outcome", "outputs and outcomes", "results", "desired outcomes",
                                           "outcome goals"), help=CHAIN_HELP),
    Field("impact", "Impact", aliases=("impacts", "long term change"), help=CHAIN_HELP),
    Field("measures", "Key performance indicators", aliases=("kpis", "kpi", "key performance indicators",
                                                             "performance indicators", "indicators", "measures"),
          help="Kept under the objective's description, one per line, for setting up as indicators."),
    Field("owner_organisation", "Owner organisation", aliases=("owner", "lead", "lead organisation", "lead agency"),
          once=True),
    Field("owner_subgroup", "Owner sub-group", aliases=("sub group", "subgroup", "working group"), once=True),
    Field("start_date", "Start date", aliases=("start", "from")),
    Field("end_date", "End date", aliases=("end", "deadline", "by when", "timescale")),
    Field("priority", "Priority", help="High, medium or low (medium when blank)."),
    Field("vision_link", "How it serves the vision", aliases=("relevance", "link to vision")),
]  # fmt: skip


def _outcome(plan, file_errors, written: bool) -> Outcome:
    return Outcome(
        rows=[
            PreviewRow(
                where=p.where,
                label=p.label,
                verb=p.verb,
                errors=p.errors,
            )
            for p in plan
        ],
        file_errors=file_errors,
        written=written,
    )


def _run(whole_plan: bool):
    def run(*, actor, partnership, rows, dry_run) -> Outcome:
        if whole_plan:
            plan, file_errors = read_workbook(partnership, rows)
        else:
            plan, file_errors = read_objectives(partnership, rows), []
        written = False
        if not file_errors:
            try:
                written = plan_import(
                    actor=actor, partnership=partnership, rows=plan, dry_run=dry_run, whole_plan=whole_plan
                )
            except ConflictError as error:
                file_errors.append(in_words(error))
        return _outcome(plan, file_errors, written and not dry_run)

    return run


def _slug(partnership) -> dict:
    return {"slug": partnership.slug}


def _plan_context(partnership) -> dict:
    slug = _slug(partnership)
    there = plan_contents(partnership)
    notice = (
        (
            "warning",
            f"This partnership already has a plan ({', '.join(there)}). A plan workbook goes only into a "
            "partnership with no plan yet, so it would be refused with nothing written. To add objectives to "
            "this plan, import a table of objectives instead.",
        )
        if there
        else ("info", "This partnership has no plan yet, so a whole plan workbook can go in.")
    )
    return {
        "breadcrumb": ("Vision and theory of change", reverse("strategy:plan", kwargs=_slug(partnership))),
        "intro": "The plan workbook has a sheet for each part of the plan: Vision, Strands, Objectives, Results "
        "chain, Assumptions, Risks and the LogFrame. Rows link to one another by their Ref column. A plan "
        "workbook goes only into a partnership whose plan is empty (no vision, objectives, results chain, "
        "assumptions or risks): strands with the same ref are renamed to match the workbook, others are added. "
        "The LogFrame sheet is not read: it is worked out again from the results chain and the risks.",
        "notice": notice,
        "links": [
            ("Download this partnership's plan workbook (.xlsx)", reverse("strategy:plan_xlsx", kwargs=slug)),
            ("Import a table of objectives instead", reverse("strategy:objectives_import", kwargs=slug)),
        ],
    }


def _objectives_context(partnership) -> dict:
    return {
        "breadcrumb": ("Objectives", reverse("strategy:objectives", kwargs=_slug(partnership))),
        "notice": (
            "info",
            "Each objective in the file is added beside those the plan already has; none of those is changed.",
        ),
        "intro": "Your own table of objectives, one objective per row, with its own headings. Cells listing "
        "activities, outputs, outcomes or impact (one per line) become its "
        "results chain, each entry linked to the first entry of the level above. Strands, organisations and "
        f"sub-groups are named as they are in ASPM. Dates may be written {values.DATE_FORMS}.",
        "links": [("Import a whole plan workbook instead", reverse("strategy:plan_import", kwargs=_slug(partnership)))],
    }


PLAN = ImportKind(
    key="plan",
    noun="the plan",
    fields=_plan_fields(),
    run=_run(whole_plan=True),
    done_url=lambda partnership: reverse("strategy:plan", kwargs=_slug(partnership)),
    extra_context=_plan_context,
)
OBJECTIVES = ImportKind(
    key="objectives",
    noun="objectives",
    fields=OBJECTIVE_FIELDS,
    run=_run(whole_plan=False),
    done_url=lambda partnership: reverse("strategy:objectives", kwargs=_slug(partnership)),
    extra_context=_objectives_context,
)
REGISTERED_PLAN = Registered("plan", "strategy:plan_import", lambda partnership: PLAN)
REGISTERED_OBJECTIVES = Registered("objectives", "strategy:objectives_import", lambda partnership: OBJECTIVES)
