"""Indicators: list, add, page (progress, charts, figures, targets), edit, delete, baseline and targets."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aspm.deleting import delete_then_redirect
from aspm.forms import add_service_errors, call_service
from aspm.fragments import cached_fragments
from partnerships.access import Perm, get_object_for, scoped
from partnerships.decorators import partnership_view

from ...models import Indicator, IndicatorType, Milestone, PeriodKind, ReportingPeriod, Rollup, Target
from ...strategy.period import strategy_period_of, year_window
from .. import charts, dimensions, selectors, services
from ..forms import PERIOD_KIND_FOR, BaselineTargetsForm, IndicatorForm, MilestoneForm
from ..indicator_page import indicator_page
from ..milestones import milestones_of


def _int(value) -> int | None:
    return int(value) if str(value or "").isdigit() else None


def results_filter(request) -> selectors.ResultsFilter:
    g = request.GET
    return selectors.ResultsFilter(
        strand=_int(g.get("strand")),
        objective=_int(g.get("objective")),
        organisation=_int(g.get("organisation")),
        type=g.get("type", "") if g.get("type") in IndicatorType.values else "",
        text=g.get("q", "")[:100],
    )


@partnership_view(need=Perm.VIEW)
def indicator_list(request: HttpRequest) -> HttpResponse:
    f = results_filter(request)
    context = {
        "indicators": selectors.indicator_list(request.partnership, f),
        "filters": f,
        "types": IndicatorType.choices,
        **selectors.filter_choices(request.partnership),
    }
    return render(request, "indicators/indicator_list.html", context)


@partnership_view(need=Perm.EDIT_PLAN)
def indicator_create(request: HttpRequest) -> HttpResponse:
    form = IndicatorForm(request.POST or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        ok, indicator = call_service(
            form,
            services.indicator_create,
            actor=request.user,
            partnership=request.partnership,
            reporting_organisations=list(form.cleaned_data["reporting_organisations"]),
            **form.service_values(),
        )
        if ok:
            messages.success(request, f"{indicator} is added. Now set its baseline and targets.")
            return redirect("indicators:targets", slug=request.partnership.slug, pk=indicator.pk)
    return render(request, "indicators/indicator_form.html", {"form": form, "indicator": None})


INDICATOR_FRAGMENTS = {
    "progress": "indicators/_indicator_progress.html",
    "charts": "indicators/_indicator_charts.html",
    "milestone_chart": "indicators/_indicator_milestone_chart.html",
    "history": "indicators/_indicator_history.html",
}


def _page(request, indicator: Indicator, milestone_form: MilestoneForm | None = None) -> HttpResponse:
    window = year_window(request)

    def figures_and_charts() -> dict:  # only when the partnership's data changed since last drawn
        page = indicator_page(indicator, shows=window.shows)
        return {
            "window": window,
            "hidden": page.hidden,
            "indicator": indicator,
            "page": page,
            "chart": charts.actual_vs_target(page),
            "breakdown_charts": charts.breakdown(page),
            "milestone_chart": charts.milestone_path(page),
        }

    context = {
        "drawn": cached_fragments(
            request, "indicator-page", INDICATOR_FRAGMENTS, figures_and_charts, parts=[indicator.pk, window.all_years]
        ),
        "milestones": milestones_of(indicator),
        "milestone_form": milestone_form or MilestoneForm(),
        "strategy_period": strategy_period_of(request.partnership),
        "indicator": indicator,
        "reporters": list(indicator.reporting_organisations.all()),
        "rule_label": Rollup(indicator.rule).label if indicator.rule else "",
        # the template has always read this: without it every indicator said "Split by: Not split"
        "split_labels": dimensions.split_labels(indicator.disaggregation, dimensions.dimensions_for(indicator)),
    }
    return render(request, "indicators/indicator_detail.html", context)


def _indicator(request, pk: int, need=Perm.VIEW) -> Indicator:
    return get_object_for(
        request.membership,
        Indicator.objects.select_related("strand", "objective", "chain_entry"),
        pk=pk,
        need=need,
    )


@partnership_view(need=Perm.VIEW)
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _indicator(request, pk))


@partnership_view(need=Perm.VIEW)
@require_POST
def milestone_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add (or change, for a date already set) a milestone from the form on the indicator's page."""
    indicator = _indicator(request, pk, need=Perm.EDIT_PLAN)
    form = MilestoneForm(request.POST)
    if form.is_valid():
        ok, milestone = call_service(
            form, services.milestone_set, actor=request.user, indicator=indicator, **form.cleaned_data
        )
        if ok:
            messages.success(request, f"The milestone for {milestone.due_on:%-d %B %Y} is saved.")
            return redirect(
                reverse("indicators:detail", kwargs={"slug": request.partnership.slug, "pk": indicator.pk})
                + "#milestones-heading"
            )
    return _page(request, indicator, milestone_form=form)


@partnership_view(need=Perm.VIEW)
@require_POST
def milestone_delete(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = get_object_for(request.membership, Milestone, pk=pk, need=Perm.EDIT_PLAN)
    back = reverse("indicators:detail", kwargs={"slug": request.partnership.slug, "pk": milestone.indicator_id})
    return delete_then_redirect(
        request,
        lambda: services.milestone_delete(actor=request.user, milestone=milestone),
        done=f"The milestone for {milestone.due_on:%-d %B %Y} is removed.",
        back=back + "#milestones-heading",
    )


@partnership_view(need=Perm.VIEW)
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_for(request.membership, Indicator, pk=pk, need=Perm.EDIT_PLAN)
    form = IndicatorForm(request.POST or None, instance=indicator, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form,
            services.indicator_update,
            actor=request.user,
            indicator=indicator,
            reporting_organisations=list(form.cleaned_data["reporting_organisations"]),
            **form.service_values(),
        )
        if ok:
            messages.success(request, f"{indicator} is saved.")
            return redirect("indicators:detail", slug=request.partnership.slug, pk=indicator.pk)
    return render(request, "indicators/indicator_form.html", {"form": form, "indicator": indicator})


@partnership_view(need=Perm.VIEW)
@require_POST
def indicator_delete(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_for(request.membership, Indicator, pk=pk, need=Perm.EDIT_PLAN)
    slug = request.partnership.slug
    return delete_then_redirect(
        request,
        lambda: services.indicator_delete(actor=request.user, indicator=indicator),
        done=f"{indicator} is deleted.",
        back=reverse("indicators:detail", kwargs={"slug": slug, "pk": indicator.pk}),
        then=reverse("indicators:list", kwargs={"slug": slug}),
    )


@partnership_view(need=Perm.VIEW)
def indicator_targets(request: HttpRequest, pk: int) -> HttpResponse:
    """Baseline, whole-plan target and a target per period of the indicator's frequency."""
    indicator = get_object_for(request.membership, Indicator, pk=pk, need=Perm.EDIT_PLAN)
    kind = PERIOD_KIND_FOR.get(indicator.frequency, PeriodKind.QUARTER)
    window = year_window(request)  # the strategy period's periods unless every year is asked for
    every = list(scoped(request.partnership, ReportingPeriod).filter(kind=kind).order_by("start"))
    periods = [p for p in every if window.shows(p.start)]
    targets = {t.period_id: t.value for t in scoped(request.partnership, Target).filter(indicator=indicator)}
    initial = {
        "baseline_value": indicator.baseline_value,
        "baseline_date": indicator.baseline_date,
        "baseline_span": indicator.baseline_span,
    }
    form = BaselineTargetsForm(request.POST or None, initial=initial, periods=periods, targets=targets)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_baseline_and_targets_set(
                actor=request.user,
                indicator=indicator,
                baseline_value=form.cleaned_data["baseline_value"],
                baseline_date=form.cleaned_data["baseline_date"],
                baseline_span=form.cleaned_data["baseline_span"],
                targets=form.target_values(),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Baseline and targets of {indicator.code} are saved.")
            return redirect("indicators:detail", slug=request.partnership.slug, pk=indicator.pk)
    context = {
        "form": form,
        "indicator": indicator,
        "periods": periods,
        "no_periods": not every,
        "window": window,
        "hidden": len(every) - len(periods),
    }
    return render(request, "indicators/indicator_targets.html", context)
