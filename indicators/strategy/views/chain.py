"""Editing an objective's results chain in place (htmx), with a plain-form fallback."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aspm.forms import call_service
from partnerships.access import Perm, get_object_for
from partnerships.decorators import partnership_view

from ...models import ChainLevel, Objective, ResultsChainEntry
from .. import selectors, services
from ..diagram import results_chain_svg
from ..forms import ChainEntryForm


def chain_context(objective: Objective, *, editable: bool = False) -> dict:
    levels = selectors.chain_levels(objective)
    if editable:
        for level in levels:
            level["form"] = ChainEntryForm(
                objective=objective, level=level["level"].value, auto_id=f"add{level['level'].value}_%s"
            )
    entries = [e for level in levels for e in level["entries"]]
    return {
        "levels": levels,
        "empty_levels": [level["label"] for level in levels if not level["entries"]],
        "chain_svg": results_chain_svg(entries, title=f"Results chain of {objective.code} {objective.title}"),
        "chain_objective": objective,
    }


def _chain_response(request, objective: Objective) -> HttpResponse:
    if request.htmx:
        return render(request, "strategy/_chain.html", chain_context(objective, editable=True))
    url = reverse("strategy:objective_detail", kwargs={"slug": request.partnership.slug, "pk": objective.pk})
    return redirect(url + "#chain")


@partnership_view(need=Perm.VIEW)
def chain_entry_create(request: HttpRequest, pk: int, level: int) -> HttpResponse:
    objective = get_object_for(request.membership, Objective, pk=pk, need=Perm.EDIT_PLAN)
    if level not in ChainLevel.values:
        raise Http404("No such level.")
    form = ChainEntryForm(request.POST or None, objective=objective, level=level, auto_id=f"add{level}_%s")
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form, services.chain_entry_create, actor=request.user, objective=objective, level=level, **form.cleaned_data
        )
        if ok:
            return _chain_response(request, objective)
    context = {
        "form": form,
        "objective": objective,
        "level": ChainLevel(level),
        "level_value": level,
        "level_label": ChainLevel(level).label,
        "entry": None,
    }
    if request.htmx:
        response = render(request, "strategy/_chain_entry_form.html", context)
        response["HX-Retarget"] = f"#add-{level}"
        response["HX-Reswap"] = "outerHTML"
        return response
    return render(request, "strategy/chain_entry_form.html", context)


@partnership_view(need=Perm.VIEW)
def chain_entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_for(
        request.membership, ResultsChainEntry.objects.select_related("objective"), pk=pk, need=Perm.EDIT_PLAN
    )
    form = ChainEntryForm(
        request.POST or None,
        instance=entry,
        objective=entry.objective,
        level=entry.level,
        auto_id=f"entry{entry.pk}_%s",
    )
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(form, services.chain_entry_update, actor=request.user, entry=entry, **form.cleaned_data)
        if ok:
            return _chain_response(request, entry.objective)
    context = {
        "form": form,
        "objective": entry.objective,
        "level": ChainLevel(entry.level),
        "level_value": entry.level,
        "level_label": ChainLevel(entry.level).label,
        "entry": entry,
    }
    if request.htmx:
        response = render(request, "strategy/_chain_entry_form.html", context)
        if request.method == "POST":
            response["HX-Retarget"] = f"#entry-{entry.pk}"
            response["HX-Reswap"] = "outerHTML"
        return response
    return render(request, "strategy/chain_entry_form.html", context)


@partnership_view(need=Perm.VIEW)
@require_POST
def chain_entry_delete(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_for(
        request.membership, ResultsChainEntry.objects.select_related("objective"), pk=pk, need=Perm.EDIT_PLAN
    )
    objective = entry.objective
    services.chain_entry_delete(actor=request.user, entry=entry)
    return _chain_response(request, objective)
