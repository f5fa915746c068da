"""Funding agreements: the register, an agreement's page (budget by year, spend against it and the
monitoring reports' states from the reports app, KPIs against their output goals, agreed outcomes),
and the forms that change them through the services."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from aspm.deleting import delete_then_redirect
from aspm.forms import call_service
from aspm.links import address_by_id
from aspm.uploads import file_response
from partnerships.access import Perm, can, get_object_for
from partnerships.decorators import partnership_view
from reports.annual.svg import budget_and_spend
from reports.funder.selectors import jobs_for
from reports.monitoring.selectors import agreement_reports
from reports.monitoring.spend import agreement_spend
from reports.monitoring.table import rows_html, spend_rows_html

from ...models import BudgetLine, FundingAgreement
from .. import funding_selectors as selectors
from ..funding_forms import AgreementForm, BudgetLineForm
from ..services import funding as services

LINKS = ("providers", "objectives", "indicators")


@partnership_view(need=Perm.VIEW)
def agreement_list(request: HttpRequest) -> HttpResponse:
    return render(request, "strategy/agreement_list.html", {"agreements": selectors.agreements(request.partnership)})


@partnership_view(need=Perm.VIEW)
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_for(
        request.membership,
        FundingAgreement.objects.select_related("partnership", "funder_organisation"),
        pk=pk,
        need=Perm.VIEW,
    )
    page = selectors.agreement_page(agreement, chosen_year=request.GET.get("year", ""))
    spend = agreement_spend(agreement, lines=[line for year in page.budget_years for line in year.lines])
    shown = page.spend_year.start if page.spend_year else None
    year = spend.year(shown) if shown else None
    reports = agreement_reports(agreement, page.providers, timezone.localdate())
    context = {
        "page": page,
        "agreement": agreement,
        "spend": spend,
        "spend_tables": [(y, *spend_rows_html(y)) for y in spend.years],
        "spend_chart": spend_chart(year) if year and year.lines else "",
        "spend_chart_year": year,
        "reports": bool(reports),
        "reports_html": reports_html(request, reports),
        "funder_reports": jobs_for(agreement) if can(request.membership, Perm.DOWNLOAD_REPORT) else [],
        "can_make_report": can(request.membership, Perm.START_REPORT),
    }
    return render(request, "strategy/agreement_detail.html", context)


def reports_html(request: HttpRequest, reports) -> str:
    """The monitoring reports' table body: a report links to its page for those who may see every
    organisation's returns, and for a provider's own reports."""
    sees_all = can(request.membership, Perm.VIEW_ALL_RETURNS)
    own = request.membership.organisation_id
    return rows_html(
        reports,
        address=address_by_id("reports:return_detail", slug=request.partnership.slug),
        opens=lambda cell: sees_all or cell.organisation.pk == own,
    )


def spend_chart(year) -> str:
    """Each budget line's budget for the year against what approved monitoring reports say was spent
    so far (the funder's PDF draws the same chart)."""
    return budget_and_spend(
        "spend",
        f"Budget for {year.label} and spend to date",
        [(row.label, row.year_budget, row.to_date_spent if year.reported_through else None) for row in year.lines],
    )


def _save(request, form, agreement=None):
    data = dict(form.cleaned_data)
    links = {name: list(data.pop(name)) for name in LINKS}
    document = data.pop("document") or None
    if agreement is None:
        return call_service(
            form,
            services.agreement_create,
            actor=request.user,
            partnership=request.partnership,
            document=document,
            **links,
            **data,
        )
    return call_service(
        form, services.agreement_update, actor=request.user, agreement=agreement, document=document, **links, **data
    )


def _form_page(request, form, title, **extra):
    return render(
        request,
        "strategy/form.html",
        {"form": form, "title": title, "cancel_url": reverse("strategy:agreements", args=[request.partnership.slug])}
        | extra,
    )


@partnership_view(need=Perm.EDIT_PLAN)
def agreement_create(request: HttpRequest) -> HttpResponse:
    form = AgreementForm(request.POST or None, request.FILES or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        ok, agreement = _save(request, form)
        if ok:
            messages.success(request, f"“{agreement}” is added. Now set out its budget by year.")
            return redirect("strategy:agreement_detail", slug=request.partnership.slug, pk=agreement.pk)
    return _form_page(
        request,
        form,
        "Add a funding agreement",
        lead="A grant or contract the partnership, or an outside funder, pays a provider for.",
    )


@partnership_view(need=Perm.VIEW)
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_for(request.membership, FundingAgreement, pk=pk, need=Perm.EDIT_PLAN)
    form = AgreementForm(
        request.POST or None, request.FILES or None, instance=agreement, partnership=request.partnership
    )
    if request.method == "POST" and form.is_valid():
        ok, _ = _save(request, form, agreement)
        if ok:
            messages.success(request, f"“{agreement}” is saved.")
            return redirect("strategy:agreement_detail", slug=request.partnership.slug, pk=agreement.pk)
    return _form_page(
        request,
        form,
        "Edit the funding agreement",
        cancel_url=reverse("strategy:agreement_detail", args=[request.partnership.slug, agreement.pk]),
        delete_action=reverse("strategy:agreement_delete", args=[request.partnership.slug, agreement.pk]),
        delete_label="Remove this agreement and its budget",
    )


@partnership_view(need=Perm.VIEW)
@require_POST
def agreement_delete(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_for(request.membership, FundingAgreement, pk=pk, need=Perm.EDIT_PLAN)
    slug = request.partnership.slug
    return delete_then_redirect(
        request,
        lambda: services.agreement_delete(actor=request.user, agreement=agreement),
        done=f"“{agreement}” and its budget are removed. Its outcomes and indicators stay in the plan.",
        back=reverse("strategy:agreement_detail", args=[slug, agreement.pk]),
        then=reverse("strategy:agreements", args=[slug]),
    )


@partnership_view(need=Perm.VIEW)
def agreement_document(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_for(request.membership, FundingAgreement, pk=pk, need=Perm.VIEW)
    if not agreement.document:
        raise Http404("No document is stored for this agreement.")
    return file_response(agreement.document)


def _line_page(request, form, agreement, title, **extra):
    back = reverse("strategy:agreement_detail", args=[request.partnership.slug, agreement.pk])
    return render(
        request,
        "strategy/form.html",
        {"form": form, "title": title, "lead": str(agreement), "cancel_url": back} | extra,
    )


@partnership_view(need=Perm.VIEW)
def budget_line_create(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_for(request.membership, FundingAgreement, pk=pk, need=Perm.EDIT_PLAN)
    form = BudgetLineForm(request.POST or None, years=services.agreement_years(agreement))
    if request.method == "POST" and form.is_valid():
        ok, line = call_service(
            form, services.budget_line_create, actor=request.user, agreement=agreement, **form.cleaned_data
        )
        if ok:
            messages.success(request, f"{line} ({line.amount:,.2f} pounds) is added to the budget.")
            return redirect("strategy:agreement_detail", slug=request.partnership.slug, pk=agreement.pk)
    return _line_page(request, form, agreement, "Add a budget line")


@partnership_view(need=Perm.VIEW)
def budget_line_edit(request: HttpRequest, pk: int) -> HttpResponse:
    line = get_object_for(request.membership, BudgetLine, pk=pk, need=Perm.EDIT_PLAN)
    agreement = line.agreement
    form = BudgetLineForm(request.POST or None, instance=line, years=services.agreement_years(agreement))
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(form, services.budget_line_update, actor=request.user, line=line, **form.cleaned_data)
        if ok:
            messages.success(request, "The budget line is saved.")
            return redirect("strategy:agreement_detail", slug=request.partnership.slug, pk=agreement.pk)
    return _line_page(
        request,
        form,
        agreement,
        "Edit the budget line",
        delete_action=reverse("strategy:budget_line_delete", args=[request.partnership.slug, line.pk]),
        delete_label="Remove this budget line",
    )


@partnership_view(need=Perm.VIEW)
@require_POST
def budget_line_delete(request: HttpRequest, pk: int) -> HttpResponse:
    line = get_object_for(request.membership, BudgetLine, pk=pk, need=Perm.EDIT_PLAN)
    agreement = line.agreement
    services.budget_line_delete(actor=request.user, line=line)
    messages.success(request, f"{line} is removed from the budget.")
    return redirect("strategy:agreement_detail", slug=request.partnership.slug, pk=agreement.pk)
