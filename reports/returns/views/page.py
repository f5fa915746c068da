"""The returns list and a return's page: for the organisation while it may change the return, a
task list of its sections (each on its own page, see ``sections``); for everyone else the return
as read, with the coordinator's review."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from aspm.fragments import cached_fragments
from partnerships.access import Perm, can
from partnerships.decorators import partnership_view

from ...models.returns import ReturnStatus
from .. import selectors, services, tasklist
from ..figures import return_breaches
from ..forms import ApproveForm, NarrativeForm, ReasonForm
from . import dashboard, sections
from .access import get_return, on_behalf
from .rows import action_rows, figure_rows


@partnership_view(need=Perm.VIEW)
def return_list(request: HttpRequest) -> HttpResponse:
    """Readers of every return get the completeness dashboard; a SPOC gets their own returns."""
    if can(request.membership, Perm.VIEW_ALL_RETURNS):
        return dashboard.dashboard(request)
    returns = selectors.returns_visible_to(request.membership).order_by("-period__start")
    return render(request, "reports/returns/my_returns.html", {"returns": returns, "today": timezone.localdate()})


def can_edit(request, return_) -> bool:
    return return_.is_editable and can(request.membership, Perm.SUBMIT_OWN_RETURN, organisation=return_.organisation)


READ_FRAGMENTS = {"read": "reports/returns/_read.html"}
TASK_FRAGMENTS = {"tasks": "reports/returns/_tasks.html"}


def render_page(request, return_, *, reason_form=None, status=200) -> HttpResponse:
    """A return's page (``reason_form``: the coordinator's reason, with its errors). Its task list (or,
    read-only, its figures, action updates and spend) is drawn once and kept until the partnership's
    data changes."""
    editing = can_edit(request, return_)
    return_ = selectors.return_page(return_, rows=False)
    last_reason = next((t for t in reversed(return_.transitions.all()) if t.reason), None)
    context = {
        "return": return_,
        "can_edit": editing,
        "can_review": can(request.membership, Perm.REVIEW_RETURNS),
        "approve_form": ApproveForm(initial={"version": return_.version}),
        "reason_form": reason_form or ReasonForm(initial={"version": return_.version}),
        "last_reason": last_reason if return_.status == ReturnStatus.RETURNED else None,
        "today": timezone.localdate(),
        "on_behalf": on_behalf(request, return_),
    }
    if context["can_review"] and return_.status in (ReturnStatus.APPROVED, ReturnStatus.RETURNED):
        context["next_waiting"] = selectors.next_waiting(request.partnership, after=return_)
    if editing:
        build, templates = (lambda: _tasks_context(return_, context["on_behalf"])), TASK_FRAGMENTS
    else:
        build, templates = (lambda: _read_context(return_)), READ_FRAGMENTS
    context["drawn"] = cached_fragments(request, "return-page", templates, build, parts=[return_.pk, editing])
    return render(request, "reports/returns/detail.html", context, status=status)


def _tasks_context(return_, on_behalf: bool) -> dict:
    return_ = selectors.return_page(return_)
    problems = services.submit_problems(return_, return_breaches(return_, return_.figures.all()))
    sections = tasklist.sections(return_, problems)
    return {
        "return": return_,
        "on_behalf": on_behalf,
        "sections": sections,
        "completed": sum(1 for s in sections if s.status == tasklist.COMPLETED),
    }


def _read_context(return_) -> dict:
    return_ = selectors.return_page(return_)
    breaches = return_breaches(return_, return_.figures.all())
    return {
        "return": return_,
        "form": NarrativeForm(return_=return_),
        "figure_rows": figure_rows(return_, breaches=breaches),
        "action_rows": action_rows(return_),
        "rule_breaches": breaches,
    }


@partnership_view(need=Perm.VIEW)
def return_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return_ = get_return(request, pk)
    if request.method == "POST":  # every section at once ("Save draft" or "Submit"), as the API's clients post
        return sections.save(request, get_return(request, pk, need=Perm.SUBMIT_OWN_RETURN))
    # No write here: the rows were prepared when the return opened, reopened or went back, and when
    # what the organisation reports changed (services.return_prepare).
    return render_page(request, return_)
