"""The plan: the partnership and its organisations, objectives with results chains, indicators."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Prefetch, Q

from aspm.formatting import format_value
from indicators.models import Indicator, Objective, ResultsChainEntry, Strand
from indicators.strategy import selectors as strategy
from indicators.strategy.diagram import results_chain_svg
from partnerships.access import scoped
from partnerships.models import Membership, Organisation, Role, Sector, SubGroup

from ...count_protection import whole
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
    # Nothing person-level leaves the partnership: a published version has no counts of members and
    # no names of individuals (a sub-group's chair is named by organisation only).
    roles = (
        {}
        if ctx.for_publication
        else dict(scoped(ctx.partnership, Membership).values_list("role").annotate(n=Count("id")))
    )
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
        "roles": [(Role(r).label, roles.get(r, 0)) for r in Role.values] if roles else [],
        "names_people": not ctx.for_publication,
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
    """Objectives of the year with strategy's SMART check (``objectives_with_smart``) and their chains."""
    strands = list(scoped(ctx.partnership, Strand).order_by("order", "name"))
    entries = ResultsChainEntry.objects.order_by("level", "order", "id")
    objectives = strategy.objectives_with_smart(
        ctx.partnership,
        _objectives_in_year(ctx).prefetch_related(Prefetch("chain_entries", queryset=entries, to_attr="chain")),
    )
    objectives.sort(key=lambda o: (o.strand.order if o.strand else 10_000, o.code))
    grouped = {s.pk: {"strand": s, "objectives": []} for s in strands}
    unassigned = {"strand": None, "objectives": []}
    for objective in objectives:
        objective.inds = objective.indicator_list
        objective.smart_passed = sum(1 for c in objective.smart if c.ok)
        (grouped.get(objective.strand_id) or unassigned)["objectives"].append(objective)
    groups = [g for g in grouped.values()] + ([unassigned] if unassigned["objectives"] else [])
    ctx.notes["objective_count"] = len(objectives)
    return {"groups": groups, "count": len(objectives), "smart_ok": sum(1 for o in objectives if not o.failing)}


def _draw_chains(ctx: ReportContext, data: dict) -> dict:
    """Strategy's diagram, with its fixed ids made unique so many can share one page."""
    for group in data["groups"]:
        for objective in group["objectives"]:
            if not objective.chain:
                objective.chain_svg = ""
                continue
            # printed at the landscape page's width (about two-thirds of its size): 14 px text prints at 9 pt
            svg = results_chain_svg(
                objective.chain, title=f"Results chain of {objective.code} {objective.title}", text_size=14
            )
            for name in ("chain-title", "chain-desc", "chain-arrow"):
                svg = svg.replace(name, f"{name}-{objective.pk}")
            objective.chain_svg = svg
    return data


OBJECTIVES = Section(
    key="objectives",
    title="Objectives, SMART check and results chains",
    template="reports/annual/sections/objectives.html",
    gather=_objectives,
    draw=_draw_chains,
    help_text="Each strand's objectives with their SMART check, owners and dates, and each results chain as a diagram.",
)


# --------------------------------------------------------------------------- figures
def _figure(ctx: ReportContext, indicator: Indicator, value, *, target: bool = False) -> str:
    """A figure as text in the indicator's unit (``aspm.formatting``). Observed counts go through the
    small-count rule; targets are plans, not people, and are shown in full. A partnership's actual is in
    its combined unit (a share of organisations saying yes is a percentage)."""
    if value is not None and indicator.unit == "count" and not target:
        return ctx.count(whole(value)).text
    unit = indicator.unit if target else indicator.combined_unit
    return format_value(value, unit, decimals=indicator.decimals)
