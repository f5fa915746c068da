"""A quarterly return's life: opened with the quarter, filled, submitted, returned, resubmitted,
approved and locked, reopened — every move kept with who, when and why."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from indicators.measurement.services.periods import period_plan
from indicators.models import Figure
from partnerships.models import AuditEvent
from reports.models import Return, ReturnStatus, ReturnTransition
from reports.returns import services

from .returns_cast import NARRATIVE, indicator, open_period, police_return, quarter, section_url, submitted, the_return

pytestmark = pytest.mark.django_db


def test_opening_a_quarter_opens_a_draft_return_for_each_organisation_with_a_spoc(a):
    period = quarter(a)
    open_period(a, period)
    opened = Return.objects.filter(period=period)
    assert {r.organisation for r in opened} == {a.police, a.charity}
    assert all(r.status == ReturnStatus.DRAFT for r in opened)
    assert AuditEvent.objects.filter(action="return.open", partnership=a.partnership).count() == 2


def test_an_organisation_without_a_spoc_gets_a_return_when_it_reports_an_indicator(a):
    indicator(a, "IND-1", reporters=[a.council])
    period = quarter(a)
    open_period(a, period)
    assert the_return(a, a.council, period).status == ReturnStatus.DRAFT


def test_opening_the_quarter_again_adds_nothing(a):
    period = quarter(a)
    open_period(a, period)
    assert services.returns_open_for_period(actor=a.coordinator, period=period) == []
    assert Return.objects.filter(period=period).count() == 2


def test_a_monthly_period_opens_no_returns(a):
    from indicators.models import PeriodKind, ReportingPeriod

    month = ReportingPeriod.objects.create(
        partnership=a.partnership, kind=PeriodKind.MONTH, start=date(2026, 4, 1), end=date(2026, 4, 30), label="Apr"
    )
    open_period(a, month)
    assert not Return.objects.filter(period=month).exists()


def test_the_return_is_due_a_month_after_the_quarter_ends_unless_the_coordinator_changes_it(a):
    return_ = police_return(a)
    assert return_.due_date == date(2026, 7, 31)
    services.return_deadline_set(
        actor=a.coordinator, period=return_.period, due_date=date(2026, 8, 14), reason="Summer holidays"
    )
    return_.refresh_from_db()
    assert return_.due_date == date(2026, 8, 14)
    later = quarter(a, date(2026, 7, 1))
    assert services.due_date_for(later) == date(2026, 10, 31)
    # The periods page reads the period's own date: it moved with the deadline
    return_.period.refresh_from_db()
    assert return_.period.due_date == date(2026, 8, 14)


def test_a_new_years_periods_are_due_on_the_same_day_as_their_returns(a):
    plan = {row["label"]: row["due_date"] for row in period_plan(a.partnership, date(2026, 4, 1))}
    assert plan["2026/27 Q1"] == date(2026, 7, 31) == services.default_due_date(quarter(a, date(2026, 4, 1)))
    assert plan["2026/27 Q3"] == date(2027, 1, 31)
    assert plan["February 2027"] == date(2027, 3, 31)


def test_a_due_date_inside_the_quarter_is_refused(a):
    return_ = police_return(a)
    with pytest.raises(ValidationError, match="after the quarter ends"):
        services.return_deadline_set(actor=a.coordinator, period=return_.period, due_date=date(2026, 6, 1))


def test_the_figures_are_exactly_the_indicators_the_organisation_reports_with_last_quarters_value(a):
    ours = indicator(a, "IND-1", reporters=[a.police])
    indicator(a, "IND-2", reporters=[a.charity])
    indicator(a, "IND-3", reporters=[a.police], is_active=False)
    first = police_return(a)
    services.return_save_draft(actor=a.spoc_police, return_=first, figures={ours.pk: {"value": "12"}})
    second = police_return(a, quarter(a, date(2026, 7, 1)))
    figures = list(second.figures.all())
    assert [f.indicator for f in figures] == [ours]
    assert figures[0].previous_value == 12
    assert figures[0].value is None


def test_spoc_cannot_submit_without_the_four_ps_narrative(a):
    return_ = police_return(a)
    with pytest.raises(ValidationError) as error:
        services.return_submit(actor=a.spoc_police, return_=return_)
    assert "Write something under “Progress”." in error.value.messages
    assert Return.objects.get(pk=return_.pk).status == ReturnStatus.DRAFT


def test_a_figure_left_blank_needs_a_comment_saying_why(a):
    ind = indicator(a, "IND-1", reporters=[a.police])
    return_ = police_return(a)
    services.return_save_draft(actor=a.spoc_police, return_=return_, narrative=NARRATIVE)
    with pytest.raises(ValidationError, match="Give a figure for IND-1"):
        services.return_submit(actor=a.spoc_police, return_=return_)
    services.return_save_draft(
        actor=a.spoc_police, return_=return_, figures={ind.pk: {"value": "", "comment": "System down in June"}}
    )
    services.return_submit(actor=a.spoc_police, return_=return_)


def test_the_last_quarter_of_the_year_asks_the_year_end_questions_too(a):
    return_ = police_return(a, quarter(a, date(2027, 1, 1)))
    assert return_.is_year_end
    services.return_save_draft(actor=a.spoc_police, return_=return_, narrative=NARRATIVE)
    with pytest.raises(ValidationError, match="Key achievements"):
        services.return_submit(actor=a.spoc_police, return_=return_)
    services.return_save_draft(
        actor=a.spoc_police,
        return_=return_,
        narrative={"key_achievements": "A", "key_challenges": "B", "future_priorities": "C"},
    )
    services.return_submit(actor=a.spoc_police, return_=return_)


def test_the_whole_cycle_keeps_every_move_with_who_when_and_why(a):
    return_ = submitted(a, police_return(a))
    assert return_.status == ReturnStatus.SUBMITTED and return_.first_submitted_at is not None
    services.return_send_back(actor=a.coordinator, return_=return_, reason="Add the June figures.")
    services.return_save_draft(actor=a.spoc_police, return_=return_, narrative={"progress": "Now with June."})
    services.return_submit(actor=a.spoc_police, return_=return_)
    return_.refresh_from_db()
    services.return_approve(actor=a.coordinator, return_=return_, version=return_.version)
    return_.refresh_from_db()
    assert return_.status == ReturnStatus.APPROVED
    assert return_.approved_by == a.coordinator
    moves = list(ReturnTransition.objects.filter(return_obj=return_).values_list("verb", "actor__email", "reason"))
    assert moves == [
        ("submit", a.spoc_police.email, ""),
        ("send_back", a.coordinator.email, "Add the June figures."),
        ("resubmit", a.spoc_police.email, ""),
        ("approve", a.coordinator.email, ""),
    ]
    actions = set(AuditEvent.objects.filter(object_id=str(return_.pk)).values_list("action", flat=True))
    assert {"return.submit", "return.send_back", "return.resubmit", "return.approve"} <= actions


def test_returning_needs_a_reason(a):
    return_ = submitted(a, police_return(a))
    with pytest.raises(ValidationError, match="Say what the organisation should change"):
        services.return_send_back(actor=a.coordinator, return_=return_, reason="  ")


def test_an_approved_return_is_locked(a):
    return_ = submitted(a, police_return(a))
    services.return_approve(actor=a.coordinator, return_=return_)
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.return_save_draft(actor=a.spoc_police, return_=return_, narrative={"progress": "Sneaky edit"})
    assert Return.objects.get(pk=return_.pk).progress == NARRATIVE["progress"]


def test_a_draft_cannot_be_approved_and_a_submitted_return_cannot_be_changed(a):
    return_ = police_return(a)
    with pytest.raises(ValidationError, match="Only a submitted return"):
        services.return_approve(actor=a.coordinator, return_=return_)
    submitted(a, return_)
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.return_save_draft(actor=a.spoc_police, return_=return_, narrative={"progress": "x"})


def test_approving_a_return_that_was_returned_meanwhile_is_refused_with_a_message(a):
    return_ = submitted(a, police_return(a))
    seen_version = return_.version
    services.return_send_back(actor=a.coordinator, return_=return_, reason="Missing figures.")
    with pytest.raises(ValidationError, match="changed while you were reading it"):
        services.return_approve(actor=a.coordinator, return_=return_, version=seen_version)
    assert Return.objects.get(pk=return_.pk).status == ReturnStatus.RETURNED


def test_approving_a_return_that_was_resubmitted_with_changes_meanwhile_is_refused(a):
    return_ = submitted(a, police_return(a))
    services.return_send_back(actor=a.coordinator, return_=return_, reason="Missing figures.")
    return_.refresh_from_db()
    seen_version = return_.version
    services.return_save_draft(actor=a.spoc_police, return_=return_, narrative={"progress": "Changed"})
    services.return_submit(actor=a.spoc_police, return_=return_)
    with pytest.raises(ValidationError, match="changed while you were reading it"):
        services.return_approve(actor=a.coordinator, return_=return_, version=seen_version)


def test_a_second_approval_is_refused(a):
    return_ = submitted(a, police_return(a))
    version = return_.version
    services.return_approve(actor=a.coordinator, return_=return_, version=version)
    with pytest.raises(ValidationError, match="already approved"):
        services.return_approve(actor=a.coordinator, return_=return_, version=version)
    assert ReturnTransition.objects.filter(return_obj=return_, verb="approve").count() == 1


def test_only_a_coordinator_with_a_reason_reopens_an_approved_return(a):
    return_ = submitted(a, police_return(a))
    services.return_approve(actor=a.coordinator, return_=return_)
    with pytest.raises(ValidationError, match="Say why"):
        services.return_reopen(actor=a.coordinator, return_=return_, reason="")
    services.return_reopen(actor=a.coordinator, return_=return_, reason="Figures for May were double counted.")
    return_.refresh_from_db()
    assert return_.status == ReturnStatus.RETURNED and return_.approved_at is None
    assert ReturnTransition.objects.filter(return_obj=return_).last().reason == "Figures for May were double counted."
    services.return_save_draft(actor=a.spoc_police, return_=return_, narrative={"progress": "Corrected"})


def test_last_quarters_figure_is_shown_even_when_it_was_recorded_after_this_return_opened(a, login):
    ours = indicator(a, "IND-1", reporters=[a.police])
    first_quarter = quarter(a)
    open_period(a, first_quarter)
    second = police_return(a, quarter(a, date(2026, 7, 1)))  # opened while Q1 has nothing on record
    assert second.figures.get().previous_value is None
    Figure.objects.create(
        partnership=a.partnership, indicator=ours, period=first_quarter, organisation=a.police, value=17
    )
    page = login(a.spoc_police).get(section_url(a, second)).content.decode()
    assert "last quarter: 17" in page
