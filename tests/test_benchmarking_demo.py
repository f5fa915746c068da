"""The demo: Northshire and four small fictional partnerships share library indicators, so the
benchmarking page has real comparisons; Riverside does not take part and its figures never count."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command

from indicators.measurement.benchmarks import benchmarks
from indicators.measurement.services import figures as figure_services
from indicators.measurement.services import periods as period_services
from indicators.measurement.services.benchmarking import benchmarking_set
from indicators.measurement.services.indicators import indicator_update, library_adopt
from indicators.models import Indicator, PeriodKind, ReportingPeriod
from partnerships.models import BenchmarkingChoice, Organisation, Partnership

pytestmark = pytest.mark.django_db


def test_the_demo_gives_northshire_comparisons_and_leaves_riverside_out(capsys):
    call_command("seed_demo", "--allow-production")
    northshire = Partnership.objects.get(slug="northshire")
    riverside = Partnership.objects.get(slug="riverside")
    opted = set(BenchmarkingChoice.objects.filter(opted_in=True).values_list("partnership__slug", flat=True))
    assert opted == {"northshire", "fenbury", "portwell", "ashdown", "kelmarsh"}
    page = benchmarks(northshire)
    shown = [c for c in page.comparisons if c.shown]
    assert len(shown) >= 4 and all(c.partnerships == 5 for c in shown if c.own)
    assert not benchmarks(riverside).opted_in

    # Give Riverside a huge year of figures for a shared indicator: nothing changes while it stays out.
    code = shown[0].library_code
    before = benchmarks(northshire)
    indicator = Indicator.objects.filter(partnership=riverside, library_code=code).first()
    if indicator is None:
        (indicator,), _ = library_adopt(actor=None, partnership=riverside, codes=[code])
    police = Organisation.objects.filter(partnership=riverside).order_by("id").first()
    indicator_update(actor=None, indicator=indicator, reporting_organisations=[police])
    year_start = dt.date(int(shown[0].year[:4]), riverside.financial_year_start_month, 1)
    period_services.periods_ensure_year(actor=None, partnership=riverside, year_start=year_start)
    for period in ReportingPeriod.objects.filter(
        partnership=riverside, kind=PeriodKind.QUARTER, start__gte=year_start
    ).order_by("start")[:4]:
        if period.status == "not_open":
            period = period_services.period_open(actor=None, period=period)
        if period.status == "open":
            figure_services.figure_record(
                actor=None, indicator=indicator, period=period, organisation=police, value=Decimal(9000)
            )
    assert benchmarks(northshire) == before
    benchmarking_set(actor=None, partnership=riverside, opted_in=True, library_codes=[code])
    after = [c for c in benchmarks(northshire).comparisons if c.library_code == code and c.year == shown[0].year]
    assert after[0].partnerships == shown[0].partnerships + 1
