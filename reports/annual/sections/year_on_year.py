"""Year on year: every indicator beside the previous financial year, and the action plan at the two
year ends.

Both years' figures come from measurement's ``results_table`` (the indicator's declared rule, its
targets for the quarters reported, the same status rule): this year's as the indicators section
printed them, last year's from the same function as at that year's last day (``last_year``). So an
indicator is compared with itself under one rule. An indicator with no figure in a year says so.

In a version for publication a count goes through the same protection as the indicators section
(``protect_count``, with what earlier outputs printed of that year): last year's total is hidden
exactly when last year's report would hide it, and a hidden total has no status and no change. What is
printed of last year is recorded in the disclosure ledger under last year, like any figure of it.

The action plan is compared by its RAG counts at the two year ends (or this year's report date), read
back from the actions' status history, with the year's movement (added, completed, dropped) that
explains the difference.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from actionplans.models import RagStatus
from aspm.formatting import DEFAULT_DECIMALS, MONEY, PERCENTAGE, format_value
from indicators.measurement.progress import Status
from indicators.models import Rollup

from ... import disclosure_ledger
from ...count_protection import protect_count, whole
from .. import svg
from .base import ReportContext, Section, gathered
from .last_year import previous_year
from .results import WITHHELD, WITHHELD_LABEL, _actual

NO_FIGURE = "no figure"
# Better or worse: a status nearer the top is better; "no target" and "no data" are not compared.
RANK = {Status.ON_TRACK: 0, Status.AT_RISK: 1, Status.OFF_TRACK: 2}
CHANGE_UNITS = ("count", MONEY, PERCENTAGE, "score")
# Up to this many indicators, a panel each; a county's 300 would add some 35 pages of charts and a
# quarter of the report's layout time (bench/annual_report.py), so beyond it the tables stand alone.
CHART_LIMIT = 100


def _last_row(ctx: ReportContext, row, earlier: dict, year_start) -> dict:
    """Last year's figure of one indicator (a row of last year's results table), as this report prints it."""
    indicator = row.indicator
    status, label = row.ytd.status, Status(row.ytd.status).label
    if row.ytd.actual is None and row.ytd.combined.combinable:
        return {"text": NO_FIGURE, "value": None, "status": Status.NO_DATA, "status_label": label}
    if indicator.unit == "count":
        protected = protect_count(ctx.disclosure, row, {}, earlier=earlier.get(indicator.pk))
        year = protected["year"]
        # only the year's total is printed here: the ledger records that figure alone
        printed = {key: cell for key, cell in protected["printed"].items() if not key.startswith("q")}
        disclosure_ledger.note(indicator.pk, year_start, printed, ctx.disclosure)
        if year.suppressed:
            status, label = WITHHELD, WITHHELD_LABEL
        return {"text": year.text, "value": year.chart_value, "status": status, "status_label": label}
    return {"text": _actual(indicator, row.ytd), "value": row.ytd.actual, "status": status, "status_label": label}


def _change(ctx: ReportContext, indicator, this, last) -> str:
    """The change in the actual figure in words ("up 12", "down 3.5 points"), worked out from the two
    figures as printed (rounded to the indicator's precision), where both are printed and measure the
    same span: a flow's year so far is not set against a whole year."""
    unit = indicator.combined_unit
    if this is None or last is None or unit not in CHANGE_UNITS:
        return "–"
    if ctx.in_year and indicator.rule == Rollup.FLOW:
        return "–"
    places = indicator.decimals if indicator.decimals is not None else DEFAULT_DECIMALS.get(unit, 2)
    step = Decimal(1).scaleb(-places)
    diff = Decimal(this).quantize(step, ROUND_HALF_UP) - Decimal(last).quantize(step, ROUND_HALF_UP)
    if diff == 0:
        return "no change"
    if unit == PERCENTAGE:  # a difference of percentages is in points, not per cent
        amount = format_value(abs(diff), "score", decimals=places) + " points"
    else:  # money keeps its own rule: pence only when the amount is not whole
        amount = format_value(abs(diff), unit, decimals=None if unit == MONEY else places)
    return f"{'up' if diff > 0 else 'down'} {amount}"


def _movement(this: str, last: str) -> str:
    if this not in RANK or last not in RANK:
        return "–"
    return "better" if RANK[this] < RANK[last] else "worse" if RANK[this] > RANK[last] else "same"


def _baseline_value(ctx: ReportContext, indicator):
    """The baseline as the chart may draw it: a count's baseline hidden by the small-count rule is not drawn."""
    value = indicator.baseline_value
    if value is None or indicator.unit != "count":
        return value
    return ctx.count(whole(value)).chart_value if ctx.disclosure else value


def _gather(ctx: ReportContext) -> dict:
    """No query of its own beyond the previous year's (shared with "At a glance") and, for publication,
    what earlier outputs printed of that year (the ledger: one)."""
    indicators = gathered(ctx, "indicators", "reports.annual.sections.results.INDICATORS")
    plan = gathered(ctx, "actions", "reports.annual.sections.delivery.ACTION_PLAN")
    last = previous_year(ctx)
    table = last["table"]
    last_rows = {r.indicator.pk: r for r in table.rows} if table is not None else {}
    earlier = disclosure_ledger.earlier_for(ctx.partnership, last["year"].start) if ctx.disclosure and table else {}
    groups = []
    moved = defaultdict(int)
    compared = 0
    for strand, items in indicators.get("groups", []):
        rows = []
        for item in items:
            indicator = item["indicator"]
            row = last_rows.get(indicator.pk)
            before = (
                _last_row(ctx, row, earlier, last["year"].start)
                if row is not None
                else {"text": NO_FIGURE, "value": None, "status": Status.NO_DATA, "status_label": Status.NO_DATA.label}
            )
            this_text = NO_FIGURE if item["year_actual"] == "–" else item["year_actual"]
            last_target = row.ytd.target if row is not None else None
            movement = _movement(item["status"], before["status"])
            moved[movement] += 1
            compared += before["value"] is not None or before["status"] == WITHHELD
            rows.append(
                {
                    "indicator": indicator,
                    "baseline": item["baseline"],
                    "last": before,
                    "last_target": format_value(last_target, indicator.unit, decimals=indicator.decimals),
                    "this": this_text,
                    "this_target": item["ytd_target"],
                    "status": item["status"],
                    "status_label": item["status_label"],
                    "movement": movement,
                    "change": _change(ctx, indicator, item.get("year_value"), before["value"]),
                    "chart": None
                    if indicator.unit in ("text", "yes_no")
                    else {
                        "code": indicator.code,
                        "unit": indicator.combined_unit,
                        "decimals": indicator.decimals,
                        "baseline": _baseline_value(ctx, indicator),
                        "years": [
                            (last["year"].label, before["value"], last_target, before["text"]),
                            (ctx.year.label, item.get("year_value"), item.get("ytd_target_value"), this_text),
                        ],
                    },
                }
            )
        groups.append({"strand": strand, "rows": rows, "charts": []})
    names = dict(RagStatus.choices)
    rag_now = plan["counts"][-1] if plan.get("count") else None
    rag_last = last["rag"]
    rag_rows = [
        {
            "code": k,
            "label": names[k],
            "last": rag_last.get(k, 0) if rag_last else None,
            "this": rag_now.get(k, 0) if rag_now else None,
        }
        for k in RagStatus.values
    ]
    return {
        "last_year": last["year"],
        "has_last_year": table is not None,
        "count": sum(len(g["rows"]) for g in groups),
        "compared": compared,
        "groups": groups,
        "better": moved["better"],
        "worse": moved["worse"],
        "same": moved["same"],
        "rag_rows": rag_rows,
        "rag_totals": (sum(rag_last.values()) if rag_last else None, sum(rag_now.values()) if rag_now else None),
        "plan": plan,
    }


def _draw(ctx: ReportContext, data: dict) -> dict:
    data["charted"] = data["count"] <= CHART_LIMIT
    data["compact"] = not data["charted"]
    if not data["charted"]:
        return data
    for number, group in enumerate(data["groups"], 1):
        panels = [r["chart"] for r in group["rows"] if r["chart"]]
        if panels:
            group["charts"] = svg.years_small_multiple(
                f"yoy-{number}", f"{group['strand']}: actual, target and baseline by year", panels
            )
    return data


YEAR_ON_YEAR = Section(
    key="year_on_year",
    title="Year on year",
    template="reports/annual/sections/year_on_year.html",
    gather=_gather,
    draw=_draw,
    help_text=(
        "Every indicator beside the previous financial year (actual, target, status and the change), a small "
        "chart per strand, and the action plan's RAG counts at the end of last year and of this one (or on "
        "the report's date)."
    ),
)
