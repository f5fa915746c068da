"""Vision, mission, theory of change, assumptions and strands."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from aspm.financial_calendar import calendar_of, year_label
from aspm.forms import call_service
from partnerships.access import Perm, get_object_for
from partnerships.decorators import partnership_view

from ...models import Assumption, Strand
from .. import selectors, services
from ..forms import AssumptionForm, AssumptionReviewForm, PlanStatementForm, StrandForm, StrategyPeriodForm
from ..period import strategy_period_of


def _to_plan(request):
    return redirect("strategy:plan", slug=request.partnership.slug)


@partnership_view(need=Perm.VIEW)
def plan(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "strategy/plan.html",
        {
            "statement": selectors.plan_statement(request.partnership),
            "assumptions": selectors.assumptions(request.partnership),
            "strategy_period": strategy_period_of(request.partnership),
            "milestones": selectors.milestones_by_indicator(request.partnership),
        },
    )


@partnership_view(need=Perm.EDIT_PLAN)
def strategy_period(request: HttpRequest) -> HttpResponse:
    """Choose the strategy period's first and last financial year."""
    cal, today = calendar_of(request.partnership), timezone.localdate()
    years = [(y, year_label(cal.year_starting(y))) for y in cal.years_open(today)]
    current = strategy_period_of(request.partnership)
    this = cal.year_start(today).year
    initial = (
        {"strategy_start_year": current.start_year, "strategy_end_year": current.end_year}
        if current
        else {"strategy_start_year": this, "strategy_end_year": this + 4}
    )
    form = StrategyPeriodForm(request.POST or None, years=years, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form,
            services.strategy_period_set,
            actor=request.user,
            partnership=request.partnership,
            start_year=form.cleaned_data["strategy_start_year"],
            end_year=form.cleaned_data["strategy_end_year"],
        )
        if ok:
            messages.success(request, f"The strategy period is now {strategy_period_of(request.partnership).label}.")
            return _to_plan(request)
    return render(request, "strategy/form.html", {"form": form, "title": "Strategy period"})


@partnership_view(need=Perm.EDIT_PLAN)
def plan_edit(request: HttpRequest) -> HttpResponse:
    form = PlanStatementForm(request.POST or None, instance=selectors.plan_statement(request.partnership))
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form,
            services.plan_statement_update,
            actor=request.user,
            partnership=request.partnership,
            **form.cleaned_data,
        )
        if ok:
            messages.success(request, "The vision and theory of change are saved.")
            return _to_plan(request)
    return render(request, "strategy/form.html", {"form": form, "title": "Vision, mission and theory of change"})


@partnership_view(need=Perm.EDIT_PLAN)
def assumption_create(request: HttpRequest) -> HttpResponse:
    form = AssumptionForm(request.POST or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form, services.assumption_create, actor=request.user, partnership=request.partnership, **form.cleaned_data
        )
        if ok:
            messages.success(request, "The assumption is added. Record what the evidence says when you test it.")
            return _to_plan(request)
    return render(request, "strategy/form.html", {"form": form, "title": "Add an assumption"})


@partnership_view(need=Perm.VIEW)
def assumption_edit(request: HttpRequest, pk: int) -> HttpResponse:
    assumption = get_object_for(request.membership, Assumption, pk=pk, need=Perm.EDIT_PLAN)
    form = AssumptionForm(request.POST or None, instance=assumption, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form, services.assumption_update, actor=request.user, assumption=assumption, **form.cleaned_data
        )
        if ok:
            messages.success(request, "The assumption is saved.")
            return _to_plan(request)
    return render(
        request,
        "strategy/form.html",
        {
            "form": form,
            "title": "Edit the assumption",
            "delete_action": reverse("strategy:assumption_delete", args=[request.partnership.slug, assumption.pk]),
            "delete_label": "Delete this assumption",
        },
    )


@partnership_view(need=Perm.VIEW)
def assumption_review(request: HttpRequest, pk: int) -> HttpResponse:
    assumption = get_object_for(request.membership, Assumption, pk=pk, need=Perm.EDIT_PLAN)
    form = AssumptionReviewForm(request.POST or None, initial={"status": assumption.status, "on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form,
            services.assumption_review,
            actor=request.user,
            assumption=assumption,
            status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            on=form.cleaned_data["on"],
        )
        if ok:
            messages.success(request, "The verdict is recorded.")
            return _to_plan(request)
    return render(
        request,
        "strategy/form.html",
        {"form": form, "title": "Record a test of this assumption", "lead": assumption.statement},
    )


@partnership_view(need=Perm.VIEW)
@require_POST
def assumption_delete(request: HttpRequest, pk: int) -> HttpResponse:
    assumption = get_object_for(request.membership, Assumption, pk=pk, need=Perm.EDIT_PLAN)
    services.assumption_delete(actor=request.user, assumption=assumption)
    messages.success(request, "The assumption is deleted.")
    return _to_plan(request)


@partnership_view(need=Perm.VIEW)
def strand_list(request: HttpRequest) -> HttpResponse:
    return render(request, "strategy/strands.html", {"strands": selectors.strands(request.partnership)})


@partnership_view(need=Perm.EDIT_PLAN)
def strand_create(request: HttpRequest) -> HttpResponse:
    form = StrandForm(request.POST or None, initial={"order": 10})
    if request.method == "POST" and form.is_valid():
        ok, strand = call_service(
            form, services.strand_create, actor=request.user, partnership=request.partnership, **form.cleaned_data
        )
        if ok:
            messages.success(request, f"The strand {strand} is added.")
            return redirect("strategy:strands", slug=request.partnership.slug)
    return render(request, "strategy/form.html", {"form": form, "title": "Add a strand"})


@partnership_view(need=Perm.VIEW)
def strand_edit(request: HttpRequest, pk: int) -> HttpResponse:
    strand = get_object_for(request.membership, Strand, pk=pk, need=Perm.EDIT_PLAN)
    form = StrandForm(request.POST or None, instance=strand)
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(form, services.strand_update, actor=request.user, strand=strand, **form.cleaned_data)
        if ok:
            messages.success(request, f"The strand {strand} is saved.")
            return redirect("strategy:strands", slug=request.partnership.slug)
    return render(request, "strategy/form.html", {"form": form, "title": f"Rename or describe {strand}"})
