"""Export the action plan to .xlsx/.csv, and import it back: check first, then write all rows or none."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from aspm.imports import flow
from partnerships.access import Perm
from partnerships.decorators import partnership_view

from .. import selectors
from ..forms import PlanFilterForm
from ..imports import ACTIONS
from ..resources import export_dataset

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


@partnership_view(need=Perm.UPDATE_ANY_ACTION)
def import_view(request: HttpRequest) -> HttpResponse:
    """Upload, say which column is which, check every row, then import all or none (aspm.imports.flow)."""
    return flow.handle(request, ACTIONS)
