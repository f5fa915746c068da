"""The development goals checklist, with evidence documents served only to members."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from aspm.forms import call_service
from aspm.uploads import file_response
from partnerships.access import Perm, get_object_for
from partnerships.decorators import partnership_view

from ...models import DevelopmentGoal, GoalStatus
from .. import selectors, services
from ..forms import DevelopmentGoalForm


@partnership_view(need=Perm.VIEW)
def goal_list(request: HttpRequest) -> HttpResponse:
    goals = selectors.development_goals(request.partnership)
    return render(
        request,
        "strategy/goal_list.html",
        {"goals": goals, "done": sum(g.status == GoalStatus.DONE for g in goals), "total": len(goals)},
    )


@partnership_view(need=Perm.VIEW)
def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_object_for(request.membership, DevelopmentGoal, pk=pk, need=Perm.EDIT_PLAN)
    initial = {
        "status": goal.status,
        "achieved_on": goal.achieved_on,
        "note": goal.note,
        "evidence_link": goal.evidence_link,
    }
    form = DevelopmentGoalForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(form, services.development_goal_update, actor=request.user, goal=goal, **form.cleaned_data)
        if ok:
            messages.success(request, f"“{goal}” is saved.")
            return redirect("strategy:goals", slug=request.partnership.slug)
    return render(request, "strategy/goal_form.html", {"form": form, "goal": goal})


@partnership_view(need=Perm.VIEW)
def goal_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_object_for(request.membership, DevelopmentGoal, pk=pk, need=Perm.VIEW)
    if not goal.evidence_file:
        raise Http404("No document.")
    return file_response(goal.evidence_file)
