"""Qualitative evidence: outcome-harvesting entries and case studies beside the numbers."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from aspm.forms import call_service
from partnerships.access import Perm, get_object_for, scoped
from partnerships.decorators import partnership_view

from ...models import CaseStudy, OutcomeHarvest
from .. import services
from ..forms import CaseStudyForm, OutcomeHarvestForm

KINDS = {
    "outcome": (
        OutcomeHarvest,
        OutcomeHarvestForm,
        services.outcome_harvest_create,
        services.outcome_harvest_update,
        "entry",
        "outcome-harvesting entry",
    ),
    "case": (CaseStudy, CaseStudyForm, services.case_study_create, services.case_study_update, "case", "case study"),
}


@partnership_view(need=Perm.VIEW)
def evidence_list(request: HttpRequest) -> HttpResponse:
    outcomes = scoped(request.partnership, OutcomeHarvest).select_related("objective", "chain_entry")
    cases = scoped(request.partnership, CaseStudy).select_related("objective", "chain_entry")
    return render(request, "indicators/evidence_list.html", {"outcomes": outcomes, "cases": cases})


def _form_page(request, kind: str, obj=None) -> HttpResponse:
    model, form_class, create, update, arg, label = KINDS[kind]
    form = form_class(request.POST or None, instance=obj, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        if obj is None:
            ok, _ = call_service(form, create, actor=request.user, partnership=request.partnership, **form.cleaned_data)
        else:
            ok, _ = call_service(form, update, actor=request.user, **{arg: obj}, **form.cleaned_data)
        if ok:
            messages.success(request, f"The {label} is saved.")
            return redirect("indicators:evidence", slug=request.partnership.slug)
    return render(request, "indicators/evidence_form.html", {"form": form, "obj": obj, "label": label, "kind": kind})


@partnership_view(need=Perm.EDIT_PLAN)
def outcome_create(request: HttpRequest) -> HttpResponse:
    return _form_page(request, "outcome")


@partnership_view(need=Perm.VIEW)
def outcome_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_page(
        request, "outcome", get_object_for(request.membership, OutcomeHarvest, pk=pk, need=Perm.EDIT_PLAN)
    )


@partnership_view(need=Perm.EDIT_PLAN)
def case_create(request: HttpRequest) -> HttpResponse:
    return _form_page(request, "case")


@partnership_view(need=Perm.VIEW)
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_page(request, "case", get_object_for(request.membership, CaseStudy, pk=pk, need=Perm.EDIT_PLAN))
