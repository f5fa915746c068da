"""Pages of the outcome journals, under /p/<slug>/journals/ (all through the one door). Everyone in
the partnership reads them; the coordinator keeps them (the same right as the recommendations register)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from actionplans import clock
from aspm.forms import call_and_say, call_service
from partnerships.access import Perm, can, get_object_for
from partnerships.decorators import partnership_view

from . import journal_selectors as selectors
from .journal_charts import progress_chart
from .journal_forms import EntryForm, MarkerForm, PartnerForm
from .models import BoundaryPartner, JournalEntry, MarkerLevel, ProgressMarker
from .services import journals as services

MANAGE = Perm.MANAGE_RECOMMENDATIONS


def _partner(request, pk: int, need: Perm = Perm.VIEW) -> BoundaryPartner:
    return get_object_for(request.membership, selectors.detail_queryset(request.partnership), pk=pk, need=need)


@partnership_view(need=Perm.VIEW)
def journals(request: HttpRequest) -> HttpResponse:
    context = {"progress": selectors.overview(request.partnership), "can_manage": can(request.membership, MANAGE)}
    return render(request, "learning/journals.html", context)


@partnership_view(need=Perm.VIEW)
def partner(request: HttpRequest, pk: int) -> HttpResponse:
    return _journal_page(request, _partner(request, pk))


def _journal_page(request, found: BoundaryPartner, marker_form: MarkerForm | None = None) -> HttpResponse:
    """The partner's journal; with a refused ``marker_form``, shown again with its errors (422)."""
    progress = selectors.progress(found)
    context = {
        "partner": found,
        "progress": progress,
        "chart": progress_chart(progress),
        "levels": [(label, progress.markers.get(level, [])) for level, label in MarkerLevel.choices],
        "journal": found.journal,
        "can_manage": can(request.membership, MANAGE),
        "marker_form": marker_form or MarkerForm(),
    }
    return render(request, "learning/journal.html", context, status=422 if marker_form else 200)


@partnership_view(need=MANAGE)
def partner_create(request: HttpRequest) -> HttpResponse:
    form = PartnerForm(request.POST or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        ok, made = call_service(
            form,
            services.partner_create,
            actor=request.user,
            partnership=request.partnership,
            outcomes=data.pop("outcomes"),
            **data,
        )
        if ok:
            messages.success(request, "The boundary partner is added. Now add its progress markers.")
            return redirect("learning:journal", slug=request.partnership.slug, pk=made.pk)
    return render(request, "learning/journal_partner_form.html", {"form": form, "partner": None})


@partnership_view(need=Perm.VIEW)
def partner_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = _partner(request, pk, need=MANAGE)
    form = PartnerForm(request.POST or None, instance=found, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        ok, _ = call_service(
            form, services.partner_update, actor=request.user, partner=found, outcomes=data.pop("outcomes"), **data
        )
        if ok:
            messages.success(request, "The boundary partner is saved.")
            return redirect("learning:journal", slug=request.partnership.slug, pk=found.pk)
    return render(request, "learning/journal_partner_form.html", {"form": form, "partner": found})


@partnership_view(need=Perm.VIEW)
@require_POST
def partner_delete(request: HttpRequest, pk: int) -> HttpResponse:
    found = _partner(request, pk, need=MANAGE)
    services.partner_delete(actor=request.user, partner=found)
    messages.success(request, f"“{found.name}” and its journal are deleted. The audit log keeps them.")
    return redirect("learning:journals", slug=request.partnership.slug)


@partnership_view(need=Perm.VIEW)
@require_POST
def marker_add(request: HttpRequest, pk: int) -> HttpResponse:
    found = _partner(request, pk, need=MANAGE)
    form = MarkerForm(request.POST)
    if form.is_valid():
        ok, _ = call_service(form, services.marker_add, actor=request.user, partner=found, **form.cleaned_data)
        if ok:
            messages.success(request, "The progress marker is added.")
            return redirect("learning:journal", slug=request.partnership.slug, pk=found.pk)
    return _journal_page(request, found, marker_form=form)


@partnership_view(need=Perm.VIEW)
@require_POST
def marker_delete(request: HttpRequest, pk: int, marker: int) -> HttpResponse:
    found = _partner(request, pk, need=MANAGE)
    chosen = get_object_for(request.membership, ProgressMarker.objects.filter(partner=found), pk=marker, need=MANAGE)
    call_and_say(
        request, services.marker_delete, done="The progress marker is removed.", actor=request.user, marker=chosen
    )
    return redirect("learning:journal", slug=request.partnership.slug, pk=found.pk)


@partnership_view(need=Perm.VIEW)
def entry_create(request: HttpRequest, pk: int) -> HttpResponse:
    found = _partner(request, pk, need=MANAGE)
    latest = found.journal[0] if found.journal else None
    initial = {"date": clock.today(), "observed": [m.pk for m in latest.observed.all()] if latest else []}
    form = EntryForm(request.POST or None, partner=found, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(form, services.entry_record, actor=request.user, partner=found, **form.cleaned_data)
        if ok:
            messages.success(request, "The journal entry is recorded.")
            return redirect("learning:journal", slug=request.partnership.slug, pk=found.pk)
    return render(request, "learning/journal_entry_form.html", {"form": form, "partner": found})


@partnership_view(need=Perm.VIEW)
@require_POST
def entry_delete(request: HttpRequest, pk: int, entry: int) -> HttpResponse:
    found = _partner(request, pk, need=MANAGE)
    chosen = get_object_for(request.membership, JournalEntry.objects.filter(partner=found), pk=entry, need=MANAGE)
    services.entry_delete(actor=request.user, entry=chosen)
    messages.success(request, "The journal entry is deleted. The audit log keeps it.")
    return redirect("learning:journal", slug=request.partnership.slug, pk=found.pk)
