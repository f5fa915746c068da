"""Reads of the strategy side, each a constant number of queries whatever the plan's size."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Prefetch, Q

from partnerships.access import scoped
from partnerships.models import Membership, Partnership, SubGroup

from ..models import (
    Assumption,
    ChainLevel,
    DevelopmentGoal,
    DevelopmentGoalCode,
    Indicator,
    Milestone,
    Objective,
    PathwayStage,
    PlanStatement,
    ResultsChainEntry,
    Risk,
    Strand,
)
from .smart import failing, smart_check


def plan_statement(partnership: Partnership) -> PlanStatement | None:
    return scoped(partnership, PlanStatement).first()


def milestones_by_indicator(partnership: Partnership) -> list[tuple[Indicator, list[Milestone]]]:
    """Every indicator with milestones, in code order, with its milestones by date (one query)."""
    grouped: dict[int, tuple[Indicator, list[Milestone]]] = {}
    rows = scoped(partnership, Milestone).select_related("indicator").order_by("indicator__code", "due_on")
    for milestone in rows:
        grouped.setdefault(milestone.indicator_id, (milestone.indicator, []))[1].append(milestone)
    return list(grouped.values())


def has_vision(partnership: Partnership) -> bool:
    return scoped(partnership, PlanStatement).exclude(vision="").exists()


def assumptions(partnership: Partnership):
    return scoped(partnership, Assumption).select_related("indicator").prefetch_related("reviews__reviewed_by")


def strands(partnership: Partnership):
    return scoped(partnership, Strand).annotate(n_objectives=Count("objectives")).prefetch_related("subgroups")


def indicators_by_objective(partnership: Partnership, objective_ids) -> dict[int, list[Indicator]]:
    """Indicators linked to each objective directly or through one of its chain entries."""
    rows = (
        scoped(partnership, Indicator)
        .filter(Q(objective_id__in=objective_ids) | Q(chain_entry__objective_id__in=objective_ids), is_active=True)
        .annotate(n_targets=Count("targets"))
        .select_related("chain_entry")
        .order_by("code")
    )
    result: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in rows:
        owners = {indicator.objective_id, indicator.chain_entry.objective_id if indicator.chain_entry else None}
        for objective_id in owners - {None}:
            result[objective_id].append(indicator)
    return result


def objectives_with_smart(partnership: Partnership, queryset=None) -> list[Objective]:
    """Objectives with ``.smart`` (the checks), ``.failing``, ``.indicator_list`` and ``.n_entries``."""
    queryset = queryset if queryset is not None else scoped(partnership, Objective)
    objectives = list(
        queryset.select_related("strand", "owner_organisation", "owner_subgroup").annotate(
            n_entries=Count("chain_entries", distinct=True)
        )
    )
    vision = has_vision(partnership)
    labels = dict(PathwayStage.choices)
    indicators = indicators_by_objective(partnership, [o.pk for o in objectives])
    for objective in objectives:
        objective.indicator_list = indicators.get(objective.pk, [])
        objective.smart = smart_check(objective, indicators=objective.indicator_list, has_vision=vision)
        objective.failing = failing(objective.smart)
        objective.stage_labels = [labels[s] for s in objective.pathway_stages if s in labels]
    return objectives


def objective_smart(objective: Objective) -> Objective:
    return objectives_with_smart(
        objective.partnership, scoped(objective.partnership, Objective).filter(pk=objective.pk)
    )[0]


def chain_levels(objective: Objective) -> list[dict]:
    """The chain as five levels, inputs first (as the diagram reads), each with its entries; empty ones too."""
    entries = list(
        scoped(objective.partnership, ResultsChainEntry)
        .filter(objective=objective)
        .select_related("leads_to")
        .order_by("level", "order", "id")
    )
    by_level = defaultdict(list)
    for entry in entries:
        by_level[entry.level].append(entry)
    return [
        {
            "level": level,
            "label": level.label,
            "entries": by_level[level.value],
            "above": by_level.get(level.value + 1, []) if level != ChainLevel.IMPACT else [],
        }
        for level in ChainLevel
    ]


def risks(partnership: Partnership, *, status: str | None = None):
    queryset = (
        scoped(partnership, Risk)
        .select_related("owner_organisation")
        .prefetch_related(Prefetch("objectives", queryset=Objective.objects.only("id", "code", "title")))
    )
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def heat_map(risk_list) -> list[dict]:
    """Rows of likelihood 5 down to 1, cells of impact 1 to 5, each with its open risks."""
    from ..models import risk_band

    cells = defaultdict(list)
    for risk in risk_list:
        if risk.status != "closed":
            cells[(risk.likelihood, risk.impact)].append(risk)
    return [
        {
            "likelihood": likelihood,
            "cells": [
                {
                    "impact": impact,
                    "score": likelihood * impact,
                    "band": risk_band(likelihood * impact)[0],
                    "band_label": risk_band(likelihood * impact)[1],
                    "risks": cells[(likelihood, impact)],
                }
                for impact in range(1, 6)
            ],
        }
        for likelihood in range(5, 0, -1)
    ]


def subgroups(partnership: Partnership):
    return (
        scoped(partnership, SubGroup)
        .select_related("chair__user", "chair__organisation")
        .prefetch_related("strands")
        .annotate(n_members=Count("members", distinct=True), n_objectives=Count("objectives", distinct=True))
    )


def subgroup_members(subgroup: SubGroup):
    return subgroup.members.select_related("user", "organisation").order_by("user__full_name")


def members_for_choice(partnership: Partnership):
    return scoped(partnership, Membership).select_related("user", "organisation").order_by("user__full_name")


def development_goals(partnership: Partnership) -> list[DevelopmentGoal]:
    """The eight goals in the checklist's order."""
    order = {code: i for i, code in enumerate(DevelopmentGoalCode.values)}
    return sorted(scoped(partnership, DevelopmentGoal), key=lambda g: order.get(g.code, 99))
