"""Figures entered for months count in their quarter, and a figure for the whole year stands as the
year to date — on the results table, in the API's progress and in the annual report — without
counting anything twice."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from aspm.api.progress import progress_of, targets_of
from indicators.measurement import services
from indicators.measurement.indicator_page import indicator_page
from indicators.measurement.selectors import results_table
from indicators.models import PeriodKind, ReportingPeriod
from reports.annual.sections import results as annual_results
from reports.annual.sections.base import ReportContext
from reports.annual.years import year_containing

from .measurement_helpers import periods


def _open(side, kind, start):
    period = ReportingPeriod.objects.get(partnership=side.partnership, kind=kind, start=start)
    return period if period.status == "open" else services.period_open(actor=side.coordinator, period=period)


def _indicator(side, code, *, unit="count", frequency="monthly", disaggregation=()):
    return services.indicator_create(
        actor=side.coordinator,
        partnership=side.partnership,
        reporting_organisations=[side.police, side.charity],
        code=code,
        name=f"{code} indicator",
        type="output",
        unit=unit,
        direction="higher",
        frequency=frequency,
        disaggregation=list(disaggregation),
    )


def _record(side, indicator, period, organisation, value, breakdown=None, **numbers):
    services.figure_record(
        actor=side.coordinator,
        indicator=indicator,
        period=period,
        organisation=organisation,
        value="" if value is None else str(value),
        breakdown=breakdown or {},
        **numbers,
    )


def _months(side):
    p = periods(side)
    q1 = p["q1"]
    months = list(
        ReportingPeriod.objects.filter(
            partnership=side.partnership, kind=PeriodKind.MONTH, start__gte=q1.start, end__lte=q1.end
        ).order_by("start")
    )
    return p, [_open(side, PeriodKind.MONTH, m.start) for m in months]


def _row(side, indicator, year):
    table = results_table(side.partnership, year=year, today=year.end)
    return next(r for r in table.rows if r.indicator == indicator)


def test_a_monthly_count_adds_its_months_into_the_quarter_and_is_judged_on_the_months_reported(a):
    p, (april, may, june) = _months(a)
    visits = _indicator(a, "VIS-M")
    for month in (april, may, june):
        services.target_set(actor=a.coordinator, indicator=visits, period=month, value="5")
    _record(a, visits, april, a.police, 4)
    _record(a, visits, april, a.charity, 2)
    _record(a, visits, may, a.police, 3)

    row = _row(a, visits, p["year"])
    q1 = row.cells[0]
    # April 4 + 2 = 6 and May 3: 9 against the two reported months' targets, 5 + 5 = 10
    assert (q1.actual, q1.target, q1.reporters, q1.status) == (Decimal(9), Decimal(10), 2, "at_risk")
    assert (row.ytd.actual, row.ytd.target) == (Decimal(9), Decimal(10))
    # Once June is in, the quarter's target is all three months'
    _record(a, visits, june, a.police, 7)
    q1 = _row(a, visits, p["year"]).cells[0]
    assert (q1.actual, q1.target, q1.status) == (Decimal(16), Decimal(15), "on_track")


def test_a_monthly_proportion_is_its_months_numerators_over_their_denominators(a):
    p, (april, may, _june) = _months(a)
    share = _indicator(a, "PCT-M", unit="percentage")
    _record(a, share, april, a.police, None, numerator=3, denominator=5)  # 60%
    _record(a, share, may, a.police, None, numerator=80, denominator=100)  # 80%
    # 83 of 105, not the mean of 60% and 80%
    q1 = _row(a, share, p["year"]).cells[0]
    assert (q1.actual, q1.combined.numerator, q1.combined.denominator) == (Decimal("79.05"), 83, 105)


def test_monthly_percentages_without_their_denominators_are_not_combined_into_a_quarter(a):
    p, (april, may, _june) = _months(a)
    share = _indicator(a, "PCT-N", unit="percentage")
    _record(a, share, april, a.police, 60)
    _record(a, share, may, a.police, 80)
    q1 = _row(a, share, p["year"]).cells[0]
    assert q1.actual is None and not q1.combinable and q1.status == "no_data"


def test_a_quarter_figure_is_not_added_to_the_months_of_the_same_quarter(a):
    p, (april, _may, _june) = _months(a)
    visits = _indicator(a, "VIS-Q", frequency="quarterly")
    _record(a, visits, p["q1"], a.police, 12)
    _record(a, visits, april, a.police, 5)  # a month figure as well: the quarter's own figure wins
    row = _row(a, visits, p["year"])
    assert row.cells[0].actual == Decimal(12) and row.ytd.actual == Decimal(12)


def test_a_figure_for_the_whole_year_stands_as_the_year_to_date_against_the_years_target(a):
    p = periods(a)
    year = _open(a, PeriodKind.YEAR, p["year"].start)
    audits = _indicator(a, "AUD-Y", frequency="annual")
    services.target_set(actor=a.coordinator, indicator=audits, period=year, value="20")
    _record(a, audits, year, a.police, 14)
    _record(a, audits, year, a.charity, 8)

    row = _row(a, audits, year)
    assert all(cell.actual is None for cell in row.cells)
    assert (row.ytd.actual, row.ytd.target, row.ytd.status) == (Decimal(22), Decimal(20), "on_track")


def test_the_api_reports_the_same_progress_for_a_monthly_indicator(a):
    p, (april, may, _june) = _months(a)
    visits = _indicator(a, "VIS-API")
    services.target_set(actor=a.coordinator, indicator=visits, period=april, value="5")
    _record(a, visits, april, a.police, 6)
    _record(a, visits, may, a.police, 1)
    progress = progress_of(a.partnership, [visits], targets=targets_of(a.partnership, [visits]), today=p["q1"].end)[
        visits.pk
    ]
    assert progress["year_to_date"]["actual"] == Decimal(7)
    assert progress["current_period"]["period"] == p["q1"].pk and progress["current_period"]["actual"] == Decimal(7)


def test_the_annual_report_counts_months_and_a_whole_year_figure_with_their_splits(a):
    p, (april, may, _june) = _months(a)
    visits = _indicator(a, "VIS-AR", disaggregation=["sex"])
    _record(a, visits, april, a.police, 6, {"sex": {"female": 4, "male": 2}})
    _record(a, visits, may, a.police, 3, {"sex": {"female": 3, "male": 0}})
    year = _open(a, PeriodKind.YEAR, p["year"].start)
    audits = _indicator(a, "AUD-AR", frequency="annual", disaggregation=["sex"])
    _record(a, audits, year, a.police, 11, {"sex": {"female": 5, "male": 6}})

    ctx = ReportContext(
        partnership=a.partnership,
        year=year_containing(a.partnership, timezone.localdate()),
        as_of=timezone.now() + timedelta(days=400),
    )
    data = annual_results.INDICATORS.gather(ctx)
    items = {item["indicator"].code: item for _strand, group in data["groups"] for item in group}
    assert items["VIS-AR"]["year_actual"] == "9" and items["VIS-AR"]["year_split"] == {"sex": {"female": 7, "male": 2}}
    assert items["AUD-AR"]["year_actual"] == "11" and items["AUD-AR"]["year_split"] == {"sex": {"female": 5, "male": 6}}


def test_the_results_page_marks_each_cells_status_with_a_sign_and_words_not_colour_alone(a, login):
    p, (april, may, june) = _months(a)
    visits = _indicator(a, "VIS-P")
    share = _indicator(a, "PCT-P", unit="percentage")
    for month in (april, may, june):
        services.target_set(actor=a.coordinator, indicator=visits, period=month, value="5")
    _record(a, visits, april, a.police, 9)  # 9 against 5: on track
    _record(a, share, april, a.police, "71.67")
    page = login(a.coordinator).get(f"/p/{a.slug}/results/").content.decode()
    assert '<span class="cell-mark" aria-hidden="true">✓</span><span class="visually-hidden"> (on track)</span>' in page
    assert "<strong>71.7%</strong>" in page


def test_the_results_page_escapes_an_indicators_name_and_shortens_a_long_one_linking_to_its_page(a, login):
    _months(a)
    hostile = _indicator(a, "ESC-1")
    services.indicator_update(actor=a.coordinator, indicator=hostile, name='<img src=x onerror="alert(1)"> & more')
    long = _indicator(a, "LONG-1")
    services.indicator_update(actor=a.coordinator, indicator=long, name="Referrals " * 12)
    page = login(a.coordinator).get(f"/p/{a.slug}/results/").content.decode()
    assert '<img src=x onerror="alert(1)">' not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; more" in page
    assert f'<a href="/p/{a.slug}/indicators/{hostile.pk}/">ESC-1</a>' in page
    assert ("Referrals " * 12)[:69] + "…</span>" in page


def test_a_monthly_levels_year_split_in_the_annual_report_is_its_latest_months_not_the_months_added(a):
    p, (april, may, _june) = _months(a)
    housed = _indicator(a, "HOUSED-M", disaggregation=["sex"])
    services.indicator_update(actor=a.coordinator, indicator=housed, rollup="stock")
    _record(a, housed, april, a.police, 6, {"sex": {"female": 4, "male": 2}})
    _record(a, housed, may, a.police, 7, {"sex": {"female": 3, "male": 4}})
    ctx = ReportContext(
        partnership=a.partnership,
        year=year_containing(a.partnership, timezone.localdate()),
        as_of=timezone.now() + timedelta(days=400),
    )
    data = annual_results.INDICATORS.gather(ctx)
    item = next(item for _strand, group in data["groups"] for item in group if item["indicator"] == housed)
    assert item["year_actual"] == "7" and item["year_split"] == {"sex": {"female": 3, "male": 4}}


def _annual_item(side, indicator):
    ctx = ReportContext(
        partnership=side.partnership,
        year=year_containing(side.partnership, timezone.localdate()),
        as_of=timezone.now() + timedelta(days=400),
    )
    data = annual_results.INDICATORS.gather(ctx)
    return next(item for _strand, group in data["groups"] for item in group if item["indicator"] == indicator)


def test_the_polices_quarter_and_the_charitys_months_both_count_with_their_splits(a):
    p, (april, may, june) = _months(a)
    visits = _indicator(a, "VIS-MIX", disaggregation=["sex"])
    _record(a, visits, p["q1"], a.police, 5, {"sex": {"female": 2, "male": 3}})  # the police: the quarter
    for month, n in ((april, 3), (may, 4), (june, 5)):  # the charity: its months only
        _record(a, visits, month, a.charity, n, {"sex": {"female": n, "male": 0}})

    row = _row(a, visits, p["year"])
    assert (row.cells[0].actual, row.cells[0].reporters) == (Decimal(17), 2)
    assert row.ytd.actual == Decimal(17)
    item = _annual_item(a, visits)
    assert item["year_actual"] == "17" and item["year_split"] == {"sex": {"female": 14, "male": 3}}


def test_an_organisation_that_gave_both_its_quarter_and_its_months_counts_once(a):
    p, (april, may, june) = _months(a)
    visits = _indicator(a, "VIS-BOTH", disaggregation=["sex"])
    _record(a, visits, p["q1"], a.police, 5, {"sex": {"female": 2, "male": 3}})
    _record(a, visits, april, a.police, 5, {"sex": {"female": 2, "male": 3}})  # the same people, by month
    _record(a, visits, may, a.charity, 4, {"sex": {"female": 4, "male": 0}})

    row = _row(a, visits, p["year"])
    assert row.cells[0].actual == Decimal(9)  # the police's quarter 5 and the charity's May 4
    assert _annual_item(a, visits)["year_split"] == {"sex": {"female": 6, "male": 3}}


def test_a_level_given_by_quarter_and_by_month_takes_each_organisations_latest(a):
    p, (april, may, _june) = _months(a)
    housed = _indicator(a, "HOUSED-MIX", disaggregation=["sex"])
    services.indicator_update(actor=a.coordinator, indicator=housed, rollup="stock")
    _record(a, housed, p["q1"], a.police, 6, {"sex": {"female": 4, "male": 2}})
    _record(a, housed, april, a.charity, 2, {"sex": {"female": 2, "male": 0}})
    _record(a, housed, may, a.charity, 3, {"sex": {"female": 1, "male": 2}})  # the charity's latest level

    assert _row(a, housed, p["year"]).cells[0].actual == Decimal(9)
    item = _annual_item(a, housed)
    assert item["year_actual"] == "9" and item["year_split"] == {"sex": {"female": 5, "male": 4}}


def _page_cell(indicator, period):
    page = indicator_page(indicator, today=period.end + timedelta(days=40))
    return dict(zip(page.periods, page.cells, strict=True)).get(period)


def test_the_indicator_page_shows_a_mixed_quarter_as_the_results_table_does(a):
    """The police's quarter (5) and the charity's months (3 + 4 + 5): the quarter's row on the
    indicator page says 17, as the results table and the reports do, not the police's 5 alone."""
    p, (april, may, june) = _months(a)
    visits = _indicator(a, "VIS-PAGE")
    _record(a, visits, p["q1"], a.police, 5)
    for month, n in ((april, 3), (may, 4), (june, 5)):
        _record(a, visits, month, a.charity, n)

    assert _row(a, visits, p["year"]).cells[0].actual == Decimal(17)
    cell = _page_cell(visits, p["q1"])
    assert (cell.actual, cell.reporters) == (Decimal(17), 2)
    assert _page_cell(visits, april).actual == Decimal(3)  # each month still shows its own figure


def test_the_indicator_page_shows_a_quarter_given_only_by_months_with_their_targets(a):
    p, (april, may, _june) = _months(a)
    visits = _indicator(a, "VIS-MONTHS")
    for month in (april, may, _june):
        services.target_set(actor=a.coordinator, indicator=visits, period=month, value="5")
    _record(a, visits, april, a.police, 4)
    _record(a, visits, may, a.police, 3)

    row_cell = _row(a, visits, p["year"]).cells[0]
    cell = _page_cell(visits, p["q1"])
    assert (cell.actual, cell.target, cell.status) == (row_cell.actual, row_cell.target, row_cell.status)
    assert (cell.actual, cell.target) == (Decimal(7), Decimal(10))


def test_a_quarterly_indicators_chart_draws_its_quarters_and_its_page_shows_months_under_them(a, login):
    from indicators.measurement.charts import actual_vs_target

    p, (april, may, june) = _months(a)
    visits = _indicator(a, "VIS-CHART", frequency="quarterly")
    _record(a, visits, p["q1"], a.police, 5)
    for month, n in ((april, 3), (may, 4), (june, 5)):
        _record(a, visits, month, a.charity, n)
    page = indicator_page(visits, today=p["q1"].end + timedelta(days=40))
    chart = actual_vs_target(page)
    assert chart["title"] == "Actual and target by quarter"
    assert [row[0] for row in chart["rows"]] == [p["q1"].label] and chart["rows"][0][2] == "17"
    html = login(a.coordinator).get(f"/p/{a.slug}/indicators/{visits.pk}/").content.decode()
    assert (
        f'<tr class="sub-period small text-body-secondary"><th scope="row" class="fw-normal ps-3">{april.label}' in html
    )


def test_an_organisations_quarter_that_its_months_do_not_add_up_to_is_pointed_out_on_the_page(a, login):
    p, (april, may, june) = _months(a)
    visits = _indicator(a, "VIS-DIFF")
    _record(a, visits, p["q1"], a.charity, 12)
    for month, n in ((april, 3), (may, 4), (june, 4)):
        _record(a, visits, month, a.charity, n)
    page = indicator_page(visits, today=p["q1"].end + timedelta(days=40))
    assert page.disagreements == [
        f"{a.charity.name} gave 12 for {p['q1'].label} and 11 over its months: the quarter's own figure counts."
    ]
    html = login(a.coordinator).get(f"/p/{a.slug}/indicators/{visits.pk}/").content.decode()
    assert "Figures that do not add up" in html and "11 over its months" in html
    _record(a, visits, june, a.charity, 5)  # now 3 + 4 + 5 = 12
    assert indicator_page(visits, today=p["q1"].end + timedelta(days=40)).disagreements == []
