"""The disclosure ledger: what outputs for publication printed, so that a later one respects it.

Each output that leaves the partnership is protected on its own by the interval audit
(:mod:`aspm.disclosure.audit`). But a reader may keep them all: the quarterly report for publication
of Q1, the figures spreadsheet printed in the autumn, the annual report in the spring. If the annual
report hid a Q1 count as a complementary "[c]" that the Q1 report had printed, a reader with both
could add it back and work out the count the annual report hides. So:

* while an output for publication is made, the counts it prints are collected
  (:func:`collecting`, :func:`note`), each with what its printed text tells (a range);
* when the output is finished (the report's version archived, the spreadsheet sent), they are
  recorded in :class:`reports.models.PublishedFigure` (:func:`reports.services.ledger.ledger_record`);
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

from aspm.disclosure.audit import SECONDARY, SHOWN, SMALL, Cell, Earlier, bounds
from aspm.disclosure.policy import Policy
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
