"""An action arising from a meeting, added to the action plan (the button on the meeting's page).

The meeting belongs to the tenant core (``partnerships.meetings``); the action plan builds on it, so
this page lives here and the meetings import nothing of the action plan."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from aspm.errors import in_words
from partnerships.access import Perm, get_object_for, scoped
from partnerships.decorators import partnership_view
from partnerships.models import MeetingActionItem, Organisation

from ..services.meeting_items import action_from_meeting_item


@partnership_view(need=Perm.VIEW)
@require_POST
def to_plan(request: HttpRequest, pk: int) -> HttpResponse:
    """Add an action arising to the action plan (once), with the owner and due date given here
    when the item has none."""
    item = get_object_for(request.membership, MeetingActionItem, pk=pk, need=Perm.EDIT_PLAN)
    partnership = request.partnership
    owner, due = None, None
    owner_pk = request.POST.get("owner_organisation", "")
    if owner_pk:
        owner = scoped(partnership, Organisation).filter(pk=owner_pk if owner_pk.isdigit() else 0).first()
        if owner is None:
            messages.error(request, "Choose one of the partnership's organisations as the owner.")
            return redirect("meetings:detail", slug=partnership.slug, pk=item.meeting_id)
    raw_due = request.POST.get("due_date", "")
    if raw_due:
        try:
            due = dt.date.fromisoformat(raw_due)
        except ValueError:
            messages.error(request, "Give the due date as a date, for example 31/03/2027.")
            return redirect("meetings:detail", slug=partnership.slug, pk=item.meeting_id)
    try:
        action = action_from_meeting_item(actor=request.user, item=item, owner_organisation=owner, due_date=due)
    except ValidationError as error:
        messages.error(request, in_words(error))
        return redirect("meetings:detail", slug=partnership.slug, pk=item.meeting_id)
    messages.success(request, f"“{action.title}” is now in the action plan.")
    return redirect("meetings:detail", slug=partnership.slug, pk=item.meeting_id)
