"""The plan as a workbook: download it (anyone who reads the plan), import one (the coordinator)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from aspm.imports import flow
from partnerships.access import Perm
from partnerships.decorators import partnership_view

from ..plan_import_kinds import OBJECTIVES, PLAN
from ..plan_workbook import plan_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@partnership_view(need=Perm.VIEW)
def plan_export(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(plan_xlsx(request.partnership), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{request.partnership.slug}-plan.xlsx"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@partnership_view(need=Perm.EDIT_PLAN)
def plan_import(request: HttpRequest) -> HttpResponse:
    """Upload a plan workbook, check every sheet, then import it all or none (aspm.imports.flow)."""
    return flow.handle(request, PLAN)


@partnership_view(need=Perm.EDIT_PLAN)
def objectives_import(request: HttpRequest) -> HttpResponse:
    """Upload a table of objectives in the partnership's own layout, map its columns, then import."""
    return flow.handle(request, OBJECTIVES)
