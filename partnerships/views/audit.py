"""The audit log: coordinators read and filter it; nobody edits it."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import selectors
from ..access import Perm
from ..audit_display import present
from ..decorators import partnership_view
from ..forms import AuditFilterForm


@partnership_view(need=Perm.VIEW_AUDIT)
def audit_log(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    form = AuditFilterForm(request.GET or None, choices=selectors.audit_filter_choices(partnership))
    filters = selectors.AuditFilter()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = selectors.AuditFilter(
            actor=data["actor"],
            object_type=data["object_type"],
            action=data["action"],
            text=data["text"],
            since=data["since"],
            until=data["until"],
        )
    page = Paginator(selectors.audit_events(partnership, filters), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    rows = [present(event) for event in page]
    context = {"form": form, "page": page, "rows": rows, "query": query.urlencode()}
    return render(request, "partnerships/audit_log.html", context)
