"""The results table (indicators x periods) and the progress dashboard."""

from __future__ import annotations

from types import SimpleNamespace

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from aspm import data_version
from aspm.links import address_by_id
from partnerships.access import Perm
from partnerships.decorators import partnership_view

from ...models import IndicatorType
from .. import charts, progress, selectors
from ..finality import period_finality
from .indicators import results_filter


def _table(request):
    years = selectors.financial_years(request.partnership)
    year = selectors.current_year(request.partnership, years, request.GET.get("year", ""))
    f = results_filter(request)
    return selectors.results_table(request.partnership, f, year=year), years, f


def _finality(request, table) -> dict:
    """Whether the table's quarters and year are final or provisional, and as at when (one query, when a
    quarter is locked: its returns)."""
    if table.year is None:
        return {}
    finality = period_finality(request.partnership, [*table.periods, table.year], quarters_included=True)
    return {
        "finality": finality,
        "figures_status": finality.summary([table.year]),
        "columns": [(p, finality.state(p), finality.label(p)) for p in table.periods],
    }


def _results_context(request) -> dict:
    """What the results page shows, small enough to keep in the cache: the rows as their HTML, and of
    the table and its finality only what the template reads (not every figure behind them)."""
    table, years, f = _table(request)
    finality = _finality(request, table)
    finality.pop("finality", None)
    return {
        "table": SimpleNamespace(year=table.year, tolerance=table.tolerance, rows=bool(table.rows)),
        "rows_html": table.rows_html(address_by_id("indicators:detail", slug=request.partnership.slug)),
        "years": years,
        "filters": f,
        "types": IndicatorType.choices,
        **selectors.filter_choices(request.partnership),
        **finality,
    }


@partnership_view(need=Perm.VIEW)
def results(request: HttpRequest) -> HttpResponse:
    f = results_filter(request)
    if f.text:  # a search: computed each time, so that free text cannot fill the cache
        context = _results_context(request)
    else:  # the same for every member: kept until the partnership's data changes (or the day does)
        context = data_version.cached(
            request.partnership,
            "results-table",
            lambda: _results_context(request),
            parts=[request.GET.get("year", ""), f, timezone.localdate()],
        )
    return render(request, "indicators/results.html", {**context, "print_view": request.GET.get("print") == "1"})


LIST_LIMIT = 10  # indicators named under "Off track" and "At risk"; the results table has them all


@partnership_view(need=Perm.VIEW)
def dashboard(request: HttpRequest) -> HttpResponse:
    table, years, f = _table(request)
    groups = selectors.status_by_strand(table)
    off = [r for r in table.rows if r.ytd.status == progress.Status.OFF_TRACK]
    risk = [r for r in table.rows if r.ytd.status == progress.Status.AT_RISK]
    context = {
        "table": table,
        "years": years,
        "counts": table.status_counts(),
        "chart": charts.status_by_strand(groups),
        # The first ten of each, with a count of the rest and the way to them (the results table)
        "off_track": off[:LIST_LIMIT],
        "off_track_more": len(off) - len(off[:LIST_LIMIT]),
        "at_risk": risk[:LIST_LIMIT],
        "at_risk_more": len(risk) - len(risk[:LIST_LIMIT]),
        "status_labels": dict(progress.Status.choices),
        **_finality(request, table),
    }
    return render(request, "indicators/dashboard.html", context)
