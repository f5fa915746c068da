"""The indicator library: browse and filter the sample indicators, adopt one or several."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aspm.forms import call_service
from partnerships.access import Perm, scoped
from partnerships.decorators import partnership_view

from ... import library_data
from ...models import Indicator, Unit
from .. import services
from ..forms import LibraryAdoptForm


def _filtered(request) -> tuple[list[dict], dict]:
    g = request.GET
    chosen = {k: g.get(k, "") for k in ("objective", "category", "type", "partner", "q")}
    items = list(library_data.LIBRARY_INDICATORS)
    if chosen["objective"]:
        items = [i for i in items if i["objective"] == chosen["objective"]]
    if chosen["category"]:
        items = [i for i in items if i["category"] == chosen["category"]]
    if chosen["type"]:
        items = [i for i in items if i["type"] == chosen["type"]]
    if chosen["partner"]:
        items = [i for i in items if chosen["partner"] in i["typical_partners"]]
    if chosen["q"]:
        needle = chosen["q"].lower()
        items = [i for i in items if needle in i["name"].lower() or needle in i["description"].lower()]
    return items, chosen


@partnership_view(need=Perm.VIEW)
def library(request: HttpRequest) -> HttpResponse:
    return _render(request, LibraryAdoptForm(partnership=request.partnership))


@partnership_view(need=Perm.EDIT_PLAN)
@require_POST
def library_adopt(request: HttpRequest) -> HttpResponse:
    form = LibraryAdoptForm(request.POST, partnership=request.partnership)
    if form.is_valid():
        ok, result = call_service(
            form,
            services.library_adopt,
            actor=request.user,
            partnership=request.partnership,
            codes=form.cleaned_data["codes"],
            objective=form.cleaned_data["objective"],
        )
        if ok:
            made, skipped = result
            if made:
                messages.success(
                    request,
                    f"{len(made)} indicator{'s' if len(made) != 1 else ''} adopted. "
                    "Adapt them to your partnership: reporters, baseline and targets.",
                )
            if skipped:
                messages.info(request, f"Already in your indicators: {', '.join(skipped)}.")
            if len(made) == 1:
                return redirect("indicators:edit", slug=request.partnership.slug, pk=made[0].pk)
            return redirect("indicators:list", slug=request.partnership.slug)
    return _render(request, form)


UNIT_LABELS = {value: str(label).lower() for value, label in Unit.choices}  # "yes_no" -> "yes / no"


def _render(request, form) -> HttpResponse:
    items, chosen = _filtered(request)
    adopted = set(
        scoped(request.partnership, Indicator).exclude(library_code="").values_list("library_code", flat=True)
    )
    groups = []
    for objective in library_data.LIBRARY_OBJECTIVES:
        rows = [
            {**i, "unit_label": UNIT_LABELS.get(i["unit"], i["unit"])}
            for i in items
            if i["objective"] == objective["code"]
        ]
        if rows:
            groups.append({"objective": objective, "items": rows})
    context = {
        "form": form,
        "groups": groups,
        "chosen": chosen,
        "adopted": adopted,
        "count": len(items),
        "objectives": library_data.LIBRARY_OBJECTIVES,
        "categories": sorted({i["category"] for i in library_data.LIBRARY_INDICATORS}),
        "types": library_data.INDICATOR_TYPES,
        "partners": library_data.PARTNER_TYPES,
    }
    return render(request, "indicators/library.html", context)
