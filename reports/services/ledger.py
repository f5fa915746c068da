"""Recording what a finished output for publication printed (the disclosure ledger,
:mod:`reports.disclosure_ledger`, says why)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from partnerships import audit

from ..disclosure_ledger import Printed
from ..models import PublishedFigure


def ledger_record(*, partnership, printed: list[Printed], output: str, actor=None) -> int:
    """Add what one finished output printed to the ledger; a figure printed before keeps the
    narrowest range any output told of it. Returns how many figures were new. Call it inside the
    transaction that archives the output."""
    if not printed:
        return 0
    merged: dict[tuple, Printed] = {}
    for p in printed:  # one output may print a figure twice (a year in two tables): the same text
        k = (p.indicator_id, p.year_start, p.key, p.value)
        merged[k] = _narrower(merged[k], p) if k in merged else p
    with transaction.atomic():
        existing = {
            (f.indicator_id, f.year_start, f.key, f.value): f
            for f in PublishedFigure.objects.select_for_update().filter(
                partnership=partnership,
                year_start__in={p.year_start for p in merged.values()},
                indicator_id__in={p.indicator_id for p in merged.values()},
            )
        }
        new, changed = [], []
        for k, p in merged.items():
            row = existing.get(k)
            if row is None:
                new.append(
                    PublishedFigure(
                        partnership=partnership,
                        indicator_id=p.indicator_id,
                        year_start=p.year_start,
                        key=p.key,
                        value=p.value,
                        low=p.low,
                        high=p.high,
                        hidden=p.hidden,
                        first_output=output[:200],
                    )
                )
                continue
            low = max(row.low, p.low)
            high = p.high if row.high is None else row.high if p.high is None else min(row.high, p.high)
            hidden = row.hidden or p.hidden
            if (low, high, hidden) != (row.low, row.high, row.hidden):
                row.low, row.high, row.hidden, row.updated_at = low, high, hidden, timezone.now()
                changed.append(row)
        PublishedFigure.objects.bulk_create(new)
        PublishedFigure.objects.bulk_update(changed, ["low", "high", "hidden", "updated_at"])
        audit.record(
            actor=actor,
            partnership=partnership,
            action="publishedfigure.record",
            object_type="reports.publishedfigure",
            object_repr=f"Counts printed by {output}"[:255],
            changes={"printed": len(merged), "new": len(new), "narrowed": len(changed)},
        )
    return len(new)


def _narrower(a: Printed, b: Printed) -> Printed:
    high = a.high if b.high is None else b.high if a.high is None else min(a.high, b.high)
    return Printed(a.indicator_id, a.year_start, a.key, a.value, max(a.low, b.low), high, a.hidden or b.hidden, a.text)
