"""Export the action plan to .xlsx/.csv, and import it back: check first, then write all rows or none."""

from __future__ import annotations

import base64

import tablib
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from aspm.spreadsheets import check_spreadsheet_upload
from partnerships.access import Perm
from partnerships.decorators import partnership_view

from .. import selectors
from ..forms import ImportForm, PlanFilterForm
from ..resources import export_dataset, import_actions

SESSION_KEY = "actions_import"
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


@partnership_view(need=Perm.VIEW)
def export(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("format", "xlsx")
    kind = kind if kind in CONTENT_TYPES else "xlsx"
    form = PlanFilterForm(request.GET or None, partnership=request.partnership)
    queryset = selectors.plan(request.partnership, selectors.PlanFilter(**form.filters()))
    dataset = export_dataset(queryset)
    body = dataset.export(kind)
    response = HttpResponse(body.encode("utf-8") if isinstance(body, str) else body, content_type=CONTENT_TYPES[kind])
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="action-plan-{request.partnership.slug}-{stamp}.{kind}"'
    return response


def _load(kind: str, content: bytes) -> tablib.Dataset:
    if kind == "csv":
        return tablib.Dataset().load(content.decode("utf-8-sig"), format="csv")
    return tablib.Dataset().load(content, format="xlsx")


@partnership_view(need=Perm.UPDATE_ANY_ACTION)
def import_view(request: HttpRequest) -> HttpResponse:
    """Step 1: upload and check (a dry run listing every bad row). Step 2: confirm to write."""
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and request.POST.get("confirm"):
        stored = request.session.get(SESSION_KEY)
        if not stored or stored.get("partnership") != request.partnership.pk:
            messages.error(request, "Upload the file again: the checked copy has expired.")
            return redirect("actions:import", slug=request.partnership.slug)
        dataset = _load(stored["kind"], base64.b64decode(stored["content"]))
        result = import_actions(actor=request.user, partnership=request.partnership, dataset=dataset, dry_run=False)
        if result.written:
            del request.session[SESSION_KEY]
            messages.success(request, f"{len(result.rows)} rows imported.")
            return redirect("actions:plan", slug=request.partnership.slug)
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            kind = check_spreadsheet_upload(upload)
            upload.seek(0)
            content = upload.read()
            dataset = _load(kind, content)
        except ValidationError as error:
            form.add_error("file", error)
        except Exception:  # noqa: BLE001 - a broken file is the uploader's problem, told plainly
            form.add_error("file", "This file could not be read as a spreadsheet.")
        else:
            result = import_actions(actor=request.user, partnership=request.partnership, dataset=dataset, dry_run=True)
            if not result.errors:
                request.session[SESSION_KEY] = {
                    "partnership": request.partnership.pk,
                    "kind": kind,
                    "content": base64.b64encode(content).decode("ascii"),
                }
    return render(request, "actionplans/import.html", {"form": form, "result": result})
