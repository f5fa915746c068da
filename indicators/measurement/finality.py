"""Provisional and final: whether a period's figures can still change, and the date they are as at.

A period is **final** when it is locked and every quarterly return for it is approved; a year is final
when it is locked and each of its quarters is final; a month when it is locked and its quarter's returns
are approved. A period that is open, or whose returns are outstanding, is **provisional**. A period
whose status is "not open yet", or that has not started by the date the figures are as at, is **not
open yet**: nothing is computed for it (see the results table and the health goals). A year or a
month opens with its first quarter, whether or not it was opened itself; one never opened on its own
is final once it has ended and all its quarters are final.

Every output says it (pages, the quarterly and annual reports, the API): ``period_finality`` answers
for a list of periods in at most two queries whatever their number — the quarters inside the years and
months asked about, and which quarters still have a return to approve.

Returns belong to the reports app; it answers which quarters have returns outstanding through the
``quarters_outstanding`` question of ``aspm.hooks``, so measurement imports nothing of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import models
from django.template.defaultfilters import date as date_filter
from django.utils import timezone

from aspm import hooks
from partnerships.access import scoped
from partnerships.models import Partnership

from ..models import PeriodKind, PeriodStatus, ReportingPeriod


class State(models.TextChoices):
    FINAL = "final", "Final"
    PROVISIONAL = "provisional", "Provisional"
    NOT_OPEN = "not_open", "Not open yet"


def as_at_text(as_at: date) -> str:
    return date_filter(as_at, "j F Y")


@dataclass(frozen=True)
class Finality:
    """The state of each period asked about, and the date the figures are as at."""

    as_at: date
    states: dict[int, str] = field(default_factory=dict)

    def state(self, period: ReportingPeriod | None) -> str:
        return self.states.get(period.pk, State.PROVISIONAL) if period is not None else State.PROVISIONAL

    def label(self, period: ReportingPeriod | None) -> str:
        return State(self.state(period)).label

    def is_final(self, period: ReportingPeriod | None) -> bool:
        return self.state(period) == State.FINAL

    def is_open(self, period: ReportingPeriod | None) -> bool:
        return self.state(period) != State.NOT_OPEN

    def all_final(self, periods: Iterable[ReportingPeriod]) -> bool:
        """True when every period that has opened is final (and at least one has)."""
        opened = [p for p in periods if self.is_open(p)]
        return bool(opened) and all(self.is_final(p) for p in opened)

    def summary(self, periods: Iterable[ReportingPeriod]) -> str:
        """What a page or report says of its figures: "Final figures" or
        "Provisional figures, as at 3 December 2026"."""
        if self.all_final(list(periods)):
            return "Final figures"
        return f"Provisional figures, as at {as_at_text(self.as_at)}"

    @property
    def as_at_text(self) -> str:
        return as_at_text(self.as_at)


def locked_or_followed(period: ReportingPeriod, as_at: date) -> bool:
    """A year (or month) is final with its quarters when it is locked, or when it was never opened on its
    own (most partnerships open and lock quarters only) and it has ended."""
    return period.status == PeriodStatus.LOCKED or (period.status == PeriodStatus.NOT_OPEN and period.end < as_at)


def not_open(period: ReportingPeriod, as_at: date) -> bool:
    """Not open yet: its status says so, or it has not started by ``as_at``. No query."""
    return period.status == PeriodStatus.NOT_OPEN or period.start > as_at


def period_finality(
    partnership: Partnership,
    periods: Iterable[ReportingPeriod | None],
    *,
    as_at: date | None = None,
    quarters_included: bool = False,
    outstanding: set[int] | None = None,
) -> Finality:
    """The finality of each of ``periods`` (quarters, months, years) as at ``as_at`` (today by default,
    or the date the data was gathered). At most two queries: the quarters inside the years and months
    asked about (none when only quarters are asked, or when ``quarters_included`` says the quarters of
    every year and month asked about are among ``periods``), and the quarters with returns outstanding
    (none when no quarter is locked, or when the caller, holding the returns already, gives
    ``outstanding``: the ids of the quarters with a return not approved)."""
    as_at = as_at or timezone.localdate()
    asked = [p for p in periods if p is not None]
    if not asked:
        return Finality(as_at=as_at)
    quarters = {p.pk: p for p in asked if p.kind == PeriodKind.QUARTER}
    wider = [p for p in asked if p.kind != PeriodKind.QUARTER]
    if wider and not quarters_included:
        start, end = min(p.start for p in wider), max(p.end for p in wider)
        for q in scoped(partnership, ReportingPeriod).filter(kind=PeriodKind.QUARTER, start__lte=end, end__gte=start):
            quarters.setdefault(q.pk, q)
    candidates = [pk for pk, q in quarters.items() if q.status == PeriodStatus.LOCKED]
    if outstanding is None and candidates:
        outstanding = set()
        for answer in hooks.answers("quarters_outstanding", partnership=partnership, quarter_ids=candidates):
            outstanding |= answer

    outstanding = outstanding or set()

    def quarter_state(q: ReportingPeriod) -> str:
        if not_open(q, as_at):
            return State.NOT_OPEN
        if q.status == PeriodStatus.LOCKED and q.pk not in outstanding:
            return State.FINAL
        return State.PROVISIONAL

    states: dict[int, str] = {}
    for period in asked:
        if period.kind == PeriodKind.QUARTER:
            states[period.pk] = quarter_state(period)
            continue
        inside = [
            q
            for q in quarters.values()
            # a year's quarters; a month's own quarter
            if (q.start >= period.start and q.end <= period.end) or (q.start <= period.start and q.end >= period.end)
        ]
        # A year (or month) opens with its first quarter, whether or not it was opened itself.
        opened = period.status != PeriodStatus.NOT_OPEN or any(q.status != PeriodStatus.NOT_OPEN for q in inside)
        if period.start > as_at or not opened:
            states[period.pk] = State.NOT_OPEN
        elif locked_or_followed(period, as_at) and inside and all(quarter_state(q) == State.FINAL for q in inside):
            states[period.pk] = State.FINAL
        else:
            states[period.pk] = State.PROVISIONAL
    return Finality(as_at=as_at, states=states)
