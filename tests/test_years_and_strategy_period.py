"""History and horizon: any financial year from 2010/11 to ten years ahead, past baselines, a strategy
period of three to five years on the plan, and milestones inside it (issue 23, point 3)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from aspm.financial_calendar import calendar_of
from indicators.measurement import services
from indicators.models import Milestone, PeriodKind, ReportingPeriod
from indicators.strategy.period import strategy_period_of
from indicators.strategy.services import strategy_period_set
from partnerships.models import AuditEvent

from . import measurement_helpers as m

pytestmark = pytest.mark.django_db


def _this_year(side) -> int:
    return m.this_year_start(side).year


def _periods_url(side, **query) -> str:
    url = reverse("indicators:periods", kwargs={"slug": side.slug})
    return url + ("?years=all" if query.get("all") else "")


def test_a_coordinator_records_a_2016_17_baseline_and_the_indicator_page_shows_it(a, login):
    indicator = m.referrals(a)
    client = login(a.coordinator)
    client.post(_periods_url(a).replace("periods/", "periods/add-year/"), {"year_start": 2016})
    assert ReportingPeriod.objects.filter(partnership=a.partnership, kind=PeriodKind.YEAR, label="2016/17").exists()

    url = reverse("indicators:targets", kwargs={"slug": a.slug, "pk": indicator.pk})
    done = client.post(url, {"baseline_value": "31", "baseline_date": "2016-04-01", "baseline_span": "year"})
    assert done.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.baseline_value, indicator.baseline_date) == (31, dt.date(2016, 4, 1))

    page = client.get(reverse("indicators:detail", kwargs={"slug": a.slug, "pk": indicator.pk})).content.decode()
    assert "31 for the financial year from 1 April 2016" in page


def test_a_year_before_2010_11_or_more_than_ten_years_ahead_is_refused_with_a_message_saying_which_years_fit(a, login):
    last = _this_year(a) + 10
    for year in (2009, last + 1):
        with pytest.raises(ValidationError) as refused:
            services.periods_ensure_year(actor=a.coordinator, partnership=a.partnership, year_start=dt.date(year, 4, 1))
        assert f"Choose a financial year from 2010/11 to {last}/{(last + 1) % 100:02d}" in str(refused.value)
    made = services.periods_ensure_year(actor=a.coordinator, partnership=a.partnership, year_start=dt.date(2010, 4, 1))
    assert made[0].label == "2010/11"
    services.periods_ensure_year(actor=a.coordinator, partnership=a.partnership, year_start=dt.date(last, 4, 1))

    client = login(a.coordinator)
    page = client.post(
        reverse("indicators:period_add_year", kwargs={"slug": a.slug}), {"year_start": 2009}, follow=True
    )
    assert "Choose a financial year from 2010/11 to" in page.content.decode()
    assert not ReportingPeriod.objects.filter(partnership=a.partnership, start__year=2009).exists()


def test_a_baseline_dated_before_2010_11_is_refused(a):
    indicator = m.referrals(a)
    with pytest.raises(ValidationError) as refused:
        services.indicator_update(actor=a.coordinator, indicator=indicator, baseline_date=dt.date(2009, 6, 30))
    assert "Choose a date in the financial years 2010/11 to" in refused.value.message_dict["baseline_date"][0]


@pytest.mark.parametrize("years", [2, 6])
def test_a_strategy_period_of_two_or_six_years_is_refused(a, years):
    start = _this_year(a)
    with pytest.raises(ValidationError) as refused:
        strategy_period_set(
            actor=a.coordinator, partnership=a.partnership, start_year=start, end_year=start + years - 1
        )
    assert f"runs for 3 to 5 financial years; this one would run for {years}" in str(refused.value)
    assert strategy_period_of(a.partnership) is None


def test_a_coordinator_sets_a_five_year_strategy_period_on_the_plan_page_and_the_change_is_audited(a, login):
    client = login(a.coordinator)
    url = reverse("strategy:strategy_period", kwargs={"slug": a.slug})
    refused = client.post(url, {"strategy_start_year": 2024, "strategy_end_year": 2029})
    assert "this one would run for 6" in refused.content.decode()
    assert "<title>Error: " in refused.content.decode()

    done = client.post(url, {"strategy_start_year": 2024, "strategy_end_year": 2028})
    assert done.status_code == 302
    period = strategy_period_of(a.partnership)
    assert (period.label, period.start, period.end) == ("2024/25 to 2028/29", dt.date(2024, 4, 1), dt.date(2029, 3, 31))
    assert AuditEvent.objects.filter(partnership=a.partnership, action="planstatement.strategy_period").exists()
    plan = client.get(reverse("strategy:plan", kwargs={"slug": a.slug})).content.decode()
    assert "The strategy runs for 5 financial years, 2024/25 to 2028/29" in plan


def test_a_strategy_period_ending_before_2010_11_is_refused(a):
    with pytest.raises(ValidationError) as refused:
        strategy_period_set(actor=a.coordinator, partnership=a.partnership, start_year=2007, end_year=2010)
    assert "Choose a financial year from 2010/11" in str(refused.value)


def test_milestones_outside_the_strategy_period_or_before_the_baseline_are_refused(a):
    indicator = m.referrals(a)
    with pytest.raises(ValidationError) as refused:
        services.milestone_set(actor=a.coordinator, indicator=indicator, due_on=dt.date(2027, 3, 31), value="20")
    assert "Set the plan's strategy period first" in str(refused.value)

    period = m.strategy_period(a)
    for outside in (period.start - dt.timedelta(days=1), period.end + dt.timedelta(days=1)):
        with pytest.raises(ValidationError) as refused:
            services.milestone_set(actor=a.coordinator, indicator=indicator, due_on=outside, value="20")
        assert f"Choose a date inside the strategy period, {period.label}" in str(refused.value)

    services.indicator_update(
        actor=a.coordinator, indicator=indicator, baseline_date=period.start + dt.timedelta(days=90)
    )
    with pytest.raises(ValidationError) as refused:
        services.milestone_set(
            actor=a.coordinator, indicator=indicator, due_on=period.start + dt.timedelta(days=30), value="20"
        )
    assert "Choose a date after the baseline" in str(refused.value)
    assert not Milestone.objects.exists()


def test_a_baseline_moved_past_a_milestone_is_refused(a):
    milestone = m.milestone(a)
    with pytest.raises(ValidationError) as refused:
        services.indicator_update(actor=a.coordinator, indicator=milestone.indicator, baseline_date=milestone.due_on)
    assert f"The milestone due by {milestone.due_on:%-d %B %Y} would come before the baseline" in str(refused.value)


def test_a_strategy_period_that_would_leave_a_milestone_outside_it_is_refused(a):
    milestone = m.milestone(a)
    period = strategy_period_of(a.partnership)
    with pytest.raises(ValidationError) as refused:
        strategy_period_set(
            actor=a.coordinator,
            partnership=a.partnership,
            start_year=period.start_year + 2,
            end_year=period.end_year + 2,
        )
    assert f"{milestone.due_on:%-d %B %Y} would fall outside" in str(refused.value)


def test_a_milestone_added_on_the_indicator_page_shows_in_its_table_chart_the_plan_and_the_results(a, login):
    m.periods(a)
    indicator = m.referrals(a)
    services.indicator_update(
        actor=a.coordinator,
        indicator=indicator,
        baseline_value=12,
        baseline_date=dt.date(2018, 4, 1),
        baseline_span="year",
    )
    period = m.strategy_period(a)
    this_year_end = calendar_of(a.partnership).year_end(m.this_year_start(a))
    client = login(a.coordinator)
    detail = reverse("indicators:detail", kwargs={"slug": a.slug, "pk": indicator.pk})
    add = reverse("indicators:milestone_add", kwargs={"slug": a.slug, "pk": indicator.pk})

    refused = client.post(add, {"due_on": (period.end + dt.timedelta(days=1)).isoformat(), "value": "40"})
    assert "Choose a date inside the strategy period" in refused.content.decode()
    assert client.post(add, {"due_on": this_year_end.isoformat(), "value": "1,250"}).status_code == 302
    client.post(add, {"due_on": period.end.isoformat(), "value": "1,600", "note": "Four years of joint visits"})
    assert list(Milestone.objects.values_list("value", flat=True)) == [1250, 1600]
    assert AuditEvent.objects.filter(partnership=a.partnership, action="milestone.create").count() == 2

    page = client.get(detail)
    text = page.content.decode()
    assert "1,250</td>" in text and "Four years of joint visits" in text
    chart = page.context["milestone_chart"]
    assert [row[1] for row in chart["rows"]] == ["Baseline", "Milestone", "Milestone"]
    assert "<svg" in chart["svg"]
    plan = client.get(reverse("strategy:plan", kwargs={"slug": a.slug})).content.decode()
    assert f"1,250 by {this_year_end:%-d %b %Y}" in plan
    results = client.get(reverse("indicators:results", kwargs={"slug": a.slug})).content.decode()
    assert f"1,250 by {this_year_end:%-d %b %Y}" in results

    client.post(reverse("indicators:milestone_delete", kwargs={"slug": a.slug, "pk": Milestone.objects.first().pk}))
    assert Milestone.objects.count() == 1


def test_a_board_member_sees_milestones_but_has_no_form_to_add_them(a, login):
    m.milestone(a)
    page = login(a.board).get(reverse("indicators:detail", kwargs={"slug": a.slug, "pk": m.referrals(a).pk}))
    text = page.content.decode()
    assert "Milestones to the end of the strategy period" in text and "Add the milestone" not in text


def test_the_periods_page_lists_the_strategy_period_and_every_year_only_when_asked(a, login):
    m.periods(a)
    for year in range(2012, 2024):
        services.periods_ensure_year(actor=a.coordinator, partnership=a.partnership, year_start=dt.date(year, 4, 1))
    m.strategy_period(a, years=3)
    client = login(a.coordinator)
    shown = client.get(_periods_url(a))
    labels = {p.label for p in shown.context["years"]}
    assert labels == {f"{y}/{(y + 1) % 100:02d}" for y in [_this_year(a)]}
    assert "other periods not shown" in shown.content.decode()
    every = client.get(_periods_url(a, all=True))
    assert {"2012/13", "2023/24"} <= {p.label for p in every.context["years"]}


def test_the_year_list_offers_2010_11_to_ten_years_ahead(a, login):
    form = login(a.coordinator).get(_periods_url(a)).context["year_form"]
    years = [y for y, _ in form.fields["year_start"].choices]
    today_year = calendar_of(a.partnership).year_start(timezone.localdate()).year
    assert (years[0], years[-1], len(years)) == (2010, today_year + 10, today_year + 10 - 2010 + 1)
