"""Changes made of several services that stand or fall together: what a page saves in one go, and
the API and imports can call the same way. Each runs its parts in one transaction."""

from __future__ import annotations

from django.db import transaction

from ...models import Figure, Indicator
from .figures import evidence_add, figure_record
from .indicators import indicator_update
from .targets import targets_set_many


def indicator_baseline_and_targets_set(
    *, actor, indicator: Indicator, baseline_value, baseline_date, baseline_span, targets: dict, reason: str = ""
) -> Indicator:
    """Save an indicator's baseline and its targets (``{period or None: value}``): all or nothing."""
    with transaction.atomic():
        indicator_update(
            actor=actor,
            indicator=indicator,
            baseline_value=baseline_value,
            baseline_date=baseline_date,
            baseline_span=baseline_span,
        )
        targets_set_many(actor=actor, indicator=indicator, values=targets, reason=reason)
    return indicator


def figure_record_with_evidence(*, actor, evidence=None, **figure) -> Figure:
    """Record a figure (the arguments of ``figure_record``) and attach its evidence file, if any: a
    refused file leaves no figure behind."""
    with transaction.atomic():
        recorded = figure_record(actor=actor, **figure)
        if evidence:
            evidence_add(actor=actor, figure=recorded, upload=evidence)
    return recorded
