"""Benchmarking reads other partnerships' figures, so these tests try to make it leak: a partnership
that has not opted in never counts, no figure is ever named, small counts are hidden, fewer than
five partnerships show nothing, and opting out takes a partnership out of every comparison at once."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from indicators.measurement.benchmarks import MIN_PARTNERSHIPS, benchmarks
from indicators.measurement.services.benchmarking import benchmarking_set
from indicators.measurement.services.figures import figure_record
from indicators.measurement.services.indicators import indicator_update
from indicators.measurement.services.periods import period_open
from indicators.measurement.year_figures import YearFigures
from indicators.models import Indicator, PeriodKind, ReportingPeriod
from partnerships.models import AuditEvent, BenchmarkingChoice, Organisation

from .benchmark_helpers import record_year, sharing_partnership, side_shares
from .query_sizes import flat_queries

pytestmark = pytest.mark.django_db

NRM = "O6-07"  # NRM referrals for the locality: a quarterly count
JOINT = "O2-03"  # jointly planned activities: a quarterly count


@pytest.fixture
def peers(db):
    """Four other partnerships sharing NRM referrals for 2025/26: yearly 40, 60, 70 and 100."""
    return [
        sharing_partnership("eastfield", {NRM: [10, 10, 10, 10]}),
        sharing_partnership("westdale", {NRM: [15, 15, 15, 15]}),
        sharing_partnership("northby", {NRM: [17, 17, 18, 18]}),
        sharing_partnership("upton", {NRM: [25, 25, 25, 25]}),
    ]


def only(page, code=NRM, year="2025/26"):
    (found,) = [c for c in page.comparisons if c.library_code == code and c.year == year]
    return found


def test_the_range_and_median_come_from_the_opted_in_partnerships_with_this_ones_position(a, peers):
    side_shares(a, {NRM: [20, 20, 20, 20]})  # 80 in the year
    c = only(benchmarks(a.partnership))
    assert (c.shown, c.partnerships, c.low, c.median, c.high) == (True, 5, "40", "70", "100")
    assert (c.own, c.position) == ("80", "Above the median")
    assert c.name == "NRM referrals for the locality"


def test_a_partnership_that_has_not_opted_in_never_changes_a_result(a, b, peers):
    side_shares(a, {NRM: [20, 20, 20, 20]})
    before = benchmarks(a.partnership)
    side_shares(b, {NRM: [9000, 9000, 9000, 9000]}, opted_in=False)
    assert benchmarks(a.partnership) == before
    sharing_partnership("quietmoor", {NRM: [1, 1, 1, 1]}, opted_in=False)
    assert benchmarks(a.partnership) == before


def test_only_the_indicators_a_partnership_chose_to_share_count(a, peers):
    side_shares(a, {NRM: [20, 20, 20, 20]})
    sharing_partnership("hideaway", {NRM: [500, 500, 500, 500], JOINT: [5, 5, 5, 5]}, share=[JOINT])
    assert only(benchmarks(a.partnership)).high == "100"


def test_opting_out_takes_a_partnership_out_of_every_comparison_at_once(a, peers):
    side_shares(a, {NRM: [20, 20, 20, 20]})
    assert only(benchmarks(a.partnership)).partnerships == 5
    upton = peers[3]
    benchmarking_set(actor=None, partnership=upton, opted_in=False, library_codes=[NRM])
    c = only(benchmarks(a.partnership))
    assert (c.shown, c.partnerships, c.low, c.median, c.high) == (False, 4, "", "", "")
    assert c.partnerships < MIN_PARTNERSHIPS and "Fewer than 5 partnerships" in c.reason


def test_with_three_partnerships_the_other_two_figures_are_not_shown(a, peers):
    """With three, our own figure would give the other two away from the range: nothing is shown."""
    side_shares(a, {JOINT: [3, 4, 5, 6]})
    sharing_partnership("solo", {JOINT: [7, 7, 7, 7]})
    sharing_partnership("duo", {JOINT: [9, 9, 9, 9]})
    c = only(benchmarks(a.partnership), JOINT)
    assert (c.partnerships, c.shown, c.low, c.median, c.high) == (3, False, "", "", "")


def test_with_fewer_than_five_partnerships_nothing_of_the_others_is_shown(a, peers):
    side_shares(a, {JOINT: [3, 4, 5, 6]})
    sharing_partnership("solo", {JOINT: [7, 7, 7, 7]})
    c = only(benchmarks(a.partnership), JOINT)
    assert (c.shown, c.low, c.median, c.high, c.own_at, c.median_at) == (False, "", "", "", None, None)
    assert c.own == "18"  # our own figure is ours to see


def test_small_counts_are_hidden_with_the_most_careful_threshold(a):
    side_shares(a, {NRM: [1, 1, 1, 1]})  # 4 in the year
    sharing_partnership("tiny", {NRM: [0, 1, 1, 1]})  # 3
    sharing_partnership("careful", {NRM: [2, 2, 2, 2]}, threshold=10)  # 8
    sharing_partnership("bigger", {NRM: [30, 30, 30, 30]})  # 120
    sharing_partnership("middling", {NRM: [12, 12, 13, 13]})  # 50
    c = only(benchmarks(a.partnership))
    assert (c.low, c.median, c.high) == ("<10", "<10", "120")
    assert c.suppressed and c.median_at is None and c.own_at is None


def test_a_part_year_of_counts_is_left_out_rather_than_shown_as_low(a, peers):
    side_shares(a, {NRM: [20, 20, 20, 20]})
    sharing_partnership("partial", {NRM: [1, None, None, None]})
    assert only(benchmarks(a.partnership)).partnerships == 5


def test_a_year_reported_partly_by_month_counts_by_the_same_rule_as_the_results_table(a, peers):
    """Q1 by month (5 + 5 + 10) and the other quarters by quarter: the year is 20 + 20 + 20 + 20, as the
    results table's year to date would say (``year_figures``), not a part year left out."""
    side_shares(a, {NRM: [None, 20, 20, 20]})
    indicator = Indicator.objects.get(partnership=a.partnership, library_code=NRM)
    months = ReportingPeriod.objects.filter(
        partnership=a.partnership, kind=PeriodKind.MONTH, start__gte=dt.date(2025, 4, 1)
    ).order_by("start")[:3]
    for month, value in zip(months, [5, 5, 10], strict=True):
        if month.status == "not_open":
            period_open(actor=None, period=month)
            month.refresh_from_db()
        figure_record(actor=None, indicator=indicator, period=month, organisation=a.police, value=Decimal(value))
    c = only(benchmarks(a.partnership))
    assert (c.partnerships, c.own) == (5, "80")


def test_a_providers_months_beside_the_polices_quarters_count_as_on_the_results_table(a, peers):
    """The police give every quarter (20 each) and the charity only Q1's months (1 + 2 + 3): the year
    is 86, the charity's months added to the police's quarter as the results table adds them, not
    dropped because someone gave the quarter."""
    side_shares(a, {NRM: [20, 20, 20, 20]})
    indicator = Indicator.objects.get(partnership=a.partnership, library_code=NRM)
    indicator_update(actor=None, indicator=indicator, reporting_organisations=[a.police, a.charity])
    months = ReportingPeriod.objects.filter(
        partnership=a.partnership, kind=PeriodKind.MONTH, start__gte=dt.date(2025, 4, 1)
    ).order_by("start")[:3]
    for month, value in zip(months, [1, 2, 3], strict=True):
        if month.status == "not_open":
            period_open(actor=None, period=month)
            month.refresh_from_db()
        figure_record(actor=None, indicator=indicator, period=month, organisation=a.charity, value=Decimal(value))
    year = ReportingPeriod.objects.get(partnership=a.partnership, kind=PeriodKind.YEAR, start=dt.date(2025, 4, 1))
    figures = YearFigures(a.partnership, [indicator.pk], year)
    indicator.refresh_from_db()
    to_date = figures.year_to_date(indicator, [figures.quarter(indicator, q) for q in figures.quarters])
    assert to_date.actual == Decimal(86)
    c = only(benchmarks(a.partnership))
    assert (c.partnerships, c.own) == (5, "86")


def test_a_partnership_that_does_not_share_sees_no_comparison(a, b, peers):
    side_shares(b, {NRM: [20, 20, 20, 20]}, opted_in=False)
    page = benchmarks(b.partnership)
    assert (page.opted_in, page.comparisons, page.shared_codes) == (False, [], [NRM])


def test_the_page_and_the_export_name_no_other_partnership(a, b, peers, login):
    side_shares(a, {NRM: [20, 20, 20, 20]})
    side_shares(b, {NRM: [9000, 9000, 9000, 9000]}, opted_in=False)
    client = login(a.viewer)
    html = client.get(reverse("indicators:benchmarking", kwargs={"slug": a.slug})).content.decode()
    export = client.get(reverse("indicators:benchmarking_export", kwargs={"slug": a.slug})).content.decode()
    assert "Explain the differences; do not rank" in html and "Areas differ" in html
    assert "70" in html and "100" in html
    rows = list(csv.reader(io.StringIO(export)))
    assert rows[1][:8] == [NRM, "NRM referrals for the locality", "2025/26", "5", "40", "70", "100", "80"]
    for text in (html, export):
        for other in [*peers, b.partnership]:
            assert other.name not in text and other.slug not in text
            assert other.area not in text
        assert "9000" not in text and "9,000" not in text


def test_sharing_is_chosen_by_the_coordinator_from_the_partnerships_library_indicators(a, login):
    side_shares(a, {NRM: [20, 20, 20, 20]}, opted_in=False)
    with pytest.raises(ValidationError, match="O6-01"):
        benchmarking_set(actor=a.coordinator, partnership=a.partnership, opted_in=True, library_codes=["O6-01"])
    with pytest.raises(ValidationError, match="at least one"):
        benchmarking_set(actor=a.coordinator, partnership=a.partnership, opted_in=True, library_codes=[])
    client = login(a.coordinator)
    url = reverse("indicators:benchmarking_settings", kwargs={"slug": a.slug})
    assert "NRM referrals" in client.get(url).content.decode()
    response = client.post(url, {"opted_in": "on", "library_codes": [NRM]})
    assert response.status_code == 302
    choice = BenchmarkingChoice.objects.get(partnership=a.partnership)
    assert (choice.opted_in, choice.library_codes) == (True, [NRM])
    assert AuditEvent.objects.filter(action="benchmarkingchoice.update", partnership=a.partnership).exists()
    assert login(a.board).post(url, {"library_codes": [NRM]}).status_code == 403


def test_benchmarks_take_a_constant_number_of_queries(a, peers):
    side_shares(a, {NRM: [20, 20, 20, 20], JOINT: [1, 2, 3, 4]})
    made = iter(range(100))

    def grow(n):  # more partnerships sharing their figures, over two years
        for _ in range(n):
            i = next(made)
            p = sharing_partnership(f"more{i}", {NRM: [i, i, i, i], JOINT: [i, i, i, i]})
            police = Organisation.objects.get(partnership=p)
            record_year(p, police, NRM, [i + 1] * 4, year_start=dt.date(2024, 4, 1))

    flat_queries(grow=grow, measure=lambda: benchmarks(a.partnership), pinned=2, small=1, big=4)
    page = benchmarks(a.partnership)
    assert {c.year for c in page.comparisons} >= {"2025/26"}
    assert only(page).partnerships == 10
    assert Decimal(only(page).high) == Decimal(100)


def test_when_one_partnership_rounds_every_count_is_rounded_and_the_rules_are_printed(a, peers, login):
    from aspm.disclosure import policy as rules
    from partnerships import services

    side_shares(a, {NRM: [16, 16, 17, 17]})  # 66: the median
    services.disclosure_policy_update(
        actor=None, partnership=peers[2], method=rules.NHS, threshold=5, reason="NHS partners"
    )  # northby: 70
    c = only(benchmarks(a.partnership))
    assert (c.low, c.median, c.high) == ("40", "65", "100")
    assert c.median_at is None  # the drawing would place the exact median
    html = login(a.viewer).get(reverse("indicators:benchmarking", kwargs={"slug": a.slug})).content.decode()
    assert "Disclosure control: NHS Digital method" in html
    assert reverse("disclosure_rules") in html
