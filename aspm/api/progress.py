"""Progress of a page of indicators for the API: status, actual and target for the current quarter
and the year to date, by the rules of ``indicators.measurement.progress`` (the results page's).

Four queries for a whole page, whatever its size: the partnership's tolerance, its financial
years, the periods of the current one, and the figure totals of the page's indicators; plus one
for the targets (``targets_of``), which the indicators' own ``targets`` show too. Months count in
their quarter and a whole-year figure stands as the year to date, as on the results page
(``indicators.measurement.year_figures``).

Each answer says the date its figures are as at (``as_at``) and whether each period is final or
provisional (``indicators.measurement.finality``): one more query, once a quarter is locked. A quarter
that has not opened is "not_open" and nothing is computed for it.
"""

from __future__ import annotations

from datetime import date

from django.db.models import F
from django.utils import timezone

from indicators.measurement import finality, progress
from indicators.measurement.selectors import current_year, financial_years, tolerance_of
from indicators.measurement.year_figures import Value, YearFigures
from indicators.models import Target
from partnerships.access import scoped


def _cell(indicator, value: Value, tolerance, period=None, *, state: str = "") -> dict:
    actual, target, combined = value.actual, value.target, value.combined
    status = progress.status_of(indicator, actual, target, tolerance)
    cell = {"status": str(status), "status_label": str(progress.Status(status).label)}
    cell.update({"actual": actual, "target": target, "numerator": combined.numerator})
    cell.update({"denominator": combined.denominator, "combinable": combined.combinable, "note": combined.note})
    if period is not None:
        cell = {"period": period.pk, "period_label": period.label, **cell}
    cell.update(_finality(state))
    return cell


def _finality(state: str) -> dict:
    return {
        "finality": str(state),
        "final": state == finality.State.FINAL,
        "provisional": state != finality.State.FINAL,
    }


def targets_of(partnership, indicators: list) -> dict[int, list[dict]]:
    """Indicator id -> its targets ``{"period", "period_label", "value"}`` in period order (the whole
    plan's, with a null period, first), in one query of plain values."""
    out: dict[int, list[dict]] = {i.pk: [] for i in indicators}
    rows = (
        scoped(partnership, Target)
        .filter(indicator_id__in=list(out))
        .order_by(F("period__start").asc(nulls_first=True), "id")
        .values_list("indicator_id", "period_id", "period__label", "value")
    )
    for indicator_id, period_id, label, value in rows:
        out[indicator_id].append({"period": period_id, "period_label": label, "value": value})
    return out


def progress_of(
    partnership, indicators: list, *, targets: dict[int, list[dict]], today: date | None = None
) -> dict[int, dict | None]:
    """Indicator id -> ``{"year", "year_label", "current_period", "year_to_date"}`` (None when the
    partnership has no financial year set up)."""
    if not indicators:
        return {}
    today = today or timezone.localdate()
    year = current_year(partnership, financial_years(partnership))
    if year is None:
        return {i.pk: None for i in indicators}
    tolerance = tolerance_of(partnership)
    by_period = {(i, t["period"]): t["value"] for i, ts in targets.items() for t in ts if t["period"]}
    figures = YearFigures(partnership, [i.pk for i in indicators], year, targets=by_period)
    quarters = figures.quarters
    begun = [q for q in quarters if q.start <= today]
    current = next((q for q in begun if q.end >= today), begun[-1] if begun else None)
    states = finality.period_finality(partnership, [*quarters, year], as_at=today, quarters_included=True)
    opened = [q for q in begun if states.is_open(q)]  # nothing is computed for a quarter not opened
    periods = [{"period": q.pk, "period_label": q.label, **_finality(states.state(q))} for q in [*quarters, year]]
    out = {}
    for indicator in indicators:
        values = {q.pk: figures.quarter(indicator, q) for q in opened}
        to_date = figures.year_to_date(indicator, [values[q.pk] for q in opened])
        now = None
        if current is not None:
            # a quarter not opened has its target, and nothing computed
            value = values.get(current.pk) or Value(target=figures.quarter(indicator, current).target)
            now = _cell(indicator, value, tolerance, current, state=states.state(current))
        out[indicator.pk] = {
            "year": year.pk,
            "year_label": year.label,
            "as_at": today,
            "current_period": now,
            "year_to_date": _cell(indicator, to_date, tolerance, state=states.state(year)),
            "periods": periods,
        }
    return out
