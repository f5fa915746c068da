"""Demo plan for the strategy side: Northshire gets the full plan from ``indicators/demo_content.py``;
Riverside a lighter one; with ``--size large``, Greater Westmoor gets enough to measure pages at scale.

Everything goes through the services. Running it again adds only what is missing.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from partnerships.models import Membership, Organisation, Partnership, Role, SubGroup

from .. import demo_content as content
from ..models import Assumption, DevelopmentGoal, Objective, ResultsChainEntry, Risk, Strand
from . import demo_westmoor as westmoor
from . import services

LEVEL_KEYS = ("input", "activity", "output", "outcome", "impact")
# What must hold for an entry to lead to the one above (by the level of the lower entry).
LINK_ASSUMPTIONS = {
    1: "The staff time and budget are released as partners agreed.",
    2: "Partners turn up and carry the work through as planned.",
    3: "What is produced reaches the people and places it is meant for.",
    4: "Nothing outside the partnership's control cancels the change out.",
}
# How each strand's objectives serve the vision, in the partnership's words.
VISION_LINKS = {
    "pursue": "Makes the county a hostile place for exploiters, as the vision asks, by putting them out of business.",
    "prevent": "Stops exploitation before it starts, so fewer people are ever bought, sold or held.",
    "protect": "Makes exploitation harder to hide: more people know the signs and what to do.",
    "prepare": "Gives survivors safety and a way to rebuild their lives, the heart of the vision.",
}
RIVERSIDE_VISION = (
    "A city where exploitation is noticed early, acted on together and never tolerated, and where anyone "
    "who has been exploited can find help quickly."
)
RIVERSIDE_MISSION = "City services, charities and employers sharing what they see and acting on it as one network."


def _financial_year_start(today: dt.date) -> dt.date:
    return dt.date(today.year if today.month >= 4 else today.year - 1, 4, 1)


def _organisation(partnership: Partnership, name: str | None) -> Organisation | None:
    if not name:
        return None
    orgs = Organisation.objects.filter(partnership=partnership)
    return orgs.filter(name=name).first() or orgs.filter(name=name.removesuffix(" network")).first()


def _strands(partnership: Partnership) -> dict[str, Strand]:
    services.create_default_strands(actor=None, partnership=partnership)
    return {s.code: s for s in Strand.objects.filter(partnership=partnership)}


def _seed_subgroups(partnership: Partnership, strands: dict[str, Strand]) -> dict[str, SubGroup]:
    memberships = list(Membership.objects.filter(partnership=partnership).select_related("organisation"))
    coordinator = next((m for m in memberships if m.role == Role.COORDINATOR), None)
    result = {}
    for spec in content.SUBGROUPS:
        existing = SubGroup.objects.filter(partnership=partnership, name=spec["name"]).first()
        if existing:
            result[spec["name"]] = existing
            continue
        chair_org = _organisation(partnership, spec["chair_org"])
        chair = next((m for m in memberships if chair_org and m.organisation_id == chair_org.pk), None) or coordinator
        members = [m for m in memberships if m.role in (Role.COORDINATOR, Role.SPOC)]
        result[spec["name"]] = services.subgroup_create(
            actor=None,
            partnership=partnership,
            name=spec["name"],
            purpose=f"Leads the partnership's work on {' and '.join(s.title() for s in spec['strands'])}.",
            chair=chair,
            members=members,
            strands=[strands[s] for s in spec["strands"]],
        )
    return result


def _seed_chain(objective: Objective, chain: dict, *, assumptions: bool = True) -> None:
    if ResultsChainEntry.objects.filter(objective=objective).exists():
        return
    above: list[ResultsChainEntry] = []
    for level_index in range(5, 0, -1):
        descriptions = chain[LEVEL_KEYS[level_index - 1]]
        created = []
        for i, description in enumerate(descriptions):
            leads_to = above[i % len(above)] if above else None
            created.append(
                services.chain_entry_create(
                    actor=None,
                    objective=objective,
                    level=level_index,
                    description=description,
                    leads_to=leads_to,
                    link_assumption=LINK_ASSUMPTIONS.get(level_index, "") if (assumptions and leads_to) else "",
                )
            )
        above = created


def _seed_objectives(partnership, strands, subgroups, specs, start, *, code_prefix="", confirmed=True):
    objectives = {}
    for spec in specs:
        code = f"{code_prefix}{spec['code']}"
        objective = Objective.objects.filter(partnership=partnership, code=code).first()
        if objective is None:
            objective = services.objective_create(
                actor=None,
                partnership=partnership,
                code=code,
                title=spec["title"],
                description=spec["description"],
                strand=strands[spec["strand"]],
                pathway_stages=list(spec["pathway_stages"]),
                owner_organisation=_organisation(partnership, spec["owner_org"]),
                owner_subgroup=subgroups.get(spec["owner_subgroup"]) if spec["owner_subgroup"] else None,
                start_date=start,
                end_date=dt.date(start.year + 1, 3, 31),
                priority=spec["priority"],
                vision_link=VISION_LINKS[spec["strand"]],
            )
            if confirmed:
                services.objective_set_specific(actor=None, objective=objective, confirmed=True)
        _seed_chain(objective, spec["chain"])
        objectives[spec["code"]] = objective
    return objectives


def _seed_risks(partnership, objectives, specs, today, *, suffix=""):
    for index, spec in enumerate(specs):
        title = f"{spec['title']}{suffix}"
        if Risk.objects.filter(partnership=partnership, title=title).exists():
            continue
        # A few reviews fall in the past, so the register shows what is overdue.
        review = today + dt.timedelta(days=(-12 if index % 4 == 1 else 20 + 9 * index))
        services.risk_create(
            actor=None,
            partnership=partnership,
            title=title,
            cause=spec["cause"],
            consequence=spec["consequence"],
            likelihood=spec["likelihood"],
            impact=spec["impact"],
            owner_organisation=_organisation(partnership, spec["owner_org"]),
            mitigation=spec["mitigation"],
            review_date=review,
            status=spec["status"],
            objectives=[objectives[c] for c in spec["objective_codes"] if c in objectives],
        )


def _seed_plan(partnership, vision, mission, theory, assumptions, today):
    if not Assumption.objects.filter(partnership=partnership).exists():
        services.plan_statement_update(
            actor=None, partnership=partnership, vision=vision, mission=mission, theory_of_change=theory
        )
        for index, spec in enumerate(assumptions):
            services.assumption_create(
                actor=None,
                partnership=partnership,
                statement=spec["statement"],
                status=spec["status"],
                note=spec["note"] if spec["status"] != "untested" else spec["note"],
                on=today - dt.timedelta(days=10 + 7 * index),
            )


def _seed_goals(partnership, start, today, statuses=content.DEVELOPMENT_GOALS_STATUS):
    services.create_development_goals(actor=None, partnership=partnership)
    for index, (code, (status, note)) in enumerate(statuses.items()):
        # The founding steps were done over the partnership's first year, the later ones this April.
        done_on = min(today, start - dt.timedelta(days=420 - 60 * index) if index < 6 else start)
        goal = DevelopmentGoal.objects.get(partnership=partnership, code=code)
        if goal.status != "not_started" or goal.note:
            continue
        services.development_goal_update(
            actor=None, goal=goal, status=status, note=note, achieved_on=done_on if status == "done" else None
        )


def seed(world) -> None:
    today = timezone.localdate()
    start = _financial_year_start(today)
    northshire = world.partnerships["northshire"].partnership
    with transaction.atomic():
        strands = _strands(northshire)
        subgroups = _seed_subgroups(northshire, strands)
        _seed_plan(northshire, content.VISION, content.MISSION, content.THEORY_OF_CHANGE, content.ASSUMPTIONS, today)
        objectives = _seed_objectives(northshire, strands, subgroups, content.OBJECTIVES, start)
        _seed_risks(northshire, objectives, content.RISKS, today)
        _seed_goals(northshire, start, today)

    riverside = world.partnerships["riverside"].partnership
    with transaction.atomic():
        strands = _strands(riverside)
        specs = [o for o in content.OBJECTIVES if o["code"] in ("OBJ1", "OBJ3", "OBJ5", "OBJ7")]
        specs = [{**o, "owner_org": None, "owner_subgroup": None} for o in specs]
        _seed_plan(riverside, RIVERSIDE_VISION, RIVERSIDE_MISSION, "", content.ASSUMPTIONS[:2], today)
        objectives = _seed_objectives(riverside, strands, {}, specs, start, confirmed=False)
        _seed_risks(riverside, objectives, content.RISKS[:3], today)

    if world.size == "large" and "westmoor" in world.partnerships:
        with transaction.atomic():
            _seed_large(world.partnerships["westmoor"].partnership, start, today)


def _seed_large(partnership: Partnership, start: dt.date, today: dt.date) -> None:
    """A vision and theory of change, 40 objectives with full five-level chains (200+ entries), 60 risks
    and the development goals."""
    strands = _strands(partnership)
    _seed_plan(partnership, westmoor.VISION, westmoor.MISSION, westmoor.THEORY_OF_CHANGE, westmoor.ASSUMPTIONS, today)
    specs = []
    for n in range(40):
        base = content.OBJECTIVES[n % len(content.OBJECTIVES)]
        specs.append(
            {
                **base,
                "code": f"W{n + 1:02d}",
                "title": f"{base['title']} (district {n // len(content.OBJECTIVES) + 1})",
                "owner_org": None,
                "owner_subgroup": None,
                "chain": {k: v[:1] for k, v in base["chain"].items()},
            }
        )
    objectives = _seed_objectives(partnership, strands, {}, specs, start)
    risk_specs = [
        {**content.RISKS[n % len(content.RISKS)], "owner_org": None, "objective_codes": (f"W{n % 40 + 1:02d}",)}
        for n in range(60)
    ]
    for n, spec in enumerate(risk_specs):
        spec["title"] = f"{spec['title']} ({n + 1})"
    _seed_risks(partnership, objectives, risk_specs, today)
    _seed_goals(partnership, start, today, westmoor.GOALS_STATUS)
