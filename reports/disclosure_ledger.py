"""The disclosure ledger: what outputs for publication printed, so that a later one respects it.

Each output that leaves the partnership is protected on its own by the interval audit
(:mod:`aspm.disclosure.audit`). But a reader may keep them all: the quarterly report for publication
of Q1, the figures spreadsheet printed in the autumn, the annual report in the spring. If the annual
report hid a Q1 count as a complementary "[c]" that the Q1 report had printed, a reader with both
could add it back and work out the count the annual report hides. So:

* while an output for publication is made, the counts it prints are collected
  (:func:`collecting`, :func:`note`), each with what its printed text tells (a range);
* when the output is finished (the report's version archived, the spreadsheet sent), they are
  recorded in :class:`reports.models.PublishedFigure` (:func:`record`);
* the next output of the same year reads them (:func:`earlier_for`) and protects its counts together
  with everything printed before (:mod:`reports.count_protection`).

A figure revised since it was printed has another true value: what was printed then tells nothing
sure about it now, so it is matched by key *and* value.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from aspm.disclosure.audit import SECONDARY, SHOWN, SMALL, Cell, Earlier, bounds
from aspm.disclosure.policy import Policy
from partnerships import audit
from partnerships.access import scoped

from .models import PublishedFigure

_printed: ContextVar[list | None] = ContextVar("published_figures", default=None)


@dataclass(frozen=True)
class Printed:
    indicator_id: int
    year_start: date
    key: str
    value: int
    low: int
    high: int | None  # None: no upper bound
    hidden: bool
    text: str = ""  # as printed (kept while collecting, for checks; the ledger keeps the range)


@contextmanager
def collecting() -> Iterator[list[Printed]]:
    """Collect the counts printed by the output made inside the block."""
    token = _printed.set([])
    try:
        yield _printed.get()
    finally:
        _printed.reset(token)


def note(indicator_id: int, year_start: date, cells: dict[str, Cell], policy: Policy | None) -> None:
    """The counts of one indicator and year that the output being made prints (when collecting)."""
    printed = _printed.get()
    if printed is None or policy is None:
        return
    for key, cell in cells.items():
        if cell.value is None:
            continue
        state = SMALL if cell.reason == SMALL else SECONDARY if cell.suppressed else SHOWN
        low, high = bounds(cell.value, state, policy)
        printed.append(
            Printed(
                indicator_id=indicator_id,
                year_start=year_start,
                key=key,
                value=cell.value,
                low=int(low),
                high=None if math.isinf(high) else int(high),
                hidden=cell.suppressed,
                text=cell.text,
            )
        )


Told = dict[str, dict[int, Earlier]]  # key -> true value -> what the outputs told


def earlier_for(partnership, year_start: date) -> dict[int, Told]:
    """Indicator id -> what earlier outputs for publication printed of its figures in that year. One query."""
    told: dict[int, Told] = defaultdict(lambda: defaultdict(dict))
    rows = scoped(partnership, PublishedFigure).filter(year_start=year_start)
    for indicator_id, key, value, low, high, hidden in rows.values_list(
        "indicator_id", "key", "value", "low", "high", "hidden"
    ):
        told[indicator_id][key][value] = Earlier(float(low), math.inf if high is None else float(high), hidden)
    return told


def record(*, partnership, printed: list[Printed], output: str, actor=None) -> int:
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
