"""Export the action plan to .xlsx/.csv, and import it back: check first, then write all rows or none."""

from __future__ import annotations

import base64

import tablib
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from aspm.spreadsheets import check_spreadsheet_upload, read_table, table_dataset
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


def _load(kind: str, content: bytes) -> tuple[tablib.Dataset, list[int]]:
    """The sheet, read row by row and capped (aspm.spreadsheets.read_table), and each row's line in it."""
    table = read_table(content, kind)
    return table_dataset(table), [number for number, _ in table.rows]


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
        dataset, lines = _load(stored["kind"], base64.b64decode(stored["content"]))
        result = import_actions(
            actor=request.user, partnership=request.partnership, dataset=dataset, lines=lines, dry_run=False
        )
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
            dataset, lines = _load(kind, content)
        except ValidationError as error:
            form.add_error("file", error)
        except Exception:  # noqa: BLE001 - a broken file is the uploader's problem, told plainly
            form.add_error("file", "This file could not be read as a spreadsheet.")
        else:
            result = import_actions(
                actor=request.user, partnership=request.partnership, dataset=dataset, lines=lines, dry_run=True
            )
            if not result.errors:
                request.session[SESSION_KEY] = {
                    "partnership": request.partnership.pk,
                    "kind": kind,
                    "content": base64.b64encode(content).decode("ascii"),
                }
    return render(request, "actionplans/import.html", {"form": form, "result": result})
