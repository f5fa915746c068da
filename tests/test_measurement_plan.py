"""Periods from the financial year, targets with their history, the library, progress rules, evidence."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from indicators.measurement import services
from indicators.measurement.progress import Status, status_of
from indicators.measurement.services.periods import period_plan
from indicators.models import Indicator, ReportingPeriod, TargetRevision
from partnerships import services as partnership_services

from . import measurement_helpers as m

pytestmark = pytest.mark.django_db


def test_an_april_year_has_quarters_april_to_june_and_labels_like_2026_27_q1(a):
    plan = period_plan(a.partnership, date(2026, 4, 1))
    quarters = [p for p in plan if p["kind"] == "quarter"]
    assert [(q["label"], q["start"], q["end"]) for q in quarters] == [
        ("2026/27 Q1", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026/27 Q2", date(2026, 7, 1), date(2026, 9, 30)),
        ("2026/27 Q3", date(2026, 10, 1), date(2026, 12, 31)),
        ("2026/27 Q4", date(2027, 1, 1), date(2027, 3, 31)),
    ]
    assert len([p for p in plan if p["kind"] == "month"]) == 12
    assert [p["label"] for p in plan if p["kind"] == "year"] == ["2026/27"]


def test_a_partnership_with_a_january_year_gets_calendar_quarters(a):
    partnership_services.partnership_update(
        actor=a.coordinator, partnership=a.partnership, financial_year_start_month=1
    )
    a.partnership.refresh_from_db()
    plan = period_plan(a.partnership, date(2027, 1, 1))
    assert [p["label"] for p in plan if p["kind"] != "month"][:2] == ["2027", "2027 Q1"]
    with pytest.raises(ValidationError):
        services.periods_ensure_year(actor=a.coordinator, partnership=a.partnership, year_start=date(2027, 4, 1))


def test_adding_a_year_twice_adds_nothing_the_second_time(a):
    start = m.this_year_start(a)
    assert len(services.periods_ensure_year(actor=a.coordinator, partnership=a.partnership, year_start=start)) == 17
    assert services.periods_ensure_year(actor=a.coordinator, partnership=a.partnership, year_start=start) == []


def test_only_an_open_period_can_be_locked_and_a_locked_one_cannot_reopen(a):
    p = m.periods(a)
    with pytest.raises(ValidationError):
        services.period_lock(actor=a.coordinator, period=p["q2"])
    services.period_lock(actor=a.coordinator, period=p["q1"])
    with pytest.raises(ValidationError):
        services.period_open(actor=a.coordinator, period=p["q1"])


def test_a_changed_target_keeps_old_and_new_who_when_and_why(a):
    indicator, q1 = m.referrals(a), m.periods(a)["q1"]
    services.target_set(actor=a.coordinator, indicator=indicator, period=q1, value="10")
    with pytest.raises(ValidationError) as caught:
        services.target_set(actor=a.coordinator, indicator=indicator, period=q1, value="12")
    assert "reason" in caught.value.message_dict
    services.target_set(actor=a.coordinator, indicator=indicator, period=q1, value="12", reason="New funding")
    history = list(
        TargetRevision.objects.filter(target__indicator=indicator).values_list(
            "old_value", "new_value", "changed_by", "reason"
        )
    )
    assert history == [
        (None, Decimal(10), a.coordinator.pk, ""),
        (Decimal(10), Decimal(12), a.coordinator.pk, "New funding"),
    ]


def test_the_indicator_page_shows_the_target_history(a, login):
    indicator, q1 = m.referrals(a), m.periods(a)["q1"]
    services.target_set(actor=a.coordinator, indicator=indicator, period=q1, value="10")
    services.target_set(actor=a.coordinator, indicator=indicator, period=q1, value="14", reason="A second hub opened")
    page = login(a.board).get(reverse("indicators:detail", kwargs={"slug": a.slug, "pk": indicator.pk}))
    assert "Changed from 10 to 14 by Cora Coordinator" in page.content.decode()
    assert "A second hub opened" in page.content.decode()


def test_the_coordinator_adopts_several_library_indicators_at_once_and_reporters_follow_the_library(a, login):
    client = login(a.coordinator)
    response = client.post(reverse("indicators:library_adopt", kwargs={"slug": a.slug}), {"codes": ["O6-01", "O1-03"]})
    assert response.status_code == 302
    adopted = Indicator.objects.get(partnership=a.partnership, library_code="O6-01")
    assert adopted.name and adopted.definition
    assert a.police in adopted.reporting_organisations.all()
    response = client.post(reverse("indicators:library_adopt", kwargs={"slug": a.slug}), {"codes": ["O6-01"]})
    assert Indicator.objects.filter(partnership=a.partnership, library_code="O6-01").count() == 1


def test_the_library_filters_by_objective_type_and_partner(a, login):
    client = login(a.viewer)
    url = reverse("indicators:library", kwargs={"slug": a.slug})
    page = client.get(url, {"objective": "O6", "type": "output", "partner": "Police"}).content.decode()
    assert "O6-" in page and "O1-01" not in page
    assert "Adopt the ticked" not in page  # a viewer browses but does not adopt


@pytest.mark.parametrize(
    ("direction", "actual", "target", "expected"),
    [
        ("higher", 10, 10, Status.ON_TRACK),
        ("higher", 9.5, 10, Status.AT_RISK),
        ("higher", 8.9, 10, Status.OFF_TRACK),
        ("lower", 10, 10, Status.ON_TRACK),
        ("lower", 10.5, 10, Status.AT_RISK),
        ("lower", 12, 10, Status.OFF_TRACK),
        ("higher", None, 10, Status.NO_DATA),
        ("higher", 5, None, Status.NO_TARGET),  # an actual with nothing to judge it by is not "no data"
    ],
)
def test_status_respects_direction_and_a_ten_percent_band(direction, actual, target, expected):
    indicator = Indicator(direction=direction, unit="count")
    result = status_of(
        indicator,
        None if actual is None else Decimal(str(actual)),
        None if target is None else Decimal(target),
        Decimal(10),
    )
    assert result == expected


def test_a_range_indicator_is_on_track_inside_and_at_risk_just_outside():
    indicator = Indicator(direction="range", unit="percentage", range_low=Decimal(40), range_high=Decimal(60))
    assert status_of(indicator, Decimal(50), None, Decimal(10)) == Status.ON_TRACK
    assert status_of(indicator, Decimal(61), None, Decimal(10)) == Status.AT_RISK
    assert status_of(indicator, Decimal(70), None, Decimal(10)) == Status.OFF_TRACK


def test_counts_add_up_across_organisations_and_the_tolerance_band_is_the_partnerships(a):
    from indicators.measurement import selectors

    p, indicator = m.periods(a), m.referrals(a)
    services.target_set(actor=a.coordinator, indicator=indicator, period=p["q1"], value="10")
    for org, value in ((a.police, "5"), (a.charity, "4")):
        services.figure_record(actor=a.coordinator, indicator=indicator, period=p["q1"], organisation=org, value=value)
    table = selectors.results_table(a.partnership, year=p["year"], today=p["q1"].end)
    cell = table.rows[0].cells[0]
    assert (cell.actual, cell.status) == (9, Status.AT_RISK)
    services.settings_update(actor=a.coordinator, partnership=a.partnership, tolerance_percent=5)
    table = selectors.results_table(a.partnership, year=p["year"], today=p["q1"].end)
    assert table.rows[0].cells[0].status == Status.OFF_TRACK
    assert table.rows[0].ytd.actual == 9


def test_percentages_without_their_denominators_are_never_averaged_across_organisations(a):
    from indicators.measurement import selectors

    p = m.periods(a)
    share = services.indicator_create(
        actor=a.coordinator,
        partnership=a.partnership,
        code="PCT",
        name="Share",
        unit="percentage",
        reporting_organisations=[a.police, a.charity],
    )
    for org, value in ((a.police, "80"), (a.charity, "60")):
        services.figure_record(actor=a.coordinator, indicator=share, period=p["q1"], organisation=org, value=value)
    table = selectors.results_table(a.partnership, year=p["year"], today=p["q1"].end)
    cell = table.rows[0].cells[0]
    assert cell.actual is None and not cell.combinable  # never 70, the mean of the two percentages
    assert "not combinable" in table.rows[0].cells_html()


def test_a_case_study_needs_consent_and_refuses_obvious_identifiers(a):
    with pytest.raises(ValidationError) as caught:
        services.case_study_create(actor=a.coordinator, partnership=a.partnership, title="T", summary="Fine text")
    assert "consent_confirmed" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.case_study_create(
            actor=a.coordinator,
            partnership=a.partnership,
            title="T",
            consent_confirmed=True,
            summary="Contact her on 07700 900123 or at NE1 4ST",
        )
    assert "phone number" in caught.value.message_dict["summary"][0]
    assert "postcode" in caught.value.message_dict["summary"][0]


def test_an_indicator_with_figures_cannot_be_deleted_but_can_be_retired(a):
    figure = m.figure(a)
    with pytest.raises(ValidationError):
        services.indicator_delete(actor=a.coordinator, indicator=figure.indicator)
    services.indicator_update(actor=a.coordinator, indicator=figure.indicator, is_active=False)
    assert ReportingPeriod.objects.exists()
    errors = services.figure_validate(
        indicator=figure.indicator, period=figure.period, organisation=a.police, value="1"
    )
    assert "inactive" in errors["indicator"][0]


def test_a_range_indicator_needs_both_ends(a):
    with pytest.raises(ValidationError) as caught:
        services.indicator_create(
            actor=a.coordinator,
            partnership=a.partnership,
            code="R1",
            name="Waiting days",
            direction="range",
            range_low=Decimal(5),
        )
    assert "range_low" in caught.value.message_dict
