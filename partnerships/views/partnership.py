"""The partnership's home page and its details."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from aspm import data_version
from aspm.dashboard import home_panels
from aspm.forms import call_service

from .. import selectors, services
from ..access import Perm, can
from ..audit_display import present
from ..decorators import partnership_view
from ..forms import DisclosurePolicyForm, PartnershipForm


@partnership_view(need=Perm.VIEW)
def home(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    sees_audit = can(request.membership, Perm.VIEW_AUDIT)

    def summary() -> dict:  # the same for every member who may see as much: kept until the data changes
        return {
            "role_counts": selectors.role_counts(partnership),
            "organisation_count": selectors.active_organisations(partnership).count(),
            "recent_events": [present(e) for e in selectors.audit_events(partnership)[:8]] if sees_audit else [],
        }

    context = {
        **data_version.cached(partnership, "home-summary", summary, parts=[sees_audit]),
        "panels": home_panels(request),
    }
    return render(request, "partnerships/home.html", context)


@partnership_view(need=Perm.MANAGE_PARTNERSHIP)
def edit(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    form = PartnershipForm(request.POST or None, instance=partnership)
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form,
            services.partnership_update,
            actor=request.user,
            partnership=partnership,
            **{f: form.cleaned_data[f] for f in form.Meta.fields},
        )
        if ok:
            messages.success(request, "The partnership's details are saved.")
            return redirect("partnerships:edit", slug=partnership.slug)
    if request.method == "POST":
        partnership.refresh_from_db()
    return render(request, "partnerships/partnership_form.html", {"form": form})


@partnership_view(need=Perm.MANAGE_PARTNERSHIP)
def disclosure(request: HttpRequest) -> HttpResponse:
    """The rules for small counts in everything that leaves the partnership."""
    partnership = request.partnership
    current = selectors.disclosure_policy(partnership)
    form = DisclosurePolicyForm(
        request.POST or None, initial={"method": current.method, "threshold": current.threshold}
    )
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(
            form,
            services.disclosure_policy_update,
            actor=request.user,
            partnership=partnership,
            **form.cleaned_data,
        )
        if ok:
            messages.success(request, "The disclosure rules are saved. Reports published before keep their rules.")
            return redirect("partnerships:disclosure", slug=partnership.slug)
    return render(request, "partnerships/disclosure_form.html", {"form": form, "current": current})
