"""Every indicator against its baseline and the year's targets: one table per strand with a row per
indicator (its quarters in words, actual and target; the figures to date; its status; a small chart;
the target revisions made during the year), then one breakdown table per dimension for the year.

The figures come from measurement's ``results_table`` (the same roll-ups and status rules as the
results page), never recomputed here. Counts of people or cases — the quarterly and yearly figures and
the baselines of count indicators, and every disaggregation cell and total — go through the small-count
rule of the partnership's disclosure policy. A count indicator's quarters, year and breakdowns share
the year's total, so they are protected together as one system of relations (``protect_count``): the
audit withholds whatever would let a hidden count be worked out from any combination of them. Targets
are plans, not people, and stay as they are; so do percentages, scores and money.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import product

from django.db.models import Q

from aspm.disclosure.audit import Cell
from aspm.formatting import format_for
from indicators.measurement import dimensions
from indicators.measurement import selectors as measurement
from indicators.measurement.progress import STATUS_ORDER, Status
from indicators.models import Figure, PeriodKind, ReportingPeriod, Rollup, Target, TargetRevision
from partnerships.access import scoped

from ... import disclosure_ledger
from ...count_protection import not_split, protect_count, whole
from .. import svg
from .base import ReportContext, Section
from .plan import _figure

NOT_OPEN = "not open yet"
MISSING = Cell(None, "–")


# A count hidden in a version for publication has no status there: "on track" beside a target of 4
# and an actual of "<5" would say the count is 4. The status table counts such indicators apart.
WITHHELD = "withheld"
WITHHELD_LABEL = "Not shown (small count)"


def _short(label: str) -> str:
    return label.rsplit(" ", 1)[-1]


def _indicators(ctx: ReportContext) -> dict:
    """Ten queries whatever the size: the year, measurement's table (five), year targets, revisions, figures."""
    year = scoped(ctx.partnership, ReportingPeriod).filter(kind=PeriodKind.YEAR, start=ctx.year.start).first()
    today = min(ctx.year.end, ctx.as_of.date())
    table = measurement.results_table(ctx.partnership, ctx.results_filter, year=year, today=today) if year else None
    if table is None or not table.rows:
        ctx.notes["indicator_count"] = len(table.rows) if table else 0
        return {"count": 0, "groups": [], "has_year": bool(year)}
    rows = [r for r in table.rows if r.indicator.is_active]
    ids = [r.indicator.pk for r in rows]
    year_targets = dict(
        scoped(ctx.partnership, Target).filter(indicator_id__in=ids, period=year).values_list("indicator_id", "value")
    )
    revisions = defaultdict(list)
    for rev in (
        scoped(ctx.partnership, TargetRevision)
        .filter(target__indicator_id__in=ids, created_at__date__gte=ctx.year.start, created_at__date__lte=ctx.year.end)
        .exclude(old_value__isnull=True)  # the first setting of a target is not a revision
        .select_related("target__period", "changed_by")
        .order_by("created_at", "id")
    ):
        revisions[rev.target.indicator_id].append(rev)
    period_ids = table.figures.period_ids  # the year, its quarters and their months
    splits = defaultdict(lambda: defaultdict(lambda: defaultdict(lambda: defaultdict(int))))
    for indicator_id, period_id, organisation_id, breakdown in (
        scoped(ctx.partnership, Figure)
        .filter(indicator_id__in=ids, period_id__in=period_ids)
        .exclude(Q(breakdown={}) | Q(breakdown__isnull=True))
        .values_list("indicator_id", "period_id", "organisation_id", "breakdown")
    ):
        for dim, parts in (breakdown or {}).items():
            for category, n in parts.items():
                splits[indicator_id][dim][category][(period_id, organisation_id)] += int(n or 0)
    labels = [_short(p.label) for p in table.periods]
    finality = ctx.finality()
    # what earlier outputs for publication printed of this year (the disclosure ledger): one query
    ctx.earlier = disclosure_ledger.earlier_for(ctx.partnership, ctx.year.start) if ctx.disclosure else {}
    groups: dict[str, list] = defaultdict(list)
    order: dict[str, tuple] = {}
    counts = dict.fromkeys(STATUS_ORDER, 0)
    withheld = 0
    for row in rows:
        item = _row(ctx, row, table, labels, year_targets, revisions, splits)
        strand = row.indicator.strand
        key = strand.name if strand else "Not linked to a strand"
        order[key] = (strand.order, strand.name) if strand else (10_000, "")
        groups[key].append(item)
        if item["status"] == WITHHELD:
            withheld += 1
        else:
            counts[row.ytd.status] += 1
    ctx.notes["indicator_count"] = len(rows)
    ordered = [(key, groups[key]) for key in sorted(groups, key=lambda k: order[k])]
    every = [item for _key, items in ordered for item in items]
    # the partnership's own dimensions are read only when an indicator is split by one
    registry = dimensions.registry_for_indicators([item["indicator"] for item in every]) if every else {}
    return {
        "count": len(rows),
        "labels": labels,
        "groups": ordered,
        "breakdowns": _breakdowns(ctx, every, registry),
        "crosstabs": _crosstabs(every, registry),
        "status_counts": [(Status(s).label, s, n) for s, n in counts.items()]
        + ([(WITHHELD_LABEL, WITHHELD, withheld)] if withheld else []),
        "tolerance": table.tolerance,
        "has_year": True,
        "quarter_states": [(label, finality.label(p).lower()) for label, p in zip(labels, table.periods, strict=True)],
    }


def _actual(indicator, cell) -> str:
    """A figure that is not a count (counts go through the disclosure audit), as the pages write it."""
    return cell.actual_text_for(indicator) + ("" if cell.combined.weighted else " (unweighted)")


def _row(ctx, row, table, labels, year_targets, revisions, splits) -> dict:
    indicator = row.indicator
    is_count = indicator.unit == "count"
    is_flow = indicator.rule == Rollup.FLOW
    reported = table.figures.sources_to_date(indicator, table.periods, row.cells)
    if not is_flow:  # a level's split is the latest period's, not every quarter's (or month's) added up
        with_figures = [q for q, c in zip(table.periods, row.cells, strict=True) if c.actual is not None]
        latest = table.figures.sources(indicator, with_figures[-1], latest=True) if with_figures else []
        reported = set(latest) or reported  # the quarter itself, or its latest month reported
    year_split = (
        {
            dim: {
                category: sum(
                    n
                    for (period_id, organisation_id), n in by_source.items()
                    if (period_id, None) in reported or (period_id, organisation_id) in reported
                )
                for category, by_source in categories.items()
            }
            for dim, categories in splits.get(indicator.pk, {}).items()
        }
        if reported
        else {}
    )
    split_cells: dict[str, tuple[dict, Cell, Cell]] = {}
    status, status_label = row.ytd.status, Status(row.ytd.status).label
    if is_count:
        protected = protect_count(ctx.disclosure, row, year_split, earlier=ctx.earlier.get(indicator.pk))
        disclosure_ledger.note(indicator.pk, ctx.year.start, protected["printed"], ctx.disclosure)
        if protected["year"].suppressed:  # beside its target, a status would narrow the hidden count
            status, status_label = WITHHELD, WITHHELD_LABEL
        actual_texts = [c.text for c in protected["quarters"]]
        hidden = [c.text if c.suppressed else "" for c in protected["quarters"]]
        chart_actuals = [c.chart_value for c in protected["quarters"]]
        year_actual = protected["year"].text
        year_value = protected["year"].chart_value
        split_cells = protected["splits"]
    else:
        actual_texts = [_actual(indicator, c) for c in row.cells]
        hidden = [""] * len(row.cells)
        chart_actuals = [c.actual for c in row.cells]
        year_actual = _actual(indicator, row.ytd)
        year_value = row.ytd.actual
    # nothing is computed for a quarter that has not opened
    actual_texts = [NOT_OPEN if c.not_open else text for c, text in zip(row.cells, actual_texts, strict=True)]
    return {
        "indicator": indicator,
        "baseline": _figure(ctx, indicator, indicator.baseline_value)
        + (f" ({indicator.baseline_span})" if indicator.baseline_span and indicator.baseline_value is not None else ""),
        "plan_target": _figure(ctx, indicator, row.plan_target, target=True),
        "year_target": _figure(ctx, indicator, year_targets.get(indicator.pk), target=True),
        "year_actual": year_actual,
        "year_value": year_value,  # the number printed as year_actual (None when hidden), for charts
        "status": status,
        "status_label": status_label,
        "ytd_target": _figure(ctx, indicator, row.ytd.target, target=True),
        "ytd_target_value": row.ytd.target,
        "revisions": [
            {
                "period": rev.target.period.label if rev.target.period else "Whole plan",
                "old": format_for(rev.old_value, indicator),
                "new": format_for(rev.new_value, indicator),
                "on": rev.created_at,
                "by": rev.changed_by,
                "reason": rev.reason,
            }
            for rev in revisions.get(indicator.pk, [])
        ],
        "year_split": year_split,
        "split_cells": split_cells,  # counts: each breakdown's groups, "not split" and total, protected
        # the year's count, for the breakdowns' "not split" column (counts only)
        "year_count": whole(row.ytd.actual) if is_count else None,
        "by_quarter": [
            (label, a, _figure(ctx, indicator, c.target, target=True))
            for label, c, a in zip(labels, row.cells, actual_texts, strict=True)
        ],
        "chart_data": (
            labels,
            chart_actuals,
            [c.target for c in row.cells],
            hidden,
        )
        if indicator.unit != "text"
        else None,
    }


def _breakdowns(ctx: ReportContext, items: list[dict], registry) -> list[dict]:
    """One table per dimension (sex, age group, exploitation type): a row for each indicator whose
    figures were split that way, its year's count in each group and the total. Groups follow the
    dimension's own order; a group an indicator never used shows "–". Each row is one table for the
    small-count rule (its groups add up to its total); rows of different indicators are never added."""
    tables = []
    known = list(registry)
    used = {d for item in items for d in item["year_split"]}
    dims = known + sorted(d for d in used - set(known) if not dimensions.is_crosstab(d))
    for dim in dims:
        with_split = [item for item in items if item["year_split"].get(dim)]
        if not with_split:
            continue
        name, names = registry.get(dim, (dim.replace("_", " ").capitalize(), {}))
        used = {c for item in with_split for c in item["year_split"][dim]}
        categories = [c for c in names if c in used] + sorted(used - set(names))
        # Splitting is optional per figure, so a row's groups may cover less than the year's count.
        # The rest is a column of its own: every row then adds up to the year's figure printed above
        # it, and the rest, a count too, goes through the small-count rule (else the year's figure
        # minus this total would give a hidden figure back).
        rests = [not_split(item["year_count"], item["year_split"][dim]) for item in with_split]
        has_rest = any(rests)
        rows = []
        for item, rest in zip(with_split, rests, strict=True):
            if dim in item["split_cells"]:  # a count: protected with the indicator's other figures
                groups, rest_cell, total = item["split_cells"][dim]
                cells = [groups.get(c, MISSING) for c in categories] + ([rest_cell] if has_rest else [])
                rows.append((item["indicator"], cells, total))
                continue
            split = item["year_split"][dim]
            cells = [split.get(c) for c in categories] + ([rest] if has_rest else [])
            protected = ctx.counts([cells], row_totals=True)
            rows.append((item["indicator"], protected.cells[0], protected.row_totals[0]))
        columns = [names.get(c, c) for c in categories] + (["Not split"] if has_rest else [])
        tables.append({"key": dim, "name": name, "columns": columns, "rows": rows})
    return tables


def _crosstabs(items: list[dict], registry) -> list[dict]:
    """Each indicator's cross-tabulations for the year as tables (rows by every dimension but the last,
    columns by the last). The cells were protected with the indicator's other figures, its single
    splits among them (:func:`reports.count_protection.protect_count`), so the margins printed here are
    those splits' own cells and a small cell cannot be worked out across rows or columns."""
    tables = []
    for item in items:
        for key, split in item["year_split"].items():
            parts = dimensions.parts_of(key)
            if not dimensions.is_crosstab(key) or not split or any(p not in registry for p in parts):
                continue
            used = [{cell.split(dimensions.SEP)[i] for cell in split} for i in range(len(parts))]
            names = [{c: label for c, label in registry[p][1].items() if c in used[i]} for i, p in enumerate(parts)]
            protected = item["split_cells"].get(key)
            groups = protected[0] if protected else {c: n for c, n in split.items()}
            margins = [item["split_cells"].get(p, ({}, None, None))[0] for p in parts]

            def shown(cells, cell, fallback=MISSING):
                return cells.get(cell, fallback)

            rows = []
            for prefix in product(*(list(n) for n in names[:-1])):
                cells = [shown(groups, dimensions.cell_key((*prefix, last))) for last in names[-1]]
                row_total = shown(margins[0], prefix[0]) if len(parts) == 2 else ""
                rows.append((", ".join(names[i][c] for i, c in enumerate(prefix)), cells, row_total))
            tables.append(
                {
                    "indicator": item["indicator"],
                    "anchor": f"xt-{item['indicator'].pk}-{key.replace(dimensions.SEP, '-')}",
                    "title": dimensions.label_of(key, registry),
                    "row_heading": " and ".join(registry[p][0] for p in parts[:-1]),
                    "columns": list(names[-1].values()),
                    "rows": rows,
                    "column_totals": [shown(margins[-1], c) for c in names[-1]],
                    "total": protected[2] if protected else sum(split.values()),
                    "rest": protected[1] if protected and protected[1].value else None,
                }
            )
    return tables


def _draw(ctx: ReportContext, data: dict) -> dict:
    for _strand, items in data.get("groups", []):
        for item in items:
            if item["chart_data"]:
                ind = item["indicator"]
                item["chart"] = svg.actual_vs_target(
                    f"ind-{ind.pk}",
                    f"{ind.code}: actual and target by quarter",
                    *item["chart_data"],
                    unit=ind.combined_unit,
                    decimals=ind.decimals,
                )
    return data


INDICATORS = Section(
    key="indicators",
    title="Indicators: results against targets",
    template="reports/annual/sections/results.html",
    gather=_indicators,
    draw=_draw,
    help_text=(
        "Every active indicator with its baseline, the year's targets and actual figures by quarter, its status, "
        "a chart, target revisions in the year and disaggregation tables."
    ),
)
