"""Meeting pages: list, record, read, edit, minutes download, actions arising.

Coordinators (Perm.EDIT_PLAN) write; every member reads.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from actionplans.services.meeting_items import action_from_meeting_item
from aspm.deleting import delete_then_redirect
from aspm.errors import in_words
from aspm.forms import add_service_errors
from aspm.uploads import file_response

from .. import selectors as partnership_selectors
from ..access import Perm, get_object_for, scoped
from ..decorators import partnership_view
from ..models import Attendance, AttendanceStatus, Meeting, MeetingActionItem, Organisation, SubGroup
from . import selectors, services
from .forms import ActionItemForm, AttendanceForm, MeetingFilterForm, MeetingForm


@partnership_view(need=Perm.VIEW)
def meeting_list(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    years = selectors.meeting_years(partnership)
    form = MeetingFilterForm(request.GET or None, years=years)
    kind, year = "", None
    if form.is_valid():
        kind, year = form.cleaned_data["kind"], form.cleaned_data["year"]
    meetings = list(selectors.meetings(partnership, kind=kind, year=year))
    return render(request, "meetings/meeting_list.html", {"meetings": meetings, "filter_form": form})


def _forms(request: HttpRequest, meeting: Meeting | None):
    partnership = request.partnership
    subgroups = scoped(partnership, SubGroup).order_by("name")
    organisations = selectors.attendance_organisations(partnership, meeting)
    initial_status = {}
    if meeting is not None:
        initial_status = dict(
            scoped(partnership, Attendance).filter(meeting=meeting).values_list("organisation_id", "status")
        )
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = MeetingForm(data, files, instance=meeting, subgroups=subgroups)
    attendance_form = AttendanceForm(data, organisations=organisations, initial_status=initial_status)
    return form, attendance_form


def _save(request, form, attendance_form, meeting: Meeting | None):
    if not (form.is_valid() & attendance_form.is_valid()):
        return None
    try:
        if meeting is None:
            return services.meeting_create(
                actor=request.user,
                partnership=request.partnership,
                attendance=attendance_form.attendance(),
                **form.service_values(),
            )
        return services.meeting_update(
            actor=request.user,
            meeting=meeting,
            attendance=attendance_form.attendance(),
            remove_minutes_file=form.cleaned_data.get("remove_minutes_file", False),
            **form.service_values(),
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return None


@partnership_view(need=Perm.EDIT_PLAN)
def meeting_create(request: HttpRequest) -> HttpResponse:
    form, attendance_form = _forms(request, None)
    if request.method == "POST":
        meeting = _save(request, form, attendance_form, None)
        if meeting is not None:
            messages.success(request, f"{meeting.title} is recorded.")
            return redirect("meetings:detail", slug=request.partnership.slug, pk=meeting.pk)
    context = {"form": form, "attendance_form": attendance_form, "meeting": None, "statuses": AttendanceStatus.choices}
    return render(request, "meetings/meeting_form.html", context)


@partnership_view(need=Perm.VIEW)
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_for(request.membership, Meeting, pk=pk, need=Perm.EDIT_PLAN)
    form, attendance_form = _forms(request, meeting)
    if request.method == "POST":
        saved = _save(request, form, attendance_form, meeting)
        if saved is not None:
            messages.success(request, f"{saved.title} is saved.")
            return redirect("meetings:detail", slug=request.partnership.slug, pk=saved.pk)
        meeting.refresh_from_db()
    context = {
        "form": form,
        "attendance_form": attendance_form,
        "meeting": meeting,
        "statuses": AttendanceStatus.choices,
    }
    return render(request, "meetings/meeting_form.html", context)


@partnership_view(need=Perm.VIEW)
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    meeting = get_object_for(request.membership, selectors.meeting_detail(partnership), pk=pk)
    item_form = ActionItemForm(organisations=partnership_selectors.active_organisations(partnership))
    return render(request, "meetings/meeting_detail.html", _detail_context(meeting, item_form))


def _detail_context(meeting: Meeting, item_form) -> dict:
    attendance = list(meeting.attendance.all())
    counted = [row for row in attendance if row.status != "not_expected"]
    present = sum(row.status == "present" for row in counted)
    return {
        "meeting": meeting,
        "attendance": attendance,
        "present": present,
        "expected": len(counted),
        "rate": round(100 * present / len(counted)) if counted else None,
        "items": list(meeting.action_items.all()),
        "item_form": item_form,
        "organisations": list(partnership_selectors.active_organisations(meeting.partnership)),
    }


@partnership_view(need=Perm.VIEW)
def meeting_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_for(request.membership, Meeting, pk=pk, need=Perm.VIEW)
    if not meeting.minutes_file:
        raise Http404("This meeting has no minutes file.")
    return file_response(meeting.minutes_file)


@partnership_view(need=Perm.VIEW)
@require_POST
def meeting_delete(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_for(request.membership, Meeting, pk=pk, need=Perm.EDIT_PLAN)
    slug = request.partnership.slug
    return delete_then_redirect(
        request,
        lambda: services.meeting_delete(actor=request.user, meeting=meeting),
        done=f"{meeting.title} is deleted.",
        back=reverse("meetings:detail", kwargs={"slug": slug, "pk": meeting.pk}),
        then=reverse("meetings:list", kwargs={"slug": slug}),
    )


@partnership_view(need=Perm.VIEW)
@require_POST
def meeting_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = request.partnership
    meeting = get_object_for(request.membership, selectors.meeting_detail(partnership), pk=pk, need=Perm.EDIT_PLAN)
    form = ActionItemForm(request.POST, organisations=partnership_selectors.active_organisations(partnership))
    if form.is_valid():
        try:
            services.meeting_item_add(actor=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The action arising is added.")
            return redirect("meetings:detail", slug=partnership.slug, pk=meeting.pk)
    return render(request, "meetings/meeting_detail.html", _detail_context(meeting, form), status=400)


@partnership_view(need=Perm.VIEW)
@require_POST
def meeting_item_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_for(request.membership, MeetingActionItem, pk=pk, need=Perm.EDIT_PLAN)
    return delete_then_redirect(
        request,
        lambda: services.meeting_item_delete(actor=request.user, item=item),
        done="The action arising is removed.",
        back=reverse("meetings:detail", kwargs={"slug": request.partnership.slug, "pk": item.meeting_id}),
    )


@partnership_view(need=Perm.VIEW)
@require_POST
def meeting_item_to_plan(request: HttpRequest, pk: int) -> HttpResponse:
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
