"""Spreadsheet import (dry run, then confirm), export and templates for indicators, targets and figures."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from aspm.imports import flow
from partnerships.access import Perm
from partnerships.decorators import partnership_view

from .. import imports
from ..import_kinds import import_kind

KINDS = {
    "indicators": (Perm.EDIT_PLAN, "indicators"),
    "targets": (Perm.EDIT_PLAN, "targets"),
    "figures": (Perm.ENTER_ANY_FIGURES, "figures"),
}
FORMATS = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "csv": "text/csv"}


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


@partnership_view(need=Perm.VIEW)
def import_page(request: HttpRequest, kind: str) -> HttpResponse:
    """Upload, say which column is which, check every row, then import all or none (aspm.imports.flow)."""
    from partnerships.access import require

    kind = _kind(kind)
    require(request.membership, KINDS[kind][0])
    return flow.handle(request, import_kind(kind, request.partnership))
