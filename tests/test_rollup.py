"""Every partnership figure is combined by the rule its indicator declares (DOMAIN.md, "How figures
combine"), with hand-computed expectations: proportions as numerators over denominators, stocks read
at the period's end, scores weighted by their responses, yes/no as declared."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from indicators.measurement import services
from indicators.measurement.rollup import Combined, across_organisations, aggregate_figures, over_time
from indicators.measurement.selectors import results_table
from indicators.models import Figure, Indicator, PeriodKind, ReportingPeriod

from .measurement_helpers import periods


def _open(side, period):
    return period if period.status == "open" else services.period_open(actor=side.coordinator, period=period)


def _indicator(side, code, unit, **extra):
    return services.indicator_create(
        actor=side.coordinator,
        partnership=side.partnership,
        reporting_organisations=[side.police, side.charity],
        code=code,
        name=f"{code} indicator",
        unit=unit,
        **extra,
    )


def _record(side, indicator, period, organisation, value=None, **numbers):
    return services.figure_record(
        actor=side.coordinator,
        indicator=indicator,
        period=period,
        organisation=organisation,
        value="" if value is None else str(value),
        **numbers,
    )


def _row(side, indicator, *, today=None):
    year = periods(side)["year"]
    table = results_table(side.partnership, year=year, today=today or year.end)
    return next(r for r in table.rows if r.indicator == indicator)


def _fig(value, numerator=None, denominator=None):
    return Figure(
        value=Decimal(str(value)),
        numerator=None if numerator is None else Decimal(numerator),
        denominator=None if denominator is None else Decimal(denominator),
    )


# The rules on their own, with numbers worked out by hand


def test_one_of_two_and_ninety_of_a_hundred_is_ninety_one_of_a_hundred_and_two():
    combined = across_organisations("ratio", aggregate_figures([_fig(50, 1, 2), _fig(90, 90, 100)]))
    assert (combined.value, combined.numerator, combined.denominator) == (Decimal("89.22"), 91, 102)


def test_a_percentage_without_its_denominator_among_others_is_not_combinable():
    combined = across_organisations("ratio", aggregate_figures([_fig(50, 1, 2), _fig(90)]))
    assert combined.value is None and not combined.combinable and "Not combinable" in combined.note


def test_a_stock_over_four_quarters_is_the_last_quarters_level_not_their_sum():
    quarters = [Combined(Decimal(n), reporters=1) for n in (3, 5, 6, 8)]
    assert over_time("stock", quarters).value == 8
    assert over_time("stock_average", quarters).value == Decimal("5.50")
    assert over_time("flow", quarters).value == 22


def test_a_score_is_weighted_by_its_respondents():
    # 4.0 from 10 people and 2.0 from 30: (40 + 60) / 40 = 2.5, not the plain mean 3.0
    combined = across_organisations("mean", aggregate_figures([_fig(4, None, 10), _fig(2, None, 30)]))
    assert (combined.value, combined.denominator, combined.weighted) == (Decimal("2.50"), 40, True)


def test_a_score_without_its_respondents_is_the_plain_mean_and_says_so():
    combined = across_organisations("mean", aggregate_figures([_fig(4, None, 10), _fig(2)]))
    assert (combined.value, combined.weighted) == (Decimal("3.00"), False)
    assert "Unweighted" in combined.note


def test_yes_no_combines_as_all_any_or_the_share_saying_yes():
    answers = aggregate_figures([_fig(1), _fig(0), _fig(1), _fig(1)])
    assert across_organisations("all_yes", answers).value == 0
    assert across_organisations("any_yes", answers).value == 1
    assert across_organisations("share_yes", answers).value == Decimal("75.00")


def test_a_year_with_a_quarter_missing_combines_the_quarters_it_has():
    q1 = Combined(Decimal(50), Decimal(1), Decimal(2), 1)
    q3 = Combined(Decimal(90), Decimal(90), Decimal(100), 1)
    year = over_time("ratio", [q1, Combined(), q3])
    assert (year.value, year.numerator, year.denominator) == (Decimal("89.22"), 91, 102)
    assert (
        over_time("flow", [Combined(Decimal(4), reporters=1), Combined(), Combined(Decimal(6), reporters=1)]).value
        == 10
    )


# Through the services and the results table


def test_the_results_table_shows_the_partnerships_proportion_for_the_quarter_and_the_year(a):
    p = periods(a)
    share = _indicator(a, "PROP", "percentage")
    q2 = _open(a, p["q2"])
    _record(a, share, p["q1"], a.police, numerator=1, denominator=2)
    _record(a, share, p["q1"], a.charity, numerator=90, denominator=100)
    _record(a, share, q2, a.police, 50, denominator=10)  # a percentage with its denominator: 5 of 10
    row = _row(a, share)
    assert row.cells[0].actual == Decimal("89.22")
    # The year: (1 + 90 + 5) / (2 + 100 + 10) = 96 / 112
    assert (row.ytd.actual, row.ytd.combined.numerator, row.ytd.combined.denominator) == (Decimal("85.71"), 96, 112)
    assert "89.2%" in row.cells_html()


def test_a_stock_indicators_year_is_its_latest_quarter_against_its_latest_target(a):
    p = periods(a)
    signed = _indicator(a, "CHARTER", "count", rollup="stock")
    q2 = _open(a, p["q2"])
    services.target_set(actor=a.coordinator, indicator=signed, period=p["q1"], value="4")
    services.target_set(actor=a.coordinator, indicator=signed, period=q2, value="6")
    _record(a, signed, p["q1"], a.police, 3)
    _record(a, signed, p["q1"], a.charity, 1)
    _record(a, signed, q2, a.police, 4)
    _record(a, signed, q2, a.charity, 2)
    row = _row(a, signed)
    assert (row.cells[0].actual, row.cells[1].actual) == (4, 6)
    assert (row.ytd.actual, row.ytd.target, row.ytd.status) == (6, 6, "on_track")  # not 10 against 10


def test_an_actual_without_a_target_says_no_target_not_no_data(a):
    p = periods(a)
    visits = _indicator(a, "VISITS", "count")
    _record(a, visits, p["q1"], a.police, 7)
    cell = _row(a, visits).cells[0]
    assert (cell.actual, cell.status, cell.status_label) == (7, "no_target", "No target")


def test_an_indicator_states_its_rule_by_default_from_its_unit(a):
    made = {unit: _indicator(a, f"U-{unit}", unit) for unit in ("count", "percentage", "score", "yes_no")}
    assert {unit: i.rollup for unit, i in made.items()} == {
        "count": "flow",
        "percentage": "ratio",
        "score": "mean",
        "yes_no": "all_yes",
    }


def test_a_rule_that_does_not_fit_the_unit_is_refused(a):
    with pytest.raises(ValidationError) as caught:
        _indicator(a, "BAD", "percentage", rollup="flow")
    assert "proportion" in caught.value.message_dict["rollup"][0]
    assert not Indicator.objects.filter(code="BAD").exists()


# Bad input: refused with a message naming the field, nothing written


@pytest.mark.parametrize(
    ("numbers", "field", "words"),
    [
        ({"numerator": "3", "denominator": "0"}, "denominator", "more than 0"),
        ({"numerator": "5", "denominator": "4"}, "numerator", "cannot be larger than the denominator"),
        ({"numerator": "3"}, "denominator", "Give the denominator too"),
        ({"numerator": "-1", "denominator": "4"}, "numerator", "cannot be negative"),
    ],
)
def test_a_proportion_with_impossible_numbers_is_refused_and_nothing_is_written(a, numbers, field, words):
    share = _indicator(a, "PROP-BAD", "percentage")
    with pytest.raises(ValidationError) as caught:
        _record(a, share, periods(a)["q1"], a.police, **numbers)
    assert words in " ".join(caught.value.message_dict[field])
    assert not Figure.objects.filter(indicator=share).exists()


def test_a_percentage_that_contradicts_its_numerator_and_denominator_is_refused(a):
    share = _indicator(a, "PROP-MIS", "percentage")
    with pytest.raises(ValidationError) as caught:
        _record(a, share, periods(a)["q1"], a.police, 80, numerator=1, denominator=2)
    assert "does not match 1 out of 2 (50%)" in caught.value.message_dict["value"][0]


def test_a_count_with_a_denominator_is_refused(a):
    visits = _indicator(a, "VIS-DEN", "count")
    with pytest.raises(ValidationError) as caught:
        _record(a, visits, periods(a)["q1"], a.police, 4, denominator=10)
    assert "not a proportion" in caught.value.messages[0]


def test_a_stock_level_for_a_month_of_a_quarter_that_has_its_end_of_quarter_level_is_refused(a):
    p = periods(a)
    signed = _indicator(a, "CHARTER-M", "count", rollup="stock")
    _record(a, signed, p["q1"], a.police, 4)
    april = ReportingPeriod.objects.get(partnership=a.partnership, kind=PeriodKind.MONTH, start=p["q1"].start)
    april = _open(a, april)
    with pytest.raises(ValidationError) as caught:
        _record(a, signed, april, a.police, 3)
    assert "end-of-quarter level" in caught.value.message_dict["period"][0]
    _record(a, signed, april, a.charity, 2)  # the charity has no level for the quarter: its month is fine


def test_a_batch_with_a_stock_level_for_a_quarter_and_for_one_of_its_months_is_refused_at_the_check(a):
    p = periods(a)
    signed = _indicator(a, "CHARTER-B", "count", rollup="stock")
    april = _open(a, ReportingPeriod.objects.get(partnership=a.partnership, kind=PeriodKind.MONTH, start=p["q1"].start))
    rows = [
        services.FigureInput(indicator=signed, period=p["q1"], organisation=a.police, value="4"),
        services.FigureInput(indicator=signed, period=april, organisation=a.police, value="3"),
        services.FigureInput(indicator=signed, period=april, organisation=a.charity, value="2"),
    ]
    bad = services.figures_validate_many(rows)
    assert [(r.period, r.organisation) for r in bad] == [(april, a.police)]
    assert "end-of-quarter level" in bad[0].errors["period"][0]


def test_the_progress_page_counts_indicators_with_no_target_under_their_own_name(a, login):
    p = periods(a)
    visits = _indicator(a, "VISITS-P", "count")
    _record(a, visits, p["q1"], a.police, 7)
    page = login(a.coordinator).get(f"/p/{a.slug}/progress/").content.decode()
    assert '<span class="status status-no_target">No target</span>' in page


def test_a_share_saying_yes_is_aimed_at_and_shown_as_a_percentage(a):
    p = periods(a)
    charter = _indicator(a, "CHARTER-Y", "yes_no", rollup="share_yes")
    services.target_set(actor=a.coordinator, indicator=charter, period=p["q1"], value="75")  # 75% of them
    _record(a, charter, p["q1"], a.police, "yes")
    _record(a, charter, p["q1"], a.charity, "no")
    cell = _row(a, charter).cells[0]
    assert (cell.actual, cell.target, cell.status) == (Decimal("50.00"), 75, "off_track")
    html = _row(a, charter).cells_html()
    assert "75% / " in html and "<strong>50%</strong>" in html


def test_scores_with_responses_do_not_break_the_table_when_the_indicator_becomes_a_proportion(a):
    p = periods(a)
    rating = _indicator(a, "RATING", "score")
    _record(a, rating, p["q1"], a.police, "4", denominator="10")
    services.indicator_update(actor=a.coordinator, indicator=rating, unit="percentage")
    rating.refresh_from_db()
    cell = _row(a, rating).cells[0]  # a number of responses is not a proportion's "out of"
    assert rating.rule == "ratio" and cell.actual == 4 and not cell.combinable
