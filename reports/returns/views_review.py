"""Coordinators' side of the returns: the completeness dashboard, approving, returning with a
reason, reopening, each quarter's due date, and opening returns for a quarter."""

from __future__ import annotations

import hashlib

import pygal
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST
from pygal.style import Style

from aspm.charts import STYLE, chart_config
from aspm.charts import render as render_chart
from aspm.errors import in_words
from aspm.forms import call_service
from indicators.models import PeriodKind, ReportingPeriod
from partnerships.access import Perm, get_object_for
from partnerships.decorators import partnership_view

from . import selectors, services
from .forms import ApproveForm, DeadlineForm, ReasonForm
from .views import _render_return, get_return


def _timeliness_chart(data: selectors.Completeness) -> str:
    """The chart's SVG, cached by its numbers: pygal takes a good part of a second for a county's
    60 organisations, and the numbers change only when a return moves."""
    numbers = [(row.organisation.name, row.on_time, row.late_submissions, row.outstanding) for row in data.rows]
    key = "returns-timeliness-" + hashlib.sha256(repr(numbers).encode()).hexdigest()
    return cache.get_or_set(key, lambda: _draw_timeliness(data), 24 * 3600)


def _draw_timeliness(data: selectors.Completeness) -> str:
    chart = pygal.HorizontalStackedBar(
        **chart_config(
            "Returns submitted on time and late, by organisation",
            height=max(240, 60 + 34 * len(data.rows)),
            legend_columns=3,
            style=Style(**{**STYLE.to_dict(), "colors": ("#1e6b33", "#e69f00", "#b3261e")}),
        )
    )
    rows = list(reversed(data.rows))  # pygal draws the first label at the bottom
    chart.x_labels = [row.organisation.name for row in rows]
    chart.add("On time", [row.on_time for row in rows])
    chart.add("Late", [row.late_submissions for row in rows])
    chart.add("Overdue now", [row.outstanding for row in rows])
    return render_chart(chart)


def _badge(cell: selectors.Cell, base: str) -> str:
    badge = format_html('<span class="rs rs-{}{}">{}</span>', cell.state, " rs-late" if cell.late else "", cell.label)
    if cell.return_id is None:
        return badge
    return format_html('<a href="{}{}/" class="text-decoration-none">{}</a>', base, cell.return_id, badge)


def _days(cell: selectors.Cell) -> str:
    if cell.days_late is None:
        return "not yet, late" if cell.late else "—"
    if cell.days_late > 0:
        return f"{cell.days_late} late"
    return "on the day" if cell.days_late == 0 else f"{-cell.days_late} early"


def _prerender(data: selectors.Completeness, base: str) -> None:
    """The grid's cells as HTML, built in Python: hundreds of cells cost far less this way than
    as template nodes (see bench/returns_bench.py)."""
    for row in data.rows:
        row.grid_html = format_html_join(
            "", '<td data-sort-value="{}">{}</td>', ((c.state, _badge(c, base)) for c in row.cells)
        )
        row.days_html = format_html_join(
            "",
            '<td data-sort-value="{}">{}</td>',
            (("" if c.days_late is None else c.days_late, _days(c)) for c in row.cells),
        )


def dashboard(request: HttpRequest) -> HttpResponse:
    """Reached through ``return_list`` (members who may read every return)."""
    today = timezone.localdate()
    data = selectors.completeness(request.partnership, today)
    # Links to each return, built once: the detail URL without its id.
    base = reverse("reports:return_detail", kwargs={"slug": request.partnership.slug, "pk": 0}).removesuffix("0/")
    _prerender(data, base)
    context = {
        "data": data,
        "today": today,
        "chart": _timeliness_chart(data) if data.rows and data.periods else "",
    }
    return render(request, "reports/returns/dashboard.html", context)


def _back(request, return_):
    return redirect("reports:return_detail", slug=request.partnership.slug, pk=return_.pk)


@partnership_view(need=Perm.VIEW)
@require_POST
def return_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return_ = get_return(request, pk, need=Perm.REVIEW_RETURNS)
    form = ApproveForm(request.POST)
    version = form.cleaned_data["version"] if form.is_valid() else None
    if version is None:
        messages.error(request, "The page was out of date: read the return again, then approve it.")
        return _back(request, return_)
    try:
        services.return_approve(actor=request.user, return_=return_, version=version)
        messages.success(request, f"{return_} is approved and locked.")
    except ValidationError as error:
        messages.error(request, in_words(error))
    return _back(request, return_)


@partnership_view(need=Perm.VIEW)
@require_POST
def return_send_back(request: HttpRequest, pk: int) -> HttpResponse:
    return_ = get_return(request, pk, need=Perm.REVIEW_RETURNS)
    form = ReasonForm(request.POST)
    if form.is_valid():
        ok, _ = call_service(
            form,
            services.return_send_back,
            actor=request.user,
            return_=return_,
            reason=form.cleaned_data["reason"],
            version=form.cleaned_data["version"],
        )
        if ok:
            messages.success(request, f"{return_} is returned to {return_.organisation} with your comments.")
            return _back(request, return_)
    return _render_return(request, return_, reason_form=form, status=422)


@partnership_view(need=Perm.VIEW)
@require_POST
def return_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    return_ = get_return(request, pk, need=Perm.REVIEW_RETURNS)
    form = ReasonForm(request.POST)
    if form.is_valid():
        ok, _ = call_service(
            form, services.return_reopen, actor=request.user, return_=return_, reason=form.cleaned_data["reason"]
        )
        if ok:
            messages.success(request, f"{return_} is reopened and back with {return_.organisation}.")
            return _back(request, return_)
    return _render_return(request, return_, reason_form=form, status=422)


def _quarter(request, period_pk: int) -> ReportingPeriod:
    quarters = ReportingPeriod.objects.filter(kind=PeriodKind.QUARTER)
    return get_object_for(request.membership, quarters, pk=period_pk, need=Perm.REVIEW_RETURNS)


@partnership_view(need=Perm.VIEW)
def period_deadline(request: HttpRequest, period_pk: int) -> HttpResponse:
    period = _quarter(request, period_pk)
    current = services.due_date_for(period)
    form = DeadlineForm(request.POST or None, initial={"due_date": current})
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form,
            services.return_deadline_set,
            actor=request.user,
            period=period,
            due_date=form.cleaned_data["due_date"],
            reason=form.cleaned_data["reason"],
        )
        if ok:
            messages.success(request, f"Returns for {period} are now due on {form.cleaned_data['due_date']:%-d %B %Y}.")
            return redirect("reports:returns", slug=request.partnership.slug)
    context = {"period": period, "form": form, "current": current, "default": services.default_due_date(period)}
    return render(request, "reports/returns/deadline.html", context)


@partnership_view(need=Perm.VIEW)
@require_POST
def period_open_returns(request: HttpRequest, period_pk: int) -> HttpResponse:
    period = _quarter(request, period_pk)
    opened = services.returns_open_for_period(actor=request.user, period=period)
    if opened:
        messages.success(request, f"{len(opened)} return{'s' if len(opened) != 1 else ''} opened for {period}.")
    else:
        messages.info(request, f"Every organisation that reports already has a return for {period}.")
    return redirect("reports:returns", slug=request.partnership.slug)
