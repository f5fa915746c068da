"""The risk register with its 5×5 heat map."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from aspm.forms import call_service
from partnerships.access import Perm, get_object_for
from partnerships.decorators import partnership_view

from ...models import Risk, RiskStatus
from .. import selectors, services
from ..forms import RiskForm


@partnership_view(need=Perm.VIEW)
def risk_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in RiskStatus.values else ""
    risks = list(selectors.risks(request.partnership, status=status or None))
    today = timezone.localdate()
    for risk in risks:
        risk.overdue = risk.status != RiskStatus.CLOSED and risk.review_date is not None and risk.review_date < today
    risks.sort(key=lambda r: (r.status == RiskStatus.CLOSED, -r.score, r.title))
    return render(
        request,
        "strategy/risk_list.html",
        {
            "risks": risks,
            "heat_map": selectors.heat_map(risks),
            "status": status,
            "statuses": RiskStatus.choices,
            "overdue_count": sum(r.overdue for r in risks),
        },
    )


def _save(request, form, risk=None):
    data = dict(form.cleaned_data)
    objectives = list(data.pop("objectives"))
    if risk is None:
        return call_service(
            form,
            services.risk_create,
            actor=request.user,
            partnership=request.partnership,
            objectives=objectives,
            **data,
        )
    return call_service(form, services.risk_update, actor=request.user, risk=risk, objectives=objectives, **data)


@partnership_view(need=Perm.EDIT_PLAN)
def risk_create(request: HttpRequest) -> HttpResponse:
    form = RiskForm(request.POST or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        ok, risk = _save(request, form)
        if ok:
            messages.success(request, f"“{risk}” is added to the register.")
            return redirect("strategy:risks", slug=request.partnership.slug)
    return render(request, "strategy/form.html", {"form": form, "title": "Add a risk"})


@partnership_view(need=Perm.VIEW)
def risk_edit(request: HttpRequest, pk: int) -> HttpResponse:
    risk = get_object_for(request.membership, Risk, pk=pk, need=Perm.EDIT_PLAN)
    form = RiskForm(request.POST or None, instance=risk, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        ok, _ = _save(request, form, risk)
        if ok:
            messages.success(request, f"“{risk}” is saved.")
            return redirect("strategy:risks", slug=request.partnership.slug)
    return render(
        request,
        "strategy/form.html",
        {
            "form": form,
            "title": "Edit the risk",
            "delete_action": reverse("strategy:risk_delete", args=[request.partnership.slug, risk.pk]),
            "delete_label": "Remove this risk from the register",
        },
    )


@partnership_view(need=Perm.VIEW)
@require_POST
def risk_delete(request: HttpRequest, pk: int) -> HttpResponse:
    risk = get_object_for(request.membership, Risk, pk=pk, need=Perm.EDIT_PLAN)
    services.risk_delete(actor=request.user, risk=risk)
    messages.success(request, f"“{risk}” is removed from the register.")
    return redirect("strategy:risks", slug=request.partnership.slug)
