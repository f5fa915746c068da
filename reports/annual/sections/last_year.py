"""The previous financial year as the report compares with it: its results table, worked out by
measurement's ``results_table`` (the same function, rules and targets as this year's, as at the last
day of that year) and the action plan's RAG counts at its last day (``counts_at``). Read once per
report and shared by "At a glance" and "Year on year": six queries when the year is set up, two when
it is not."""

from __future__ import annotations

from actionplans import selectors as actions
from indicators.measurement import selectors as measurement
from indicators.models import PeriodKind, ReportingPeriod
from partnerships.access import scoped

from ..years import year_starting
from .base import ReportContext


def previous_year(ctx: ReportContext) -> dict:
    """``year`` (a FinancialYear), ``table`` (its results table, None when the year has no periods)
    and ``rag`` (action counts by RAG status at its last day, None when the plan had no action)."""
    if "previous_year" not in ctx.notes:
        last = year_starting(ctx.partnership, ctx.year.start.year - 1)
        period = scoped(ctx.partnership, ReportingPeriod).filter(kind=PeriodKind.YEAR, start=last.start).first()
        table = measurement.results_table(ctx.partnership, year=period, today=last.end) if period else None
        rag = actions.counts_at(ctx.partnership, [last.end])[0]
        ctx.notes["previous_year"] = {"year": last, "table": table, "rag": rag if sum(rag.values()) else None}
    return ctx.notes["previous_year"]
