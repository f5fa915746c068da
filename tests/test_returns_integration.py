"""A return works through the indicators and the action plan: figures follow the indicators' rules
(including locked quarters), approved figures show in the indicators' progress, and action
updates go into each action's history when the return is approved."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from actionplans.models import Action, RagStatus
from actionplans.services import action_create
from indicators.measurement.selectors import results_table
from indicators.measurement.services.figures import figure_record
from indicators.models import Figure, FigureSource, PeriodKind, PeriodStatus, ReportingPeriod, Unit
from reports.models import Return, ReturnActionUpdate, ReturnStatus
from reports.returns import services

from .returns_cast import NARRATIVE, indicator, open_period, police_return, quarter, the_return

pytestmark = pytest.mark.django_db


def _save(side, return_, figures=None, actions=None, actor=None):
    return services.return_save_draft(
        actor=actor or side.spoc_police, return_=return_, narrative=NARRATIVE, figures=figures, actions=actions
    )


def _submit_and_approve(side, return_, actor=None):
    services.return_submit(actor=actor or side.spoc_police, return_=return_)
    return_.refresh_from_db()
    return services.return_approve(actor=side.coordinator, return_=return_, version=return_.version)


def _lock(period):
    ReportingPeriod.objects.filter(pk=period.pk).update(status=PeriodStatus.LOCKED)
    period.refresh_from_db()


def _action(side, title="Run two joint visits to car washes", owner=None, status=RagStatus.GREEN):
    return action_create(
        actor=side.coordinator,
        partnership=side.partnership,
        title=title,
        owner_organisation=owner or side.police,
        due_date=date(2026, 12, 31),
        status=status,
    )


# --- figures follow the indicators' rules -------------------------------------------------


def test_the_form_uses_the_indicators_categories_so_unknown_sex_is_accepted(a):
    ind = indicator(a, "IND-1", reporters=[a.police], disaggregation=["sex"])
    return_ = police_return(a)
    _save(a, return_, {ind.pk: {"value": "3", "breakdown": {"sex": {"female": "2", "unknown": "1"}}}})
    assert return_.figures.get().breakdown == {"sex": {"female": 2, "unknown": 1}}


def test_a_figure_for_a_locked_quarter_that_differs_from_the_recorded_one_is_refused_on_the_form(a):
    ind = indicator(a, "IND-1", reporters=[a.police])
    return_ = police_return(a)
    figure_record(actor=a.coordinator, indicator=ind, period=return_.period, organisation=a.police, value=5)
    _lock(return_.period)
    with pytest.raises(ValidationError) as error:
        _save(a, return_, {ind.pk: {"value": "7"}})
    message = " ".join(error.value.message_dict[f"figure-{ind.pk}"])
    assert "is locked" in message and "recorded (5)" in message and "Correct" in message
    _save(a, return_, {ind.pk: {"value": "5"}})  # the recorded figure is accepted
    assert return_.figures.get().value == Decimal("5")


def test_approving_a_locked_quarters_return_with_the_recorded_figures_changes_nothing(a):
    ind = indicator(a, "IND-1", reporters=[a.police])
    return_ = police_return(a)
    recorded = figure_record(actor=a.coordinator, indicator=ind, period=return_.period, organisation=a.police, value=5)
    _save(a, return_, {ind.pk: {"value": "5"}})
    _lock(return_.period)
    _submit_and_approve(a, return_)
    assert Return.objects.get(pk=return_.pk).status == ReturnStatus.APPROVED
    figure = Figure.objects.get(pk=recorded.pk)
    assert (figure.value, figure.source) == (Decimal("5"), FigureSource.FORM)


def test_approving_a_return_whose_quarter_was_locked_meanwhile_with_other_figures_is_refused(a):
    ind = indicator(a, "IND-1", reporters=[a.police])
    other = indicator(a, "IND-2", reporters=[a.police])
    return_ = police_return(a)
    figure_record(actor=a.coordinator, indicator=ind, period=return_.period, organisation=a.police, value=5)
    _save(a, return_, {ind.pk: {"value": "9"}, other.pk: {"value": "1"}})
    services.return_submit(actor=a.spoc_police, return_=return_)
    _lock(return_.period)
    return_.refresh_from_db()
    with pytest.raises(ValidationError, match="locked, and this return's figures for IND-1, IND-2 differ") as error:
        services.return_approve(actor=a.coordinator, return_=return_, version=return_.version)
    assert "correction" in str(error.value)
    assert Return.objects.get(pk=return_.pk).status == ReturnStatus.SUBMITTED
    assert Figure.objects.get(indicator=ind).value == Decimal("5")
    assert not Figure.objects.filter(indicator=other).exists()


# --- roll-up into the indicators' progress ------------------------------------------------


def test_approved_figures_of_two_organisations_add_up_in_the_indicators_progress(a):
    year = ReportingPeriod.objects.create(
        partnership=a.partnership,
        kind=PeriodKind.YEAR,
        start=date(2026, 4, 1),
        end=date(2027, 3, 31),
        label="2026/27",
        status=PeriodStatus.OPEN,
    )
    ind = indicator(a, "IND-1", reporters=[a.police, a.charity])
    period = quarter(a)
    open_period(a, period)
    police, charity = the_return(a, a.police, period), the_return(a, a.charity, period)
    _save(a, police, {ind.pk: {"value": "4"}})
    _save(a, charity, {ind.pk: {"value": "3"}}, actor=a.spoc_charity)
    _submit_and_approve(a, police)
    _submit_and_approve(a, charity, actor=a.spoc_charity)
    table = results_table(a.partnership, year=year, today=date(2026, 7, 15))
    (row,) = [r for r in table.rows if r.indicator == ind]
    first = table.periods.index(period)
    assert row.cells[first].actual == Decimal("7") and row.cells[first].reporters == 2
    assert row.ytd.actual == Decimal("7")
    assert set(Figure.objects.filter(indicator=ind).values_list("source", flat=True)) == {FigureSource.RETURN}


# --- action updates -------------------------------------------------------------------------


def test_a_return_lists_an_update_for_each_action_the_organisation_owns_and_no_other(a, b):
    mine = _action(a)
    _action(a, "Train charity volunteers", owner=a.charity)
    _action(b, "Southmoor's own action", owner=b.police)
    return_ = police_return(a)
    assert list(return_.action_updates.values_list("action_id", flat=True)) == [mine.pk]


def test_approving_applies_the_action_updates_through_the_action_plan_by_the_coordinator(a):
    action = _action(a)
    return_ = police_return(a)
    note = "The second visit slipped to October: the venue fell through."
    _save(a, return_, actions={action.pk: {"status": "amber", "note": note}})
    assert Action.objects.get(pk=action.pk).status == RagStatus.GREEN  # nothing changes before approval
    _submit_and_approve(a, return_)
    action.refresh_from_db()
    assert action.status == RagStatus.AMBER
    line = action.history.order_by("-changed_at", "-id").first()
    assert line.changed_by == a.coordinator
    assert note in line.note and "return for" in line.note
    assert ReturnActionUpdate.objects.get(return_obj=return_).applied_at is not None


def test_a_change_to_red_without_a_note_is_refused_and_nothing_is_saved(a):
    action = _action(a)
    ind = indicator(a, "IND-1", reporters=[a.police])
    return_ = police_return(a)
    with pytest.raises(ValidationError) as error:
        _save(a, return_, {ind.pk: {"value": "4"}}, actions={action.pk: {"status": "red", "note": ""}})
    assert "note is needed" in " ".join(error.value.message_dict[f"action-{action.pk}"])
    assert return_.figures.get().value is None
    assert ReturnActionUpdate.objects.get(return_obj=return_).status == ""


def test_an_update_with_no_status_change_adds_its_note_to_the_actions_history(a):
    action = _action(a)
    return_ = police_return(a)
    _save(a, return_, actions={action.pk: {"status": "", "note": "Both visits booked."}})
    _submit_and_approve(a, return_)
    action.refresh_from_db()
    assert action.status == RagStatus.GREEN
    assert action.history.filter(note__startswith="Both visits booked.").exists()


def test_an_untouched_update_adds_nothing_to_the_actions_history(a):
    action = _action(a)
    return_ = police_return(a)
    before = action.history.count()
    _save(a, return_)
    _submit_and_approve(a, return_)
    assert action.history.count() == before


def test_a_text_indicator_is_answered_in_words(a):
    ind = indicator(a, "IND-1", unit=Unit.TEXT, reporters=[a.police])
    return_ = police_return(a)
    _save(a, return_, {ind.pk: {"text_value": "Survivors say the new leaflet helped."}})
    _submit_and_approve(a, return_)
    assert Figure.objects.get(indicator=ind).text_value == "Survivors say the new leaflet helped."
