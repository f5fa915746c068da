"""One action: its page with the history, adding and editing it, and changing its status (in place with htmx)."""

from __future__ import annotations

from urllib.parse import urlparse

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aspm.forms import add_service_errors, call_and_say, call_service
from partnerships.access import Perm, can, get_object_for, scoped
from partnerships.decorators import partnership_view

from .. import clock, selectors, services
from ..forms import ActionForm, BulkStatusForm, StatusForm
from ..models import Action, RagStatus
from .common import may_change, organisation_of


def _get(request, pk: int, need: Perm | None = None) -> Action:
    return get_object_for(
        request.membership,
        selectors.action_detail_queryset(request.partnership),
        pk=pk,
        need=need,
        organisation_of=organisation_of if need else None,
    )


@partnership_view(need=Perm.VIEW)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    action = _get(request, pk, need=Perm.VIEW)
    context = {
        "action": action,
        "history": selectors.history_of(action),
        "can_change": may_change(request.membership, action),
        "can_edit": can(request.membership, Perm.UPDATE_ANY_ACTION),
        "status_form": StatusForm(initial={"status": action.status, "expected_status": action.status}),
        "today": clock.today(),
    }
    return render(request, "actionplans/detail.html", context)


@partnership_view(need=Perm.UPDATE_ANY_ACTION)
def create(request: HttpRequest) -> HttpResponse:
    form = ActionForm(request.POST or None, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        ok, action = call_service(
            form, services.action_create, actor=request.user, partnership=request.partnership, **form.cleaned_data
        )
        if ok:
            messages.success(request, "The action is added to the plan, as Green.")
            return redirect("actions:detail", slug=request.partnership.slug, pk=action.pk)
    return render(request, "actionplans/form.html", {"form": form, "action": None})


@partnership_view(need=Perm.VIEW)
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = _get(request, pk, need=Perm.UPDATE_ANY_ACTION)
    form = ActionForm(request.POST or None, instance=action, partnership=request.partnership)
    if request.method == "POST" and form.is_valid():
        ok, _ = call_service(form, services.action_update, actor=request.user, action=action, **form.cleaned_data)
        if ok:
            messages.success(request, "The action is saved.")
            return redirect("actions:detail", slug=request.partnership.slug, pk=action.pk)
    return render(request, "actionplans/form.html", {"form": form, "action": action})


@partnership_view(need=Perm.VIEW)
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    action = _get(request, pk, need=Perm.UPDATE_ANY_ACTION)
    services.action_delete(actor=request.user, action=action)
    messages.success(request, f"“{action}” is deleted from the plan. The audit log keeps what it was.")
    return redirect("actions:plan", slug=request.partnership.slug)


def _row(request, action: Action, *, message: str = "", warning: str = "") -> HttpResponse:
    """The table row of ``action``; after a change, also the page's status counts (swapped out of band)."""
    action.can_change = may_change(request.membership, action)
    context = {"a": action, "today": clock.today(), "live_message": message, "live_warning": warning}
    if message:
        current = urlparse(request.htmx.current_url or "").path
        membership = request.membership
        actions = scoped(request.partnership, Action)
        context["count_filter"] = ""
        if current.endswith("/actions/mine/"):
            if membership.organisation_id:
                actions = actions.filter(owner_organisation_id=membership.organisation_id)
                context["count_filter"] = f"organisation={membership.organisation_id}&"
            else:
                actions = actions.filter(owner_person=membership)
        context["oob_counts"] = selectors.status_counts(actions)
    return render(request, "actionplans/_row.html", context)


@partnership_view(need=Perm.VIEW)
def status(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the status form (a table row for htmx, or a page). POST: record the change."""
    action = _get(request, pk, need=Perm.UPDATE_OWN_ACTIONS)
    if request.GET.get("cancel") and request.htmx:
        return _row(request, action)
    form = StatusForm(request.POST or None, initial={"status": action.status, "expected_status": action.status})
    if request.method == "POST" and form.is_valid():
        try:
            outcome = services.action_set_status(
                actor=request.user,
                action=action,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                expected_status=form.cleaned_data["expected_status"] or None,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            text = f"“{action}” is now {RagStatus(action.status).label}."
            warning = ""
            if outcome.overtaken_by is not None:
                by = outcome.overtaken_by
                who = by.changed_by.full_name if by.changed_by else "the system"
                warning = (
                    f"The status had just changed: {who} set it to {by.get_status_display()} "
                    f"at {by.changed_at:%H:%M} before you saved. Both changes are in the history; yours is the latest."
                )
            if request.htmx:
                return _row(request, action, message=text, warning=warning)
            messages.success(request, text)
            if warning:
                messages.warning(request, warning)
            return redirect("actions:detail", slug=request.partnership.slug, pk=action.pk)
    template = "actionplans/_status_row.html" if request.htmx else "actionplans/status.html"
    return render(request, template, {"a": action, "form": form, "today": clock.today()})


@partnership_view(need=Perm.VIEW)
@require_POST
def bulk_status(request: HttpRequest) -> HttpResponse:
    """Set one status (and note) on several actions at once: all of them, or none."""
    slug = request.partnership.slug
    ids = [int(i) for i in request.POST.getlist("actions") if i.isdigit()]
    actions = list(scoped(request.partnership, Action).filter(pk__in=ids).select_related("owner_organisation"))
    if not can(request.membership, Perm.UPDATE_OWN_ACTIONS, organisation=request.membership.organisation):
        raise PermissionDenied("Your role in this partnership does not allow this.")
    refused = [a for a in actions if not may_change(request.membership, a)]
    if refused:
        raise PermissionDenied("Some of the chosen actions belong to another organisation.")
    form = BulkStatusForm(request.POST)
    back = request.POST.get("next") or ""
    target = back if back.startswith(f"/p/{slug}/") else f"/p/{slug}/actions/"
    if not ids or len(actions) != len(set(ids)):
        messages.error(request, "Choose at least one action of this plan, then the status to give them.")
        return redirect(target)
    if not form.is_valid():
        messages.error(request, "Choose the status to give the chosen actions.")
        return redirect(target)
    label = RagStatus(form.cleaned_data["status"]).label
    call_and_say(
        request,
        services.action_bulk_set_status,
        done=f"{len(actions)} action{'s' if len(actions) != 1 else ''} set to {label}.",
        failed="Nothing was changed: ",
        actor=request.user,
        actions=actions,
        status=form.cleaned_data["status"],
        note=form.cleaned_data["note"],
    )
    return redirect(target)
