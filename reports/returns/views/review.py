"""Coordinators' side of the returns: approving, returning with a
reason, reopening, each quarter's due date, and opening returns for a quarter."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aspm.errors import in_words
from aspm.forms import call_service
from indicators.models import PeriodKind, ReportingPeriod
from partnerships.access import Perm, get_object_for
from partnerships.decorators import partnership_view

from .. import services
from ..forms import ApproveForm, DeadlineForm, ReasonForm
from .access import get_return
from .page import render_page


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
    return render_page(request, return_, reason_form=form, status=422)


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
    return render_page(request, return_, reason_form=form, status=422)


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
