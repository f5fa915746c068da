"""Sub-groups: who sits on them, who chairs, the strands they cover and the objectives they own."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from aspm.forms import call_service
from partnerships.access import Perm, get_object_for, scoped
from partnerships.decorators import partnership_view
from partnerships.models import SubGroup

from ...models import Objective
from .. import selectors, services
from ..forms import SubGroupForm


@partnership_view(need=Perm.VIEW)
def subgroup_list(request: HttpRequest) -> HttpResponse:
    return render(request, "strategy/subgroup_list.html", {"subgroups": selectors.subgroups(request.partnership)})


@partnership_view(need=Perm.VIEW)
def subgroup_detail(request: HttpRequest, pk: int) -> HttpResponse:
    subgroup = get_object_for(request.membership, selectors.subgroups(request.partnership), pk=pk, need=Perm.VIEW)
    objectives = selectors.objectives_with_smart(
        request.partnership, scoped(request.partnership, Objective).filter(owner_subgroup=subgroup)
    )
    return render(
        request,
        "strategy/subgroup_detail.html",
        {"subgroup": subgroup, "members": selectors.subgroup_members(subgroup), "objectives": objectives},
    )


def _form(request, subgroup=None):
    initial = None
    if subgroup is not None:
        initial = {
            "name": subgroup.name,
            "purpose": subgroup.purpose,
            "chair": subgroup.chair,
            "members": list(subgroup.members.all()),
            "strands": list(subgroup.strands.all()),
        }
    return SubGroupForm(
        request.POST or None,
        initial=initial,
        partnership=request.partnership,
        members=selectors.members_for_choice(request.partnership),
    )


@partnership_view(need=Perm.EDIT_PLAN)
def subgroup_create(request: HttpRequest) -> HttpResponse:
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        ok, subgroup = call_service(
            form, services.subgroup_create, actor=request.user, partnership=request.partnership, **form.cleaned_data
        )
        if ok:
            messages.success(request, f"The sub-group {subgroup} is added.")
            return redirect("strategy:subgroup_detail", slug=request.partnership.slug, pk=subgroup.pk)
    return render(request, "strategy/form.html", {"form": form, "title": "Add a sub-group"})


@partnership_view(need=Perm.VIEW)
def subgroup_edit(request: HttpRequest, pk: int) -> HttpResponse:
    subgroup = get_object_for(request.membership, SubGroup, pk=pk, need=Perm.EDIT_PLAN)
    form = _form(request, subgroup)
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(form, services.subgroup_update, actor=request.user, subgroup=subgroup, **form.cleaned_data)
        if ok:
            messages.success(request, f"The sub-group {subgroup} is saved.")
            return redirect("strategy:subgroup_detail", slug=request.partnership.slug, pk=subgroup.pk)
    return render(request, "strategy/form.html", {"form": form, "title": f"Edit {subgroup}"})
