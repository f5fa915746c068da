"""Figures in a return follow the indicator's rules, nothing is half-saved, and approval writes
them through the indicators app's figure service."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from indicators.models import FigureSource, Unit
from reports.models import Return, ReturnFigure, ReturnStatus
from reports.returns import services

from .returns_cast import NARRATIVE, indicator, police_return

pytestmark = pytest.mark.django_db


def _save(a, return_, data, narrative=None):
    return services.return_save_draft(actor=a.spoc_police, return_=return_, narrative=narrative, figures=data)


@pytest.mark.parametrize(
    ("unit", "typed", "message"),
    [
        (Unit.COUNT, "-1", "cannot be negative"),
        (Unit.COUNT, "2.5", "whole number"),
        (Unit.COUNT, "twelve", "is not a number"),
        (Unit.PERCENTAGE, "101", "more than 100"),
        (Unit.YES_NO, "2", "yes or no"),
        (Unit.MONEY, "10.555", "two decimal places"),
    ],
)
def test_a_figure_that_breaks_the_indicators_rule_is_refused(a, unit, typed, message):
    ind = indicator(a, "IND-1", unit=unit, reporters=[a.police])
    return_ = police_return(a)
    with pytest.raises(ValidationError) as error:
        _save(a, return_, {ind.pk: {"value": typed}})
    assert message in " ".join(error.value.message_dict[f"figure-{ind.pk}"])


def test_numbers_are_read_the_way_people_type_them(a):
    count = indicator(a, "IND-1", reporters=[a.police])
    money = indicator(a, "IND-2", unit=Unit.MONEY, reporters=[a.police])
    share = indicator(a, "IND-3", unit=Unit.PERCENTAGE, reporters=[a.police])
    return_ = police_return(a)
    _save(a, return_, {count.pk: {"value": " 1,250 "}, money.pk: {"value": "£99.50"}, share.pk: {"value": "75%"}})
    values = dict(ReturnFigure.objects.filter(return_obj=return_).values_list("indicator__code", "value"))
    assert values == {"IND-1": Decimal("1250"), "IND-2": Decimal("99.50"), "IND-3": Decimal("75")}


def test_the_split_must_add_up_to_the_total(a):
    ind = indicator(a, "IND-1", reporters=[a.police], disaggregation=["age_group"])
    return_ = police_return(a)
    with pytest.raises(ValidationError, match="adds up to 5, but the total is 6"):
        _save(a, return_, {ind.pk: {"value": "6", "breakdown": {"age_group": {"adult": "4", "child": "1"}}}})
    split = {"adult": "4", "child": "1", "unknown": "1"}
    _save(a, return_, {ind.pk: {"value": "6", "breakdown": {"age_group": split}}})
    stored = ReturnFigure.objects.get(return_obj=return_).breakdown
    assert stored == {"age_group": {"adult": 4, "child": 1, "unknown": 1}}


def test_a_split_without_a_total_is_refused(a):
    ind = indicator(a, "IND-1", reporters=[a.police], disaggregation=["sex"])
    return_ = police_return(a)
    with pytest.raises(ValidationError, match="Enter the figure"):
        _save(a, return_, {ind.pk: {"value": "", "breakdown": {"sex": {"female": "2"}}}})


def test_one_bad_figure_saves_nothing_at_all(a):
    good = indicator(a, "IND-1", reporters=[a.police])
    bad = indicator(a, "IND-2", unit=Unit.PERCENTAGE, reporters=[a.police])
    return_ = police_return(a)
    with pytest.raises(ValidationError):
        _save(a, return_, {good.pk: {"value": "3"}, bad.pk: {"value": "140"}}, narrative={"progress": "Typed"})
    stored = Return.objects.get(pk=return_.pk)
    assert stored.progress == "" and stored.version == return_.version
    assert ReturnFigure.objects.get(indicator=good).value is None


def test_a_qualitative_indicator_takes_text(a):
    ind = indicator(a, "IND-Q", unit=Unit.TEXT, reporters=[a.police])
    return_ = police_return(a)
    _save(a, return_, {ind.pk: {"text_value": "Survivors said the new drop-in felt safe."}})
    assert ReturnFigure.objects.get(indicator=ind).text_value.startswith("Survivors said")


def _approvable(a):
    ind = indicator(a, "IND-1", reporters=[a.police], disaggregation=["age_group"])
    return_ = police_return(a)
    _save(a, return_, {ind.pk: {"value": "3", "breakdown": {"age_group": {"adult": "3"}}}}, narrative=NARRATIVE)
    services.return_submit(actor=a.spoc_police, return_=return_)
    return_.refresh_from_db()
    return ind, return_


def test_approval_records_each_figure_through_the_indicators_figure_service(a, monkeypatch):
    recorded = []
    monkeypatch.setattr(services, "figure_service", lambda: lambda **kwargs: recorded.append(kwargs))
    ind, return_ = _approvable(a)
    services.return_approve(actor=a.coordinator, return_=return_, version=return_.version)
    assert len(recorded) == 1
    call = recorded[0]
    assert (call["indicator"], call["period"], call["organisation"]) == (ind, return_.period, a.police)
    assert call["value"] == Decimal("3") and call["breakdown"] == {"age_group": {"adult": 3}}
    assert call["actor"] == a.coordinator and call["source"] == FigureSource.RETURN


def test_a_failure_while_recording_figures_leaves_the_return_submitted(a, monkeypatch):
    def broken(**kwargs):
        raise ValidationError("Indicator IND-1 is closed for this period.")

    monkeypatch.setattr(services, "figure_service", lambda: broken)
    _, return_ = _approvable(a)
    with pytest.raises(ValidationError, match="closed for this period"):
        services.return_approve(actor=a.coordinator, return_=return_, version=return_.version)
    assert Return.objects.get(pk=return_.pk).status == ReturnStatus.SUBMITTED


def test_a_return_without_figures_is_approved_without_recording_any(a, monkeypatch):
    monkeypatch.setattr(services, "figure_service", lambda: pytest.fail("nothing to record"))
    return_ = police_return(a)
    services.return_save_draft(actor=a.spoc_police, return_=return_, narrative=NARRATIVE)
    services.return_submit(actor=a.spoc_police, return_=return_)
    services.return_approve(actor=a.coordinator, return_=return_)
    assert Return.objects.get(pk=return_.pk).status == ReturnStatus.APPROVED
