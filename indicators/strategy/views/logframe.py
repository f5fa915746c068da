"""The LogFrame of the plan: on the page (printable) and as an Excel file."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from partnerships.access import Perm, scoped
from partnerships.decorators import partnership_view

from ...models import Objective
from ..logframe import logframe_xlsx, logframes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _objective_ids(request):
    value = request.GET.get("objective", "")
    return [int(value)] if value.isdigit() else None


@partnership_view(need=Perm.VIEW)
def logframe(request: HttpRequest) -> HttpResponse:
    ids = _objective_ids(request)
    return render(
        request,
        "strategy/logframe.html",
        {
            "frames": logframes(request.partnership, ids),
            "objectives": scoped(request.partnership, Objective).only("id", "code", "title"),
            "selected": ids[0] if ids else None,
        },
    )


@partnership_view(need=Perm.VIEW)
def logframe_export(request: HttpRequest) -> HttpResponse:
    frames = logframes(request.partnership, _objective_ids(request))
    response = HttpResponse(logframe_xlsx(request.partnership, frames), content_type=XLSX)
    name = f"logframe-{request.partnership.slug}-{timezone.localdate():%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
