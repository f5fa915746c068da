"""Delivery: the action plan at year end and how its RAG moved, and what each partner said in its
year-end (Q4) return: key achievements, key challenges and future priorities.

RAG counts are numbers of actions, not people, so they are shown in full in every version.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from actionplans import selectors as actions
from actionplans.models import RAG_MEANINGS, RagStatus
from indicators.models import PeriodKind
from partnerships.access import scoped
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
    """One query for the plan at year end (``plan_as_of``) and one per quarter end (``counts_at``)."""
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
    attention = [a for a in plan if a.rag in (RagStatus.RED, RagStatus.AMBER)]
    listed, listing = plan, "all"
    if len(plan) > LIST_LIMIT:
        # A board reads exceptions: a county's plan of thousands of actions would fill a hundred
        # pages. Red before amber, the longest overdue first; the rest are counted above.
        attention.sort(key=lambda a: (a.rag != RagStatus.RED, a.due_date or last_day, a.pk))
        listed, listing = attention[:LIST_LIMIT], "attention"
    groups: dict[tuple, list] = defaultdict(list)
    for action in listed:
        groups[_strand_key(action)].append(action)
    labels = [f"{d:%-d %b %Y}" for d in ends]
    return {
        "groups": [(name, groups[(order, name)]) for order, name in sorted(groups)],
        "count": len(plan),
        "listing": listing,
        "listed": len(listed),
        "not_listed": len(attention) - len(listed) if listing == "attention" else 0,
        "attention": len(attention),
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


# The year-end return's three questions, and the quarterly narrative's answers that stand in for them
# until it is in (labelled as what they are, not as year-end answers).
YEAR_END_LABELS = ("Key achievements", "Key challenges", "Future priorities")
QUARTER_LABELS = ("Progress this quarter", "Problems", "Priorities")


def return_text_key(ret, name: str) -> str:
    """The review's key for one answer of one return (shared by the annual and quarterly reports)."""
    return f"return:{ret.pk}:{name}"


def _partners(ctx: ReportContext) -> dict:
    """One query: the year's submitted returns (approved ones only in a version for publication).
    Each organisation's year-end (Q4) answers when it has
    given them; before then (a year still running), the progress, problems and priorities of its latest
    return in the year, labelled as such."""
    returns = (
        scoped(ctx.partnership, Return)
        .filter(period__kind=PeriodKind.QUARTER, period__start__gte=ctx.year.start, period__end__lte=ctx.year.end)
        .exclude(status=ReturnStatus.DRAFT)
        .select_related("organisation", "period")
        .order_by("organisation__name", "-period__start")
    )
    if ctx.for_publication:  # words that leave the partnership: only returns the coordinator approved
        returns = returns.filter(status=ReturnStatus.APPROVED)
    chosen: dict[int, dict] = {}
    for ret in returns:
        if ret.organisation_id in chosen:
            continue
        if ret.key_achievements or ret.key_challenges or ret.future_priorities:
            names = ("key_achievements", "key_challenges", "future_priorities")
            labels = YEAR_END_LABELS
            source = f"Year-end return ({ret.period.label})"
        elif ret.progress or ret.problems or ret.priorities:
            names = ("progress", "problems", "priorities")
            labels = QUARTER_LABELS
            source = f"Latest return in the year ({ret.period.label}); the year-end return is not in yet"
        else:
            continue
        answers = [
            ctx.publishable(
                return_text_key(ret, name),
                f"{ret.organisation.name}'s return for {ret.period.label}: {label}",
                getattr(ret, name),
            )
            for name, label in zip(names, labels, strict=True)
        ]
        chosen[ret.organisation_id] = {
            "organisation": ret.organisation,
            "answers": list(zip(labels, answers, strict=True)),
            "source": source,
            "status": ret.get_status_display(),
        }
    items = list(chosen.values())
    return {"items": items, "count": len(items)}


PARTNERS = Section(
    key="partners",
    title="Partner contributions",
    template="reports/annual/sections/partners.html",
    gather=_partners,
    help_text=(
        "Each organisation's key achievements, challenges and future priorities from its year-end return (until "
        "that is in, the progress, problems and priorities of its latest return in the year)."
    ),
)
