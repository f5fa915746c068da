"""Helpers for the benchmarking tests: partnerships with library indicators and a year of quarterly
figures, made through the services, opted in to benchmarking or not."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from indicators.measurement.services import figures as figure_services
from indicators.measurement.services import indicators as indicator_services
from indicators.measurement.services import periods as period_services
from indicators.measurement.services.benchmarking import benchmarking_set
from indicators.models import Indicator, PeriodKind, ReportingPeriod
from partnerships import services
from partnerships.models import Partnership, Sector

from .cast import Side

YEAR_START = dt.date(2025, 4, 1)  # 2025/26


def record_year(partnership: Partnership, organisation, code: str, quarters: list, year_start=YEAR_START) -> None:
    """Figures for the four quarters of a year (None leaves a quarter empty)."""
    indicator = Indicator.objects.get(partnership=partnership, library_code=code)
    period_services.periods_ensure_year(actor=None, partnership=partnership, year_start=year_start)
    periods = ReportingPeriod.objects.filter(
        partnership=partnership, kind=PeriodKind.QUARTER, start__gte=year_start
    ).order_by("start")[:4]
    for period, value in zip(periods, quarters, strict=True):
        if period.status == "not_open":
            period_services.period_open(actor=None, period=period)
            period.refresh_from_db()
        if value is not None:
            figure_services.figure_record(
                actor=None, indicator=indicator, period=period, organisation=organisation, value=Decimal(value)
            )


def adopt(partnership: Partnership, organisation, codes: list[str]) -> None:
    made, _ = indicator_services.library_adopt(actor=None, partnership=partnership, codes=codes)
    for indicator in made:
        indicator_services.indicator_update(actor=None, indicator=indicator, reporting_organisations=[organisation])


def sharing_partnership(
    slug: str,
    figures: dict[str, list],
    *,
    opted_in: bool = True,
    threshold: int = 5,
    share: list[str] | None = None,
) -> Partnership:
    """A small partnership named after ``slug`` with one police force reporting ``figures``
    ({library code: four quarterly values}), sharing them (or ``share``) when ``opted_in``."""
    partnership = services.partnership_create(actor=None, name=f"{slug.title()} Network", slug=slug, area=slug)
    if threshold != 5:
        services.disclosure_policy_update(
            actor=None, partnership=partnership, method="threshold", threshold=threshold, reason="Test"
        )
    police = services.organisation_create(
        actor=None, partnership=partnership, name=f"{slug.title()} Police", sector=Sector.POLICE
    )
    adopt(partnership, police, list(figures))
    for code, values in figures.items():
        record_year(partnership, police, code, values)
    benchmarking_set(actor=None, partnership=partnership, opted_in=opted_in, library_codes=share or list(figures))
    return partnership


def side_shares(side: Side, figures: dict[str, list], *, opted_in: bool = True) -> None:
    adopt(side.partnership, side.police, list(figures))
    for code, values in figures.items():
        record_year(side.partnership, side.police, code, values)
    benchmarking_set(
        actor=side.coordinator, partnership=side.partnership, opted_in=opted_in, library_codes=list(figures)
    )
