"""Partner organisations: list, add, edit, delete (coordinators manage; members read)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aspm.deleting import delete_then_redirect
from aspm.forms import call_service
from aspm.imports import flow

from .. import selectors, services
from ..access import Perm, can, get_object_for
from ..decorators import partnership_view
from ..forms import OrganisationForm
from ..imports import organisations_kind
from ..models import Organisation


@partnership_view(need=Perm.VIEW)
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = selectors.organisations_with_spoc(request.partnership)
    return render(request, "partnerships/organisation_list.html", {"organisations": organisations})


@partnership_view(need=Perm.MANAGE_PARTNERSHIP)
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, organisation = call_service(
            form,
            services.organisation_create,
            actor=request.user,
            partnership=request.partnership,
            name=form.cleaned_data["name"],
            sector=form.cleaned_data["sector"],
        )
        if ok:
            messages.success(request, f"{organisation} is added.")
            return redirect("partnerships:organisations", slug=request.partnership.slug)
    return render(request, "partnerships/organisation_form.html", {"form": form, "organisation": None})


@partnership_view(need=Perm.MANAGE_PARTNERSHIP)
def organisations_import(request: HttpRequest) -> HttpResponse:
    """Organisations (and their SPOCs, invited) from the partnership's own list: upload, map, check, import."""
    return flow.handle(request, organisations_kind(can_invite=can(request.membership, Perm.MANAGE_MEMBERS)))


@partnership_view(need=Perm.VIEW)
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_for(request.membership, Organisation, pk=pk, need=Perm.MANAGE_PARTNERSHIP)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form, services.organisation_update, actor=request.user, organisation=organisation, **form.cleaned_data
        )
        if ok:
            messages.success(request, f"{organisation} is saved.")
            return redirect("partnerships:organisations", slug=request.partnership.slug)
    return render(request, "partnerships/organisation_form.html", {"form": form, "organisation": organisation})


@partnership_view(need=Perm.VIEW)
@require_POST
def organisation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_for(request.membership, Organisation, pk=pk, need=Perm.MANAGE_PARTNERSHIP)
    return delete_then_redirect(
        request,
        lambda: services.organisation_delete(actor=request.user, organisation=organisation),
        done=f"{organisation} is deleted.",
        back=reverse("partnerships:organisations", kwargs={"slug": request.partnership.slug}),
    )
