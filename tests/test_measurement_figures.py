"""Figures: every bad input is refused with a clear message at the right place, and nothing is written."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from indicators.measurement import services
from indicators.models import Figure, FigureCorrection
from partnerships.models import AuditEvent

from . import measurement_helpers as m

pytestmark = pytest.mark.django_db


def _record(side, indicator=None, period=None, organisation=None, **kwargs):
    p = m.periods(side)
    return services.figure_record(
        actor=side.coordinator,
        indicator=indicator or m.referrals(side),
        period=period or p["q1"],
        organisation=organisation or side.police,
        **kwargs,
    )


def _refused(side, field, **kwargs) -> str:
    m.periods(side), m.referrals(side)  # made before counting
    before = Figure.objects.count(), AuditEvent.objects.count()
    with pytest.raises(ValidationError) as caught:
        _record(side, **kwargs)
    assert (Figure.objects.count(), AuditEvent.objects.count()) == before, "something was written"
    assert field in caught.value.message_dict, caught.value.message_dict
    return " ".join(caught.value.message_dict[field])


def test_a_figure_with_a_split_that_adds_up_is_recorded_and_audited(a):
    figure = _record(
        a, value="10", breakdown={"age_group": {"adult": 7, "child": 2, "unknown": 1}}, comment="Two via the hotline"
    )
    assert figure.value == 10
    assert figure.breakdown == {"age_group": {"adult": 7, "child": 2, "unknown": 1}}
    assert AuditEvent.objects.filter(action="figure.create", object_id=str(figure.pk)).exists()


def test_recording_again_replaces_the_figure_instead_of_adding_a_second(a):
    _record(a, value="3")
    _record(a, value="5")
    assert Figure.objects.filter(partnership=a.partnership).get().value == 5


def test_text_in_a_numeric_figure_is_refused(a):
    assert "is not a number" in _refused(a, "value", value="twelve")


def test_a_percentage_over_100_is_refused(a):
    share = services.indicator_create(
        actor=a.coordinator,
        partnership=a.partnership,
        code="PCT",
        name="Share",
        unit="percentage",
        reporting_organisations=[a.police],
    )
    assert "more than 100" in _refused(a, "value", indicator=share, value="101")
    assert _record(a, indicator=share, value="100%").value == 100


def test_a_negative_count_is_refused(a):
    assert "cannot be negative" in _refused(a, "value", value="-1")


def test_a_count_with_a_fraction_is_refused(a):
    assert "whole number" in _refused(a, "value", value="2.5")


def test_a_period_not_yet_open_is_refused(a):
    assert "not open" in _refused(a, "period", period=m.periods(a)["q2"], value="1")


def test_a_locked_period_is_refused_and_only_a_correction_changes_it(a):
    figure = _record(a, value="4")
    services.period_lock(actor=a.coordinator, period=m.periods(a)["q1"])
    assert "locked" in _refused(a, "period", value="6")
    with pytest.raises(ValidationError) as caught:
        services.figure_correct(actor=a.coordinator, figure=figure, value="6", reason="  ")
    assert "reason" in caught.value.message_dict
    services.figure_correct(actor=a.coordinator, figure=figure, value="6", reason="A late referral was missed.")
    figure.refresh_from_db()
    assert figure.value == 6
    correction = FigureCorrection.objects.get(figure=figure)
    assert (correction.old_value, correction.new_value, correction.corrected_by) == (4, 6, a.coordinator)
    assert AuditEvent.objects.filter(action="figure.correct").exists()


def test_an_organisation_that_does_not_report_the_indicator_is_refused(a):
    assert "does not report" in _refused(a, "organisation", organisation=a.council, value="1")


def test_a_split_that_does_not_add_up_is_refused_naming_the_split(a):
    message = _refused(a, "breakdown_sex", value="10", breakdown={"sex": {"female": 5, "male": 3}})
    assert "Sex adds up to 8, but the total is 10" in message


def test_every_split_is_checked_and_each_wrong_one_named(a):
    with pytest.raises(ValidationError) as caught:
        _record(a, value="4", breakdown={"sex": {"female": 1}, "age_group": {"adult": 9}})
    assert {"breakdown_sex", "breakdown_age_group"} <= set(caught.value.message_dict)


def test_an_unknown_category_or_dimension_is_refused(a):
    assert "not one of" in _refused(a, "breakdown_sex", value="2", breakdown={"sex": {"robot": 2}})
    assert "not split by" in _refused(a, "breakdown", value="2", breakdown={"exploitation_type": {"labour": 2}})


def test_unknown_is_allowed_in_every_split(a):
    figure = _record(a, value="3", breakdown={"sex": {"unknown": 3}, "age_group": {"unknown": 3}})
    assert figure.breakdown["sex"] == {"unknown": 3}


def test_validate_only_returns_the_errors_and_writes_nothing(a):
    p = m.periods(a)
    errors = services.figure_validate(indicator=m.referrals(a), period=p["q2"], organisation=a.council, value="x")
    assert set(errors) == {"period", "organisation", "value"}
    assert not Figure.objects.exists()
    assert services.figure_validate(indicator=m.referrals(a), period=p["q1"], organisation=a.police, value="3") == {}


def test_an_indicator_of_another_partnership_cannot_be_recorded_here(a, b):
    with pytest.raises(ValidationError):
        services.figure_record(
            actor=a.coordinator, indicator=m.referrals(b), period=m.periods(a)["q1"], organisation=a.police, value="1"
        )
    assert not Figure.objects.exists()


def test_the_bulk_path_writes_nothing_when_one_row_is_bad(a):
    p, indicator = m.periods(a), m.referrals(a)
    rows = [
        services.FigureInput(indicator=indicator, period=p["q1"], organisation=a.police, value="2", row=2),
        services.FigureInput(indicator=indicator, period=p["q1"], organisation=a.council, value="2", row=3),
    ]
    with pytest.raises(ValidationError) as caught:
        services.figures_record_many(actor=a.coordinator, partnership=a.partnership, rows=rows)
    assert "Row 3" in " ".join(caught.value.messages)
    assert not Figure.objects.exists()


def test_opening_a_period_runs_the_period_opened_hook_in_the_same_transaction(a, monkeypatch):
    from aspm import hooks

    period = m.periods(a)["q2"]
    SEEN.clear()
    monkeypatch.setitem(hooks.HOOKS, "period_opened", ["tests.test_measurement_figures.remember"])
    services.period_open(actor=a.coordinator, period=period)
    assert [period.pk] == SEEN


SEEN: list = []


def remember(*, actor, period):
    from django.db import connection

    assert connection.in_atomic_block
    SEEN.append(period.pk)


def test_the_coordinator_enters_a_figure_on_the_page_and_a_bad_split_is_shown_by_its_fieldset(a, login):
    from django.urls import reverse

    p, indicator = m.periods(a), m.referrals(a)
    client = login(a.coordinator)
    url = reverse("indicators:figure_enter", kwargs={"slug": a.slug, "pk": indicator.pk})
    page = client.post(
        url, {"period": p["q1"].pk, "organisation": a.police.pk, "value": "5", "bd_sex_female": "1", "bd_sex_male": "1"}
    )
    assert page.status_code == 200
    assert "Sex adds up to 2, but the total is 5" in page.content.decode()
    assert not Figure.objects.exists()
    page = client.post(
        url, {"period": p["q1"].pk, "organisation": a.police.pk, "value": "5", "bd_sex_female": "3", "bd_sex_male": "2"}
    )
    assert page.status_code == 302
    assert Figure.objects.get().breakdown == {"sex": {"female": 3, "male": 2}}


def test_the_bulk_path_audits_each_figure_it_adds_or_changes_with_its_values(a, django_assert_max_num_queries):
    p, indicator = m.periods(a), m.referrals(a)

    def rows(police, charity):
        return [
            services.FigureInput(indicator=indicator, period=p["q1"], organisation=a.police, value=police),
            services.FigureInput(indicator=indicator, period=p["q1"], organisation=a.charity, value=charity),
        ]

    services.figures_record_many(actor=a.coordinator, partnership=a.partnership, rows=rows("4", "6"))
    services.figures_record_many(actor=a.coordinator, partnership=a.partnership, rows=rows("5", "6"))
    police = Figure.objects.get(organisation=a.police)
    events = AuditEvent.objects.filter(object_type="indicators.figure", object_id=str(police.pk)).order_by("pk")
    assert [(e.action, [v and Decimal(v) for v in e.changes["value"]]) for e in events] == [
        ("figure.create", [None, 4]),
        ("figure.update", [4, 5]),
    ]
    assert events[1].actor == a.coordinator and "Northvale Police" in events[1].object_repr
    charity = Figure.objects.get(organisation=a.charity)
    unchanged = AuditEvent.objects.filter(object_id=str(charity.pk), action="figure.update")
    assert not unchanged.exists(), "a row equal to the figure recorded is not an event"
    assert AuditEvent.objects.filter(action="figure.bulk_record").count() == 2


def test_a_figure_whose_evidence_file_is_refused_is_not_recorded_either(a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    p, indicator = m.periods(a), m.referrals(a)
    page = SimpleUploadedFile("evidence.html", b"<html><script>alert(1)</script></html>")
    with pytest.raises(ValidationError) as caught:
        services.figure_record_with_evidence(
            actor=a.coordinator, indicator=indicator, period=p["q1"], organisation=a.police, value="3", evidence=page
        )
    assert "file" in caught.value.message_dict
    assert not Figure.objects.exists()
