"""SMART objectives: the flagged list, one objective with its SMART check and results chain."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aspm.deleting import delete_then_redirect
from aspm.forms import call_service
from partnerships.access import Perm, can, get_object_for
from partnerships.decorators import partnership_view

from ...models import Objective
from .. import selectors, services
from ..forms import ObjectiveForm, SpecificForm
from ..smart import SPECIFIC_PROMPT
from .chain import chain_context


@partnership_view(need=Perm.VIEW)
def objective_list(request: HttpRequest) -> HttpResponse:
    objectives = selectors.objectives_with_smart(request.partnership)
    strand = request.GET.get("strand", "")
    if strand:
        objectives = [o for o in objectives if o.strand and o.strand.code == strand]
    if request.GET.get("flagged"):
        objectives = [o for o in objectives if o.failing]
    return render(
        request,
        "strategy/objective_list.html",
        {
            "objectives": objectives,
            "strands": selectors.strands(request.partnership),
            "strand": strand,
            "flagged": bool(request.GET.get("flagged")),
            "flagged_count": sum(1 for o in objectives if o.failing),
        },
    )


@partnership_view(need=Perm.EDIT_PLAN)
def objective_create(request: HttpRequest) -> HttpResponse:
    form = ObjectiveForm(request.POST or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        ok, objective = call_service(
            form, services.objective_create, actor=request.user, partnership=request.partnership, **form.cleaned_data
        )
        if ok:
            messages.success(request, f"{objective.code} is added. Now build its results chain.")
            return redirect("strategy:objective_detail", slug=request.partnership.slug, pk=objective.pk)
    return render(request, "strategy/objective_form.html", {"form": form, "objective": None})


@partnership_view(need=Perm.VIEW)
def objective_edit(request: HttpRequest, pk: int) -> HttpResponse:
    objective = get_object_for(request.membership, Objective, pk=pk, need=Perm.EDIT_PLAN)
    form = ObjectiveForm(request.POST or None, instance=objective, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form, services.objective_update, actor=request.user, objective=objective, **form.cleaned_data
        )
        if ok:
            messages.success(request, f"{objective.code} is saved.")
            return redirect("strategy:objective_detail", slug=request.partnership.slug, pk=objective.pk)
    return render(request, "strategy/objective_form.html", {"form": form, "objective": objective})


@partnership_view(need=Perm.VIEW)
def objective_detail(request: HttpRequest, pk: int) -> HttpResponse:
    objective = get_object_for(request.membership, Objective, pk=pk, need=Perm.VIEW)
    objective = selectors.objective_smart(objective)
    return render(
        request,
        "strategy/objective_detail.html",
        {
            "objective": objective,
            "specific_form": SpecificForm(initial={"confirmed": objective.specific_confirmed}),
            "specific_prompt": SPECIFIC_PROMPT,
            "risks": objective.risks.all(),
            **chain_context(objective, editable=can(request.membership, Perm.EDIT_PLAN)),
        },
    )


@partnership_view(need=Perm.VIEW)
@require_POST
def objective_specific(request: HttpRequest, pk: int) -> HttpResponse:
    objective = get_object_for(request.membership, Objective, pk=pk, need=Perm.EDIT_PLAN)
    form = SpecificForm(request.POST)
    form.is_valid()
    confirmed = bool(form.cleaned_data.get("confirmed"))
    services.objective_set_specific(actor=request.user, objective=objective, confirmed=confirmed)
    messages.success(request, "Marked as specific." if confirmed else "No longer marked as specific.")
    return redirect("strategy:objective_detail", slug=request.partnership.slug, pk=objective.pk)


@partnership_view(need=Perm.VIEW)
@require_POST
def objective_delete(request: HttpRequest, pk: int) -> HttpResponse:
    objective = get_object_for(request.membership, Objective, pk=pk, need=Perm.EDIT_PLAN)
    slug = request.partnership.slug
    return delete_then_redirect(
        request,
        lambda: services.objective_delete(actor=request.user, objective=objective),
        done=f"{objective.code} is deleted.",
        back=reverse("strategy:objective_detail", kwargs={"slug": slug, "pk": objective.pk}),
        then=reverse("strategy:objectives", kwargs={"slug": slug}),
    )
