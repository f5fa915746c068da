"""Results chain entries. A link goes from an entry to one entry exactly one level up, of the same
objective: no skipping levels, no going down, no loops, nothing of another partnership."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from partnerships import audit
from partnerships.access import check_same_partnership

from ...models import ChainLevel, Objective, ResultsChainEntry


def _check_link(entry_level: int, objective: Objective, leads_to: ResultsChainEntry | None, entry_pk=None) -> None:
    if leads_to is None:
        return
    try:
        check_same_partnership(objective.partnership, [leads_to])
    except ValidationError as error:
        raise ValidationError({"leads_to": "That entry belongs to another partnership."}) from error
    if leads_to.objective_id != objective.pk:
        raise ValidationError({"leads_to": "An entry can only lead to an entry of the same objective's chain."})
    # Walk up from the target: meeting this entry again would close a loop.
    seen, node = set(), leads_to
    while node is not None and entry_pk is not None:
        if node.pk == entry_pk or node.pk in seen:
            raise ValidationError({"leads_to": "This link would make a loop: the chain must only go upwards."})
        seen.add(node.pk)
        node = ResultsChainEntry.objects.filter(pk=node.leads_to_id).first() if node.leads_to_id else None
    if entry_level == ChainLevel.IMPACT:
        raise ValidationError({"leads_to": "Impact is the top of the chain: it does not lead to anything."})
    here, there, expected = (
        ChainLevel(entry_level).label,
        ChainLevel(leads_to.level).label,
        ChainLevel(entry_level + 1).label,
    )
    if leads_to.level <= entry_level:
        raise ValidationError(
            {"leads_to": f"A link must go up the chain: {here} leads to {expected}, not back to {there}."}
        )
    if leads_to.level != entry_level + 1:
        raise ValidationError(
            {"leads_to": f"A link cannot skip a level: {here} leads to {expected}, not straight to {there}."}
        )


def _check_level(level) -> int:
    try:
        return ChainLevel(int(level)).value
    except (TypeError, ValueError) as error:
        raise ValidationError({"level": "Choose input, activity, output, outcome or impact."}) from error


@transaction.atomic
def chain_entry_create(
    *,
    actor,
    objective: Objective,
    level: int,
    description: str,
    leads_to: ResultsChainEntry | None = None,
    link_assumption: str = "",
) -> ResultsChainEntry:
    level = _check_level(level)
    if not description.strip():
        raise ValidationError({"description": "Describe this entry in a few words."})
    Objective.objects.select_for_update().filter(pk=objective.pk).order_by(
        "pk"
    ).first()  # one writer per chain at a time
    _check_link(level, objective, leads_to)
    order = ResultsChainEntry.objects.filter(objective=objective, level=level).count() + 1
    return audit.create(
        actor=actor,
        obj=ResultsChainEntry(
            partnership=objective.partnership,
            objective=objective,
            level=level,
            description=description.strip(),
            leads_to=leads_to,
            link_assumption=link_assumption.strip() if leads_to else "",
            order=order,
        ),
    )


@transaction.atomic
def chain_entry_update(
    *,
    actor,
    entry: ResultsChainEntry,
    description: str,
    leads_to: ResultsChainEntry | None = None,
    link_assumption: str = "",
) -> ResultsChainEntry:
    if not description.strip():
        raise ValidationError({"description": "Describe this entry in a few words."})
    Objective.objects.select_for_update().filter(pk=entry.objective_id).order_by("pk").first()
    _check_link(entry.level, entry.objective, leads_to, entry_pk=entry.pk)
    return audit.update(
        actor=actor,
        obj=entry,
        values={
            "description": description.strip(),
            "leads_to": leads_to,
            "link_assumption": link_assumption.strip() if leads_to else "",
        },
    )


@transaction.atomic
def chain_entry_delete(*, actor, entry: ResultsChainEntry) -> None:
    """Entries below that led to this one keep their place; their link is cleared (and audited)."""
    for below in ResultsChainEntry.objects.filter(leads_to=entry):
        audit.update(actor=actor, obj=below, values={"leads_to": None, "link_assumption": ""})
    audit.delete(actor=actor, obj=entry)
