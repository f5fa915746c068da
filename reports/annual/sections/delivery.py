"""Delivery: the action plan at year end and how it moved, and what each partner said in its approved
year-end return (key achievements, key challenges, future priorities) and its points for action.

RAG counts are numbers of actions, not people, so they are shown in full in every version.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from actionplans import selectors as actions
from actionplans.models import RAG_MEANINGS, RagStatus
from aspm import dates
from indicators.models import PeriodKind
from partnerships.access import scoped
from partnerships.models import Organisation
from reports.models import Return, ReturnStatus

from .. import svg
from .base import ReportContext, Section


def _quarter_ends(ctx: ReportContext) -> list[dt.date]:
    ends, day = [], ctx.year.start
    while day <= ctx.year.end:
        _start, end = actions.quarter_of(ctx.partnership, day)
        ends.append(end)
        day = end + dt.timedelta(days=1)
    return ends


# Up to this many actions, the report lists every one; beyond it, the red and amber ones (this many
# at most) and counts the rest by objective.
LIST_LIMIT = 100


def _strand_key(action) -> tuple[int, str]:
    """(order, name) of the action's strand, actions under none last."""
    strand = action.strand
    return (strand.order, strand.name) if strand else (10_000, "Not under a strand")


def _action_plan(ctx: ReportContext) -> dict:
    """One query for the plan at year end (``plan_as_of``), one per quarter end (``counts_at``) and
    three for its movement in the year (``movement``)."""
    today = ctx.as_of.date()
    last_day = min(ctx.year.end, today)
    ends = [d for d in _quarter_ends(ctx) if d <= last_day]
    if not ends or ends[-1] != last_day:
        ends.append(last_day)
    counts = actions.counts_at(ctx.partnership, ends)
    plan = list(actions.plan_as_of(ctx.partnership, last_day))
    names = dict(RagStatus.choices)
    by_objective: dict[tuple, dict] = {}
    for action in plan:
        action.rag = action.status_then or action.status
        action.rag_label = names.get(action.rag, action.rag)
        order, strand = _strand_key(action)
        key = (order, strand, action.objective.code if action.objective else "~")
        line = by_objective.setdefault(
            key, {"strand": strand, "objective": action.objective, "counts": dict.fromkeys(RagStatus.values, 0)}
        )
        line["counts"][action.rag] = line["counts"].get(action.rag, 0) + 1
    for action in plan:
        action.overdue = action.rag != RagStatus.COMPLETE and action.due_date < last_day
    # Red and overdue first (a board decides on these), the longest overdue first; completed actions
    # are condensed to a line per objective; the rest (amber, then green) follow by strand.
    urgent = sorted(
        (a for a in plan if a.rag == RagStatus.RED or a.overdue),
        key=lambda a: (a.rag != RagStatus.RED, a.due_date, a.pk),
    )
    urgent_ids = {a.pk for a in urgent}
    completed = [a for a in plan if a.rag == RagStatus.COMPLETE]
    others = [a for a in plan if a.pk not in urgent_ids and a.rag != RagStatus.COMPLETE]
    attention = [a for a in others if a.rag == RagStatus.AMBER]
    listed, listing = others, "all"
    if len(plan) > LIST_LIMIT:
        # A county's plan of thousands of actions would fill a hundred pages: beyond the red and
        # overdue ones, the amber ones (at most this many); the rest are counted above.
        attention.sort(key=lambda a: (a.due_date, a.pk))
        listed, listing = attention[:LIST_LIMIT], "attention"
        urgent = urgent[:LIST_LIMIT]
    groups: dict[tuple, list] = defaultdict(list)
    for action in listed:
        groups[_strand_key(action)].append(action)
    done: dict[str, list] = defaultdict(list)
    for action in completed:
        done[action.objective.code if action.objective else "Not under an objective"].append(action.title)
    moved = actions.movement(ctx.partnership, ctx.year.start, last_day)
    for action in urgent:
        action.next_step = "" if ctx.for_publication else (action.note_then or "")
    labels = [dates.table_date(d) for d in ends]
    return {
        "groups": [(name, groups[(order, name)]) for order, name in sorted(groups)],
        "count": len(plan),
        "listing": listing,
        "listed": len(listed),
        "not_listed": len(attention) - len(listed) if listing == "attention" else 0,
        "attention": len(attention),
        "urgent": urgent,
        "red": sum(1 for a in plan if a.rag == RagStatus.RED),
        "overdue": sum(1 for a in plan if a.overdue),
        "completed": sorted(done.items()) if len(completed) <= LIST_LIMIT else [],
        "completed_count": len(completed),
        "movement": {
            "before": moved.before,
            "added": len(moved.added),
            "completed": len(moved.completed),
            "dropped": moved.dropped,
            "start": ctx.year.start,
        },
        "by_objective": [
            {**line, "values": [line["counts"][k] for k in RagStatus.values], "total": sum(line["counts"].values())}
            for _key, line in sorted(by_objective.items(), key=lambda kv: kv[0])
        ],
        "labels": labels,
        "moves": [
            (label, [c.get(k, 0) for k in RagStatus.values], sum(c.values()))
            for label, c in zip(labels, counts, strict=True)
        ],
        "counts": counts,
        "statuses": [(names[k], k, RAG_MEANINGS.get(k, "")) for k in RagStatus.values],
        "last_day": last_day,
    }


def _draw_plan(ctx: ReportContext, data: dict) -> dict:
    if data["count"]:
        data["chart"] = svg.rag_over_time("rag", data["labels"], data["counts"], dict(RagStatus.choices))
    return data


ACTION_PLAN = Section(
    key="actions",
    title="Action plan: RAG",
    template="reports/annual/sections/actions.html",
    gather=_action_plan,
    draw=_draw_plan,
    help_text=(
        "How the RAG counts moved quarter by quarter, the year-end position of each objective's actions, and the "
        "actions themselves (for a plan of more than 100 actions, the red and amber ones)."
    ),
)


# The year-end return's three questions (the Salford template)
YEAR_END = (
    ("key_achievements", "Key achievements"),
    ("key_challenges", "Key challenges"),
    ("future_priorities", "Future priorities"),
)


def return_text_key(ret, name: str) -> str:
    """The review's key for one answer of one return (shared by the annual and quarterly reports)."""
    return f"return:{ret.pk}:{name}"


def _partners(ctx: ReportContext) -> dict:
    """Two queries: the partnership's active organisations, and the year's approved returns.

    Only approved returns count, in every version: a return sent back for changes, or waiting for
    review, is not yet the partner's word. Each organisation's year-end answers come from its approved
    return that gives them; its quarters' points for action follow. Partners with no approved year-end
    answers are named in a list of their own, never left out silently (one that is no longer active
    but gave them still has its words shown)."""
    due = {o.pk: o for o in scoped(ctx.partnership, Organisation).filter(is_active=True).order_by("name")}
    returns = (
        scoped(ctx.partnership, Return)
        .filter(
            status=ReturnStatus.APPROVED,
            agreement__isnull=True,
            period__kind=PeriodKind.QUARTER,
            period__start__gte=ctx.year.start,
            period__end__lte=ctx.year.end,
        )
        .select_related("organisation", "period")
        .order_by("organisation__name", "period__start")
    )
    by_org: dict[int, dict] = {}
    for ret in returns:
        item = by_org.setdefault(
            ret.organisation_id, {"organisation": ret.organisation, "answers": [], "points": [], "source": ""}
        )
        label = f"{ret.organisation.name}'s return for {ret.period.label}"
        if ret.points_for_action.strip():
            text = ctx.publishable(
                return_text_key(ret, "points_for_action"), f"{label}: Points for action", ret.points_for_action
            )
            item["points"].append((ret.period.label, text))
        if any(getattr(ret, name).strip() for name, _ in YEAR_END):  # the latest approved one wins
            item["answers"] = [
                (title, ctx.publishable(return_text_key(ret, name), f"{label}: {title}", getattr(ret, name)))
                for name, title in YEAR_END
            ]
            item["source"] = f"Year-end return ({ret.period.label}), approved"
    items = [i for i in by_org.values() if i["answers"] or i["points"]]
    items.sort(key=lambda i: i["organisation"].name)
    for item in by_org.values():
        due.setdefault(item["organisation"].pk, item["organisation"])
    missing = sorted((o for o in due.values() if not by_org.get(o.pk, {}).get("answers")), key=lambda o: o.name)
    return {
        "items": items,
        "count": sum(1 for i in items if i["answers"]),
        "missing": missing,
        "due": len(due),
    }


PARTNERS = Section(
    key="partners",
    title="Partner contributions",
    template="reports/annual/sections/partners.html",
    gather=_partners,
    help_text=(
        "Each organisation's key achievements, challenges and future priorities from its approved year-end "
        "return, its points for action from the year's approved returns, and who has no approved year-end return."
    ),
)
