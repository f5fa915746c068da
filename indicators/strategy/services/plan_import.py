"""Writing a plan read from a spreadsheet (:mod:`indicators.strategy.plan_reading`): all rows or none.

Every row goes through the service that writes that kind of thing by hand (strands, objectives, the
results chain, assumptions, risks, the vision), so it is checked and audited the same way; one more
audit event says that the plan was imported and how much. A dry run does the same writes and rolls
them back, so the preview shows the services' own refusals.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from aspm.errors import ConflictError
from partnerships import audit
from partnerships.access import scoped
from partnerships.models import Partnership

from ...models import Objective, ResultsChainEntry, Strand
from ..plan_reading import plan_contents
from .chain import chain_entry_create, chain_entry_update
from .objectives import objective_create, objective_set_specific
from .plan import assumption_create, plan_statement_update
from .risks import risk_create
from .strands import strand_create, strand_update


class _Rollback(Exception):
    pass


def _say(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [f"{name.replace('_', ' ').capitalize()}: {m}" if name != "__all__" else m
                for name, messages in error.message_dict.items() for m in messages]  # fmt: skip
    return list(error.messages)


def _try(row, call, *args, **kwargs):
    try:
        with transaction.atomic():
            return call(*args, **kwargs)
    except ValidationError as error:
        row.errors.extend(_say(error))
        return None


@transaction.atomic
def _lock(partnership: Partnership) -> None:
    type(partnership).objects.select_for_update().filter(pk=partnership.pk).order_by("pk").first()


def plan_import(*, actor, partnership: Partnership, rows: list, dry_run: bool, whole_plan: bool) -> bool:
    """Write the rows (``PlanRow``), all or none; return whether they were written.

    ``whole_plan``: the rows are a plan workbook, which goes only into a partnership with no plan yet
    (ConflictError otherwise, naming what is there). Otherwise the rows are objectives, added to the
    plan beside those it has. Each row's refusals are added to its ``errors``.
    """
    try:
        with transaction.atomic():
            _lock(partnership)
            if whole_plan:
                there = plan_contents(partnership)
                if there:
                    raise ConflictError(
                        f"This partnership already has a plan ({', '.join(there)}). A plan workbook is imported "
                        "only into a partnership with no plan yet, so nothing was imported. To add objectives to "
                        "this plan, use the objectives import."
                    )
            if any(r.errors for r in rows):
                raise _Rollback
            _write(actor, partnership, [r for r in rows if not r.skipped])
            if any(r.errors for r in rows):
                raise _Rollback
            audit.record(
                actor=actor,
                partnership=partnership,
                action="plan.import" if whole_plan else "plan.import_objectives",
                object_repr="Plan imported from a spreadsheet",
                object_type="indicators.planstatement",
                changes={"rows": len(rows)},
            )
            if dry_run:
                raise _Rollback
    except _Rollback:
        return False
    return True


def _write(actor, partnership: Partnership, rows: list) -> None:
    by_kind: dict[str, list] = {}
    for row in rows:
        by_kind.setdefault(row.kind, []).append(row)
    vision = by_kind.get("Vision", [])
    if vision:
        texts = {r.values["name"]: r.values["text"] for r in vision}
        _try(vision[0], plan_statement_update, actor=actor, partnership=partnership, **texts)
    strands = _strands(actor, partnership, by_kind.get("Strands", []))
    objectives = {}
    for row in by_kind.get("Objectives", []):
        objectives[row.ref.lower()] = _objective(actor, partnership, row, strands)
    _entries(actor, by_kind.get("Results chain", []), objectives)
    for row in by_kind.get("Assumptions", []):
        _try(row, assumption_create, actor=actor, partnership=partnership, **row.values)
    for row in by_kind.get("Risks", []):
        values = dict(row.values)
        linked = [objectives.get(ref.lower()) for ref in values.pop("objectives")]
        _try(row, risk_create, actor=actor, partnership=partnership, objectives=[o for o in linked if o], **values)


def _strands(actor, partnership: Partnership, rows: list) -> dict[str, Strand]:
    """The workbook's strands in its order: those the partnership has (same ref) updated, others added."""
    existing = {s.code.lower(): s for s in scoped(partnership, Strand)}
    for order, row in enumerate(rows, start=1):
        values = row.values
        strand = existing.get(values["code"])
        if strand is None:
            strand = _try(row, strand_create, actor=actor, partnership=partnership, order=order, **values)
        elif (strand.name, strand.description, strand.order) != (values["name"], values["description"], order):
            strand = _try(row, strand_update, actor=actor, strand=strand, name=values["name"],
                          description=values["description"], order=order)  # fmt: skip
        if strand is not None:
            existing[strand.code.lower()] = strand
    return existing


def _objective(actor, partnership: Partnership, row, strands: dict[str, Strand]) -> Objective | None:
    values = dict(row.values)
    specific = values.pop("specific_confirmed", False)
    code = values.get("strand")
    values["strand"] = strands.get(code.lower()) if code else None
    if code and values["strand"] is None:
        values["strand"] = scoped(partnership, Strand).filter(code=code).first()
    objective = _try(row, objective_create, actor=actor, partnership=partnership, **values)
    if objective is None:
        return None
    if specific:
        _try(row, objective_set_specific, actor=actor, objective=objective, confirmed=True)
    made: dict[int, ResultsChainEntry] = {}
    for level, description in sorted(row.entries, key=lambda e: -e[0]):
        made.setdefault(level, None)
        entry = _try(row, chain_entry_create, actor=actor, objective=objective, level=level, description=description,
                     leads_to=made.get(level + 1))  # fmt: skip
        if made[level] is None:
            made[level] = entry
    return objective


def _entries(actor, rows: list, objectives: dict[str, Objective]) -> None:
    """Top of the chain first, so each entry's link exists when it is made; a link that does not go
    up is then set through the update, whose refusal says why."""
    made: dict[str, ResultsChainEntry] = {}
    later = []
    for row in sorted(rows, key=lambda r: -r.values.get("level", 0)):
        values = row.values
        objective = objectives.get((values["objective"] or "").lower())
        if objective is None:
            row.errors.append("Objective: that objective could not be imported (see its row).")
            continue
        target = made.get((values["links_to"] or "").lower())
        entry = _try(row, chain_entry_create, actor=actor, objective=objective, level=values["level"],
                     description=values["description"], leads_to=target,
                     link_assumption=values["link_assumption"])  # fmt: skip
        if entry is not None:
            made[row.ref.lower()] = entry
            if values["links_to"] and target is None:
                later.append((row, entry))
    for row, entry in later:
        target = made.get(row.values["links_to"].lower())
        if target is not None:
            _try(row, chain_entry_update, actor=actor, entry=entry, description=entry.description, leads_to=target,
                 link_assumption=row.values["link_assumption"])  # fmt: skip
