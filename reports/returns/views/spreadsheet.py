"""A return filled in from a spreadsheet: the return's template, and its import on the one import
pipeline (upload, columns, every row checked, then all the figures into the draft or none)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from aspm.imports import flow
from partnerships.access import Perm
from partnerships.decorators import partnership_view

from .. import spreadsheet
from ..imports import return_kind
from .access import get_return

TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


@partnership_view(need=Perm.VIEW)
def return_spreadsheet_template(request: HttpRequest, pk: int) -> HttpResponse:
    return_ = get_return(request, pk, need=Perm.SUBMIT_OWN_RETURN)
    fmt = "csv" if request.GET.get("format") == "csv" else "xlsx"
    content = spreadsheet.render(spreadsheet.template_dataset(return_), fmt)
    response = HttpResponse(content, content_type=TYPES[fmt])
    name = f"return-{return_.organisation.name}-{return_.period.label}".lower()
    safe = "".join(c if c.isalnum() else "-" for c in name).strip("-")
    response["Content-Disposition"] = f'attachment; filename="{safe}.{fmt}"'
    return response


@partnership_view(need=Perm.VIEW)
def return_spreadsheet_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """The import page of this return's figures, while the return may be changed."""
    return_ = get_return(request, pk, need=Perm.SUBMIT_OWN_RETURN)
    if not return_.is_editable:
        messages.error(request, f"This return is {return_.get_status_display().lower()}, so it cannot be changed.")
        return redirect("reports:return_detail", slug=request.partnership.slug, pk=return_.pk)
    return flow.handle(request, return_kind(return_))
