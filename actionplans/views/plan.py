"""The action plan page, "My actions", the plan as it stood on a date, and sub-group work plans."""

from __future__ import annotations

from itertools import groupby

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from aspm.fragments import cached_fragments
from partnerships.access import Perm, can, get_object_for, scoped
from partnerships.decorators import partnership_view
from partnerships.models import SubGroup

from .. import clock, selectors
from ..forms import AsOfForm, BulkStatusForm, PlanFilterForm
from ..models import RAG_MEANINGS, Action, RagStatus
from .common import mark_changeable, owns_actions

PAGE_SIZE = 50


def _group_label(action, group: str) -> str:
    if group == "objective":
        return str(action.objective) if action.objective_id else "No objective"
    if group == "subgroup":
        return str(action.subgroup) if action.subgroup_id else "No sub-group"
    if group == "strand":
        return str(action.strand) if action.strand_id else "No strand"
    return ""


def _group_key(action, group: str) -> str:
    pk = getattr(action, f"{group}_id", None) if group != "none" else None
    return f"{group}-{pk if pk is not None else 'none'}"


def _groups(actions, group: str, *, starts=None, first: int = 0) -> list[tuple]:
    """(label, rows, key, continued) for each run of ``actions`` in the same group; ``starts`` (each
    group's first position in the whole plan) marks a group begun before position ``first``."""
    groups = []
    for key, rows in groupby(actions, key=lambda a: _group_key(a, group)):
        rows = list(rows)
        continued = (starts or {}).get(key, first) < first
        groups.append((_group_label(rows[0], group), rows, key, continued))
    return groups


def _table_context(request, queryset, group: str, query: str, sizes=()) -> dict:
    """The page of actions, in groups; ``sizes`` (``selectors.group_sizes``) marks a group begun on
    an earlier page as continued."""
    paginator = Paginator(queryset, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    actions = mark_changeable(request.membership, page.object_list)
    groups = _groups(actions, group, starts={size.key: size.first for size in sizes}, first=page.start_index() - 1)
    return {
        "page": page,
        "groups": groups,
        "grouped": group != "none",
        "query": query,
        "today": clock.today(),
        "any_changeable": any(a.can_change for a in actions),
        "bulk_form": BulkStatusForm(),
        "rag_meanings": [(RagStatus(k).label, v) for k, v in RAG_MEANINGS.items()],
    }


def _sort_links(params: dict, current: str) -> dict:
    links = {}
    for key in ("title", "owner", "due", "status"):
        descending = current == key
        other = {k: v for k, v in params.items() if v and k not in ("sort", "page")}
        links[key] = {
            "url": "?" + urlencode({**other, "sort": f"-{key}" if descending else key}),
            "aria": "ascending" if current == key else "descending" if current == f"-{key}" else "",
        }
    return links


PLAN_FRAGMENTS = {
    "filters": "actionplans/_plan_filters.html",
    "contents": "actionplans/_plan_contents.html",
    "table": "actionplans/_table.html",
}


@partnership_view(need=Perm.VIEW)
def plan(request: HttpRequest) -> HttpResponse:
    form = PlanFilterForm(request.GET or None, partnership=request.partnership)
    values = form.filters()
    flt = selectors.PlanFilter(**values)
    params = {k: v for k, v in request.GET.items() if k != "page"}
    query = urlencode(params)

    def listing() -> dict:  # the page of actions: drawn again only when the plan changes
        queryset = selectors.plan(request.partnership, flt)
        sizes = selectors.group_sizes(queryset, flt.group)
        return {
            "form": form,
            "sort_links": _sort_links(params, flt.sort),
            "group_kind": flt.group,
            "contents": [
                {"label": size.label, "count": size.count, "page": size.first // PAGE_SIZE + 1, "key": size.key}
                for size in sizes
            ],
            **_table_context(request, queryset, flt.group, query, sizes),
        }

    drawn = cached_fragments(
        request,
        "action-plan",
        PLAN_FRAGMENTS,
        listing,
        parts=[sorted(request.GET.items())],
        values=["any_changeable"],
        keep=not flt.q,  # a search is drawn each time, so that free text cannot fill the cache
    )
    context = {
        "query": query,
        "counts": selectors.status_counts(scoped(request.partnership, Action)),
        "drawn": drawn,
        "any_changeable": drawn["any_changeable"],
        "bulk_form": BulkStatusForm(),
    }
    return render(request, "actionplans/plan.html", context)


@partnership_view(need=Perm.VIEW)
def mine(request: HttpRequest) -> HttpResponse:
    membership = request.membership
    if not owns_actions(membership):
        return _attention(request)
    if membership.organisation_id:
        flt = selectors.PlanFilter(only_organisation=membership.organisation_id, group="none")
        whose = str(membership.organisation)
    else:
        flt = selectors.PlanFilter(only_person=membership.pk, group="none")
        whose = "you"
    queryset = selectors.plan(request.partnership, flt)
    context = {
        "mine_page": True,
        "whose": whose,
        "count_filter": f"organisation={membership.organisation_id}&" if membership.organisation_id else "",
        "counts": selectors.status_counts(queryset),
        "can_update_own": can(membership, Perm.UPDATE_OWN_ACTIONS, organisation=membership.organisation),
        **_table_context(request, queryset, "none", ""),
    }
    return render(request, "actionplans/mine.html", context)


def _attention(request: HttpRequest) -> HttpResponse:
    """ "My actions" for a board member or a viewer, who own no actions: what the board should ask
    about, the actions that are Red or past their due date, with their owners (and any action that
    names the member as its owner), the longest overdue first."""
    flt = selectors.PlanFilter(attention_for=request.membership.pk, group="none")
    queryset = selectors.plan(request.partnership, flt)
    context = {
        "mine_page": True,
        "attention": True,
        "counts": selectors.status_counts(queryset),
        **_table_context(request, queryset, "none", ""),
    }
    return render(request, "actionplans/attention.html", context)


@partnership_view(need=Perm.VIEW)
def as_of(request: HttpRequest) -> HttpResponse:
    form = AsOfForm(request.GET or None)
    actions, counts, day = None, None, None
    if form.is_valid():
        day = form.cleaned_data["date"]
        actions = list(selectors.plan_as_of(request.partnership, day))
        counts = dict.fromkeys(RagStatus.values, 0)
        for a in actions:
            counts[a.status_then] = counts.get(a.status_then, 0) + 1
            a.overdue_then = a.status_then != RagStatus.COMPLETE and a.due_date < day
        counts["overdue"] = sum(a.overdue_then for a in actions)
    return render(request, "actionplans/as_of.html", {"form": form, "actions": actions, "counts": counts, "day": day})


@partnership_view(need=Perm.VIEW)
def subgroup_list(request: HttpRequest) -> HttpResponse:
    from django.db.models import Count

    subgroups = scoped(request.partnership, SubGroup).annotate(action_count=Count("actions")).order_by("name")
    return render(request, "actionplans/subgroup_list.html", {"subgroups": subgroups})


@partnership_view(need=Perm.VIEW)
def subgroup_plan(request: HttpRequest, pk: int) -> HttpResponse:
    subgroup = get_object_for(request.membership, SubGroup.objects.select_related("chair__user"), pk=pk)
    queryset = selectors.plan(request.partnership, selectors.PlanFilter(subgroup=subgroup.pk, group="objective"))
    actions = list(queryset)
    groups = _groups(actions, "objective")
    context = {
        "subgroup": subgroup,
        "groups": groups,
        "counts": selectors.status_counts(queryset),
        "today": clock.today(),
        "members": subgroup.members.select_related("user", "organisation"),
    }
    return render(request, "actionplans/subgroup_plan.html", context)
