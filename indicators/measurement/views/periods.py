"""Reporting periods: add a financial year, open and lock periods; the tolerance band."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from aspm.errors import in_words
from aspm.financial_calendar import calendar_of, year_label
from aspm.forms import call_service
from partnerships.access import Perm, get_object_for, scoped
from partnerships.decorators import partnership_view

from ...models import ReportingPeriod
from ...strategy.period import year_window
from .. import selectors, services
from ..forms import SettingsForm, YearForm
from ..services.periods import year_start_for


def _year_choices(partnership) -> list[tuple[int, str]]:
    cal = calendar_of(partnership)
    return [(y, year_label(cal.year_starting(y))) for y in cal.years_open(timezone.localdate())]


@partnership_view(need=Perm.VIEW)
def period_list(request: HttpRequest) -> HttpResponse:
    return _page(request)


def _page(request, settings_form: SettingsForm | None = None) -> HttpResponse:
    """The periods page; with a refused ``settings_form``, shown again with its error (422)."""
    window = year_window(request)  # twenty years of months would bury the page: the strategy period first
    everything = list(scoped(request.partnership, ReportingPeriod).order_by("-start", "kind"))
    periods = [p for p in everything if window.shows(p.start)]
    years = [p for p in periods if p.kind == "year"]
    quarters = [p for p in periods if p.kind == "quarter"]
    months = [p for p in periods if p.kind == "month"]
    context = {
        "years": years,
        "quarters": quarters,
        "months": months,
        "window": window,
        "hidden": len(everything) - len(periods),
        "year_form": YearForm(
            years=_year_choices(request.partnership),
            initial={"year_start": year_start_for(request.partnership, timezone.localdate()).year},
        ),
        "settings_form": settings_form
        or SettingsForm(initial={"tolerance_percent": selectors.tolerance_of(request.partnership)}),
    }
    return render(request, "indicators/period_list.html", context, status=422 if settings_form else 200)


@partnership_view(need=Perm.MANAGE_PERIODS)
@require_POST
def period_add_year(request: HttpRequest) -> HttpResponse:
    form = YearForm(request.POST, years=_year_choices(request.partnership))
    if form.is_valid():
        start = calendar_of(request.partnership).year_starting(form.cleaned_data["year_start"])
        made = services.periods_ensure_year(actor=request.user, partnership=request.partnership, year_start=start)
        if made:
            messages.success(request, f"{year_label(start)} is added: the year, its quarters and months.")
        else:
            messages.info(request, f"{year_label(start)} was already there.")
    else:
        words = calendar_of(request.partnership).years_open_words(timezone.localdate())
        messages.error(request, f"Choose a financial year from {words}.")
    return redirect("indicators:periods", slug=request.partnership.slug)


def _change(request, pk: int, service, done: str) -> HttpResponse:
    period = get_object_for(request.membership, ReportingPeriod, pk=pk, need=Perm.MANAGE_PERIODS)
    try:
        service(actor=request.user, period=period)
        messages.success(request, f"{period.label} is {done}.")
    except ValidationError as error:
        messages.error(request, in_words(error))
    return redirect("indicators:periods", slug=request.partnership.slug)


@partnership_view(need=Perm.VIEW)
@require_POST
def period_open(request: HttpRequest, pk: int) -> HttpResponse:
    return _change(request, pk, services.period_open, "open for figures")


@partnership_view(need=Perm.VIEW)
@require_POST
def period_lock(request: HttpRequest, pk: int) -> HttpResponse:
    return _change(request, pk, services.period_lock, "locked")


@partnership_view(need=Perm.EDIT_PLAN)
@require_POST
def settings_edit(request: HttpRequest) -> HttpResponse:
    form = SettingsForm(request.POST)
    if form.is_valid():
        ok, _ = call_service(
            form,
            services.settings_update,
            actor=request.user,
            partnership=request.partnership,
            tolerance_percent=form.cleaned_data["tolerance_percent"],
        )
        if ok:
            messages.success(request, f"The tolerance band is now {form.cleaned_data['tolerance_percent']}%.")
            return redirect("indicators:periods", slug=request.partnership.slug)
    return _page(request, settings_form=form)
