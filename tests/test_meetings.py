"""Meetings: recorded with one attendance line per organisation, all or nothing; minutes files
checked and served to members only; actions arising kept for the action plan."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerships import services
from partnerships.meetings import selectors
from partnerships.meetings import services as meeting_services
from partnerships.models import (
    Attendance,
    AttendanceStatus,
    AuditEvent,
    Meeting,
    MeetingActionItem,
    MeetingKind,
    Sector,
    SubGroup,
)

from .health_helpers import PDF, everyone, meeting, meeting_with_minutes_file
from .query_sizes import flat_queries, ok

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()


def test_a_meeting_is_recorded_with_one_attendance_line_per_active_organisation(a):
    m = meeting(a, TODAY, everyone(a, council=AttendanceStatus.APOLOGIES))
    rows = dict(Attendance.objects.filter(meeting=m).values_list("organisation__name", "status"))
    assert rows == {
        "Northvale Police": "present",
        "Northvale Survivor Trust": "present",
        "Northvale Council": "apologies",
    }
    event = AuditEvent.objects.get(action="meeting.attendance", object_id=str(m.pk))
    assert event.changes["Northvale Council"] == [None, "apologies"]


def test_attendance_missing_for_an_organisation_is_refused_and_nothing_is_saved(a):
    attendance = everyone(a)
    del attendance[a.council.pk]
    with pytest.raises(ValidationError, match="Northvale Council"):
        meeting(a, TODAY, attendance)
    assert not Meeting.objects.exists() and not Attendance.objects.exists()


def test_attendance_for_another_partnerships_organisation_is_refused(a, b):
    attendance = {**everyone(a), b.police.pk: AttendanceStatus.PRESENT}
    with pytest.raises(ValidationError, match="partnership's organisations"):
        meeting(a, TODAY, attendance)
    assert not Meeting.objects.exists()


def test_an_inactive_organisation_is_not_asked_for(a):
    services.organisation_update(actor=a.coordinator, organisation=a.council, is_active=False)
    attendance = everyone(a)
    del attendance[a.council.pk]
    m = meeting(a, TODAY, attendance)
    assert Attendance.objects.filter(meeting=m).count() == 2


def test_a_subgroup_meeting_needs_a_subgroup_of_the_same_partnership(a, b):
    with pytest.raises(ValidationError) as error:
        meeting(a, TODAY, kind=MeetingKind.SUBGROUP)
    assert "subgroup" in error.value.message_dict
    theirs = SubGroup.objects.create(partnership=b.partnership, name="Pursue")
    with pytest.raises(ValidationError, match="not part of this partnership"):
        meeting(a, TODAY, kind=MeetingKind.SUBGROUP, subgroup=theirs)
    ours = SubGroup.objects.create(partnership=a.partnership, name="Pursue")
    assert meeting(a, TODAY, kind=MeetingKind.SUBGROUP, subgroup=ours).subgroup == ours


def test_a_board_meeting_drops_a_subgroup_given_by_mistake(a):
    ours = SubGroup.objects.create(partnership=a.partnership, name="Protect")
    assert meeting(a, TODAY, kind=MeetingKind.BOARD, subgroup=ours).subgroup is None


def test_a_minutes_file_that_is_not_a_document_is_refused(a):
    exe = SimpleUploadedFile("minutes.pdf", b"MZ\x90\x00\x03\x00\x00\x00" * 10)
    with pytest.raises(ValidationError) as error:
        meeting(a, TODAY, minutes_file=exe)
    assert "minutes_file" in error.value.message_dict
    assert not Meeting.objects.exists()


def test_members_download_the_minutes_and_other_partnerships_get_404(a, b, login):
    m = meeting_with_minutes_file(a)
    url = reverse("meetings:minutes", kwargs={"slug": a.slug, "pk": m.pk})
    response = login(a.viewer).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Cache-Control"] == "private, no-store"
    assert login(b.coordinator).get(url).status_code == 404


def test_editing_attendance_changes_only_what_changed_and_audits_it(a):
    m = meeting(a, TODAY)
    meeting_services.meeting_update(
        actor=a.coordinator, meeting=m, attendance=everyone(a, police=AttendanceStatus.ABSENT), title="Board (revised)"
    )
    assert Attendance.objects.get(meeting=m, organisation=a.police).status == "absent"
    event = AuditEvent.objects.filter(action="meeting.attendance", object_id=str(m.pk)).latest("id")
    assert event.changes == {"Northvale Police": ["present", "absent"]}


def test_the_coordinator_records_a_meeting_through_the_form(a, login):
    client = login(a.coordinator)
    data = {"kind": "operational", "held_on": "2026-05-12", "title": "Ops group", "agenda": "Cases"}
    data.update({f"att_{pk}": s for pk, s in everyone(a, charity="not_expected").items()})
    response = client.post(reverse("meetings:create", kwargs={"slug": a.slug}), data)
    m = Meeting.objects.get(title="Ops group")
    assert response.status_code == 302 and response.url.endswith(f"/meetings/{m.pk}/")
    page = client.get(response.url).content.decode()
    assert "2 of 2 expected organisations were present (100%)" in page


def test_a_form_missing_an_organisations_attendance_shows_the_error_and_saves_nothing(a, login):
    data = {"kind": "board", "held_on": "2026-05-12", "title": "Board", f"att_{a.police.pk}": "present"}
    response = login(a.coordinator).post(reverse("meetings:create", kwargs={"slug": a.slug}), data)
    assert response.status_code == 200
    assert "Say whether Northvale Council attended." in response.content.decode()
    assert not Meeting.objects.exists()


def test_actions_arising_keep_a_place_for_the_action_plan_link(a):
    m = meeting(a, TODAY)
    item = meeting_services.meeting_item_add(
        actor=a.coordinator, meeting=m, text="Map hand car washes", owner_organisation=a.police
    )
    assert item.action_id is None
    with pytest.raises(ValidationError, match="before the meeting"):
        meeting_services.meeting_item_add(actor=a.coordinator, meeting=m, text="x", due_on=TODAY - dt.timedelta(1))
    MeetingActionItem.objects.filter(pk=item.pk).update(action_id=42)  # as actionplans will, next round
    item.refresh_from_db()
    with pytest.raises(ValidationError, match="already an action"):
        meeting_services.meeting_item_delete(actor=a.coordinator, item=item)
    with pytest.raises(ValidationError, match="traced back"):
        meeting_services.meeting_delete(actor=a.coordinator, meeting=m)


def test_an_action_arising_owned_by_another_partnership_is_refused(a, b):
    m = meeting(a, TODAY)
    with pytest.raises(ValidationError, match="not part of this partnership"):
        meeting_services.meeting_item_add(actor=a.coordinator, meeting=m, text="x", owner_organisation=b.police)


def test_the_list_counts_attendance_without_being_multiplied_by_actions_arising(a):
    m = meeting(a, TODAY, everyone(a, council=AttendanceStatus.ABSENT))
    for text in ("one", "two", "three"):
        meeting_services.meeting_item_add(actor=a.coordinator, meeting=m, text=text)
    row = selectors.meetings(a.partnership).get(pk=m.pk)
    assert (row.n_present, row.n_apologies, row.n_absent, row.n_items) == (2, 0, 1, 3)


def test_the_meeting_list_keeps_a_constant_number_of_queries(a, login):
    for i in range(7):
        services.organisation_create(actor=None, partnership=a.partnership, name=f"Org {i}", sector=Sector.OTHER)
    client = login(a.viewer)
    held = iter(range(1000))

    def grow(n):
        attendance = {o.pk: AttendanceStatus.PRESENT for o in selectors.attendance_organisations(a.partnership)}
        for _ in range(n):
            k = next(held)
            meeting(a, TODAY - dt.timedelta(days=7 * k), attendance, title=f"Meeting {k}")

    url = reverse("meetings:list", kwargs={"slug": a.slug})
    flat_queries(grow=grow, measure=lambda: ok(client.get(url)), pinned=10, big=38)
    assert client.get(url).content.decode().count("Meeting ") >= 40
