"""User-entered dates lie within 2000–2100 (one rule, aspm.validators); constraint breaches are said in words."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from aspm.validators import validate_date_in_range
from partnerships.meetings.forms import MeetingForm
from partnerships.models import Meeting, SubGroup

from . import strategy_world as sw
from .action_helpers import make_action

pytestmark = pytest.mark.django_db

OUT_OF_RANGE = "Enter a date between 1 January 2000 and 31 December 2100."


@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(1999, 12, 31), dt.date(2101, 1, 1)])
def test_an_action_due_on_a_date_outside_2000_to_2100_is_refused_by_the_service(a, day):
    with pytest.raises(ValidationError) as caught:
        make_action(a, start_date=None, due_date=day)
    assert caught.value.message_dict["due_date"] == [OUT_OF_RANGE]


def test_the_first_and_last_days_of_the_range_are_accepted(a):
    assert make_action(a, start_date=dt.date(2000, 1, 1), due_date=dt.date(2100, 12, 31)).pk
    validate_date_in_range(dt.date(2000, 1, 1))
    validate_date_in_range(dt.date(2100, 12, 31))


def test_a_risk_review_date_of_9999_is_refused_by_the_service(a):
    with pytest.raises(ValidationError) as caught:
        sw.risk(a, review_date=dt.date(9999, 12, 31))
    assert caught.value.message_dict["review_date"] == [OUT_OF_RANGE]


def test_a_quarters_returns_due_date_of_0001_is_refused_by_its_form():
    from reports.returns.forms import DeadlineForm

    form = DeadlineForm({"due_date": "0001-01-01"})
    assert not form.is_valid()
    assert form.errors["due_date"] == [OUT_OF_RANGE]


def test_a_board_meeting_with_a_subgroup_left_selected_is_saved_without_it_not_refused_by_constraint_name(a, login):
    from .health_helpers import everyone

    group = SubGroup.objects.create(partnership=a.partnership, name="Protect")
    data = {"kind": "board", "subgroup": group.pk, "held_on": "2026-05-12", "title": "Board"}
    data.update({f"att_{pk}": s for pk, s in everyone(a).items()})
    response = login(a.coordinator).post(reverse("meetings:create", kwargs={"slug": a.slug}), data)
    assert "meeting_subgroup_only_for_subgroup_meetings" not in response.content.decode()
    assert response.status_code == 302
    assert Meeting.objects.get(title="Board").subgroup is None


def test_the_meeting_check_speaks_plain_english_when_it_is_broken(a):
    group = SubGroup.objects.create(partnership=a.partnership, name="Protect")
    meeting = Meeting(partnership=a.partnership, kind="board", subgroup=group, held_on=dt.date(2026, 5, 12), title="B")
    with pytest.raises(ValidationError) as caught:
        meeting.full_clean()
    assert caught.value.messages == [
        "Choose the sub-group for a sub-group meeting, and no sub-group for any other kind of meeting."
    ]


def test_the_meeting_form_never_shows_a_constraint_name(a):
    group = SubGroup.objects.create(partnership=a.partnership, name="Protect")
    form = MeetingForm(
        {"kind": "operational", "subgroup": group.pk, "held_on": "2026-05-12", "title": "Ops"},
        subgroups=SubGroup.objects.filter(partnership=a.partnership),
        instance=Meeting(partnership=a.partnership),
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["subgroup"] is None
