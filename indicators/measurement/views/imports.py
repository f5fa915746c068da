"""Spreadsheet import (dry run, then confirm), export and templates for indicators, targets and figures."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from aspm.spreadsheets import check_spreadsheet_upload
from partnerships.access import Perm
from partnerships.decorators import partnership_view

from .. import imports
from ..forms import SpreadsheetForm

KINDS = {
    "indicators": (Perm.EDIT_PLAN, "indicators"),
    "targets": (Perm.EDIT_PLAN, "targets"),
    "figures": (Perm.ENTER_ANY_FIGURES, "figures"),
}
FORMATS = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "csv": "text/csv"}
PREVIEW_ROWS = 50


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise Http404("No such import.")
    return kind


def _format(request) -> str:
    return "csv" if request.GET.get("format") == "csv" else "xlsx"


def _download(content: bytes, name: str, fmt: str) -> HttpResponse:
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@partnership_view(need=Perm.VIEW)
def export(request: HttpRequest, kind: str) -> HttpResponse:
    """GET: the exact figures for use inside the partnership (a row per organisation). POST with
    ``for=publication`` (figures only): the partnership's figures with small counts of people
    protected (``reports.published_figures``), labelled as published in the file name. Taking figures
    out is a publication: what the file prints goes into the disclosure ledger, so a POST."""
    fmt = _format(request)
    kind = _kind(kind)
    if kind == "figures" and "publication" in (request.GET.get("for"), request.POST.get("for")):
        if request.method != "POST":  # an old link: the button on the results page makes the file
            messages.info(request, "Use the button “Download figures for publication” to make the file.")
            return redirect("indicators:results", slug=request.partnership.slug)
        from reports.published_figures import published_dataset_record

        fmt = "csv" if request.POST.get("format") == "csv" else "xlsx"
        dataset = published_dataset_record(actor=request.user, partnership=request.partnership)
        return _download(imports.render(dataset, fmt), f"{request.partnership.slug}-figures-published", fmt)
    data = imports.render(imports.export_dataset(request.partnership, kind), fmt)
    return _download(data, f"{request.partnership.slug}-{kind}", fmt)


@partnership_view(need=Perm.VIEW)
def template(request: HttpRequest, kind: str) -> HttpResponse:
    fmt = _format(request)
    return _download(imports.render(imports.template_dataset(_kind(kind)), fmt), f"{kind}-template", fmt)


def _store_key(request, kind) -> str:
    return f"measurement-import-{request.partnership.pk}-{kind}"


@partnership_view(need=Perm.VIEW)
def import_page(request: HttpRequest, kind: str) -> HttpResponse:
    """GET: the upload form. POST with a file: the dry run. POST with ``confirm``: the import."""
    from partnerships.access import require

    kind = _kind(kind)
    require(request.membership, KINDS[kind][0])
    form = SpreadsheetForm(request.POST or None, request.FILES or None)
    result, token = None, ""
    if request.method == "POST" and request.POST.get("confirm"):
        stored = request.session.get(_store_key(request, kind))
        if not stored or stored["token"] != request.POST.get("token"):
            messages.error(request, "That preview has expired: upload the file again.")
            return redirect(f"indicators:import_{kind}", slug=request.partnership.slug)
        with default_storage.open(stored["path"], "rb") as handle:
            content = handle.read()
        result = imports.run_import(
            actor=request.user, partnership=request.partnership, kind=kind, content=content, dry_run=False
        )
        if result.ok:
            default_storage.delete(stored["path"])
            del request.session[_store_key(request, kind)]
            messages.success(request, f"Imported {len(result.rows)} rows of {kind}.")
            return redirect(f"indicators:import_{kind}", slug=request.partnership.slug)
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check_spreadsheet_upload(upload)
        except ValidationError as error:
            form.add_error("file", error.messages)
        else:
            content = upload.read()
            result = imports.run_import(
                actor=request.user, partnership=request.partnership, kind=kind, content=content, dry_run=True
            )
            if result.ok:
                token = secrets.token_urlsafe(16)
                path = default_storage.save(f"imports/{request.partnership.pk}/{token}.bin", ContentFile(content))
                request.session[_store_key(request, kind)] = {"token": token, "path": path}
    context = {
        "form": form,
        "kind": kind,
        "result": result,
        "token": token,
        "preview": result.rows[:PREVIEW_ROWS] if result else [],
        "preview_limit": PREVIEW_ROWS,
    }
    return render(request, "indicators/import.html", context)
