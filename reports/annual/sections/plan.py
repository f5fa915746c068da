"""The plan: the partnership and its organisations, objectives with results chains, indicators."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Prefetch, Q

from indicators.models import Indicator, Objective, PathwayStage, ReportingPeriod, ResultsChainEntry, Strand, Target
from partnerships.access import scoped
from partnerships.models import Membership, Organisation, Role, Sector, SubGroup

from ..chain_svg import chain_diagram
from .base import ReportContext, Section


# --------------------------------------------------------------------------- partnership
def _partnership(ctx: ReportContext) -> dict:
    organisations = list(
        scoped(ctx.partnership, Organisation)
        .filter(is_active=True)
        .annotate(spocs=Count("memberships", filter=Q(memberships__role=Role.SPOC)))
        .order_by("sector", "name")
    )
    by_sector = defaultdict(list)
    for organisation in organisations:
        by_sector[organisation.get_sector_display()].append(organisation)
    roles = dict(scoped(ctx.partnership, Membership).values_list("role").annotate(n=Count("id")))
    subgroups = list(
        scoped(ctx.partnership, SubGroup)
        .select_related("chair__user", "chair__organisation")
        .prefetch_related("strands")
        .annotate(n_members=Count("members", distinct=True))
        .order_by("name")
    )
    sector_order = [label for value, label in Sector.choices]
    return {
        "organisations": organisations,
        "by_sector": sorted(by_sector.items(), key=lambda kv: sector_order.index(kv[0])),
        "roles": [(Role(r).label, roles.get(r, 0)) for r in Role.values],
        "subgroups": subgroups,
    }


PARTNERSHIP = Section(
    key="partnership",
    title="The partnership and its organisations",
    template="reports/annual/sections/partnership.html",
    gather=_partnership,
    help_text="Partner organisations by sector, people by role, and sub-groups.",
)


# --------------------------------------------------------------------------- objectives
def _objectives_in_year(ctx: ReportContext):
    year = ctx.year
    return (
        scoped(ctx.partnership, Objective)
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=year.end))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=year.start))
    )


def _objectives(ctx: ReportContext) -> dict:
    strands = list(scoped(ctx.partnership, Strand).order_by("order", "name"))
    entries = ResultsChainEntry.objects.order_by("level", "order", "id")
    objectives = list(
        _objectives_in_year(ctx)
        .select_related("strand", "owner_organisation", "owner_subgroup")
        .prefetch_related(
            Prefetch("chain_entries", queryset=entries, to_attr="chain"),
            Prefetch("indicators", queryset=Indicator.objects.filter(is_active=True).order_by("code"), to_attr="inds"),
        )
        .order_by("strand__order", "code")
    )
    stage_labels = dict(PathwayStage.choices)
    grouped = {s.pk: {"strand": s, "objectives": []} for s in strands}
    unassigned = {"strand": None, "objectives": []}
    for objective in objectives:
        objective.stage_labels = [stage_labels.get(code, code) for code in objective.pathway_stages or []]
        (grouped.get(objective.strand_id) or unassigned)["objectives"].append(objective)
    groups = [g for g in grouped.values()] + ([unassigned] if unassigned["objectives"] else [])
    ctx.notes["objective_count"] = len(objectives)
    return {"groups": groups, "count": len(objectives)}


def _draw_chains(ctx: ReportContext, data: dict) -> dict:
    for group in data["groups"]:
        for objective in group["objectives"]:
            objective.chain_svg = chain_diagram(objective, objective.chain) if objective.chain else ""
    return data


OBJECTIVES = Section(
    key="objectives",
    title="Objectives and results chains",
    template="reports/annual/sections/objectives.html",
    gather=_objectives,
    draw=_draw_chains,
    help_text="Each strand's objectives, their owners and dates, and each results chain as a diagram.",
)


# --------------------------------------------------------------------------- indicators
def _indicators(ctx: ReportContext) -> dict:
    year = ctx.year
    periods_in_year = scoped(ctx.partnership, ReportingPeriod).filter(start__gte=year.start, end__lte=year.end)
    targets = Target.objects.filter(Q(period__isnull=True) | Q(period__in=periods_in_year)).select_related("period")
    indicators = list(
        scoped(ctx.partnership, Indicator)
        .filter(is_active=True)
        .select_related("strand", "objective")
        .prefetch_related(Prefetch("targets", queryset=targets, to_attr="year_targets"))
        .order_by("strand__order", "code")
    )
    rows_by_strand: dict[str, list] = defaultdict(list)
    for indicator in indicators:
        plan_target = next((t for t in indicator.year_targets if t.period_id is None), None)
        period_targets = sorted((t for t in indicator.year_targets if t.period_id), key=lambda t: t.period.start)
        year_target = next((t for t in period_targets if t.period.kind == "year"), None)
        rows_by_strand[indicator.strand.name if indicator.strand else "Not linked to a strand"].append(
            {
                "indicator": indicator,
                "baseline": _figure(ctx, indicator, indicator.baseline_value),
                "plan_target": _figure(ctx, indicator, plan_target.value if plan_target else None, target=True),
                "year_target": _figure(ctx, indicator, year_target.value if year_target else None, target=True),
                "period_targets": [
                    (t.period.label.rsplit(" ", 1)[-1], _figure(ctx, indicator, t.value, target=True))
                    for t in period_targets
                    if t.period.kind != "year"
                ],
            }
        )
    ctx.notes["indicator_count"] = len(indicators)
    return {"groups": list(rows_by_strand.items()), "count": len(indicators)}


def _figure(ctx: ReportContext, indicator: Indicator, value, *, target: bool = False) -> str:
    """A figure as text in the indicator's unit. Observed counts go through the small-count rule."""
    if value is None:
        return "–"
    if indicator.unit == "count":
        number = int(value)
        return f"{number:,}" if target else ctx.count(number).text
    if indicator.unit == "percentage":
        return f"{value.normalize():f}%"
    if indicator.unit == "money":
        return f"£{value:,.0f}"
    if indicator.unit == "yes_no":
        return "Yes" if value else "No"
    return f"{value.normalize():f}"


INDICATORS = Section(
    key="indicators",
    title="Indicators: baselines and targets",
    template="reports/annual/sections/indicators.html",
    gather=_indicators,
    help_text="Every active indicator with its baseline, the whole-plan target and this year's targets.",
)
