"""Demo data for benchmarking: four small fictional partnerships that share a handful of library
indicators with a year of figures, Northshire opted in with the same indicators, and Riverside left
out (so its figures are never in a comparison). Through the services; adds only what is missing."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Avg, Sum
from django.utils import timezone

from partnerships.demo import DemoWorld, _seed_partnership
from partnerships.models import BenchmarkingChoice, Sector

from .services.benchmarking import benchmarking_set, shareable_indicators

# Fictional small partnerships: (slug, name, area, size relative to Northshire, small-count threshold).
PEERS = (
    ("fenbury", "Fenbury and District Anti-Slavery Network", "Fenbury district (rural, arable farming)", "0.55", 5),
    ("portwell", "Portwell Modern Slavery Partnership", "Portwell (a port town)", "1.25", 5),
    ("ashdown", "Ashdown Safeguarding Against Exploitation", "Ashdown borough", "1.6", 5),
    ("kelmarsh", "Kelmarsh Vale Anti-Trafficking Partnership", "Kelmarsh Vale (market towns)", "0.9", 10),
)
MAX_SHARED = 6


def _northshire_codes(partnership) -> list[str]:
    """Northshire's numeric library indicators with figures in its last full year (up to six)."""
    from indicators.models import Figure

    allowed = dict(shareable_indicators(partnership))
    with_figures = (
        Figure.objects.filter(partnership=partnership, indicator__library_code__in=list(allowed), value__isnull=False)
        .values_list("indicator__library_code", flat=True)
        .distinct()
    )
    return sorted(set(with_figures))[:MAX_SHARED]


def _typical_quarter(partnership, code: str) -> tuple[str, Decimal]:
    """Northshire's unit and mean quarterly figure for an indicator, to scale the peers' figures."""
    from indicators.models import Figure, Indicator

    indicator = Indicator.objects.filter(partnership=partnership, library_code=code).first()
    rows = (
        Figure.objects.filter(indicator=indicator, value__isnull=False)
        .values("period_id")
        .annotate(total=Sum("value"), average=Avg("value"))
    )
    if indicator.unit in ("count", "money"):
        values = [r["total"] for r in rows]
    else:
        values = [Decimal(str(r["average"])) for r in rows]
    return indicator.unit, (sum(values, Decimal(0)) / len(values)) if values else Decimal(10)


def _peer_value(unit: str, typical: Decimal, size: Decimal, position: int, quarter: int) -> Decimal:
    """A credible figure: Northshire's typical quarter scaled by the peer's size, with a wobble that
    differs by indicator, quarter and size (so that Northshire is not always in the same place)."""
    wobble = Decimal(1) + Decimal((position * 3 + quarter * 5 + int(size * 20)) % 9 - 4) / 12
    if unit in ("count", "money"):
        return max(Decimal(0), (typical * size * wobble).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if unit == "percentage":
        return min(Decimal(100), (typical * (Decimal("0.85") + size / 8) * wobble).quantize(Decimal(1)))
    return min(Decimal(5), max(Decimal(1), (typical * wobble).quantize(Decimal("0.1"))))


PEOPLE = {
    "fenbury": ("Ruth Oyelaran", "Tom Haskett", "Priya Nandra", "Colin Weir", "Megan Lowry"),
    "portwell": ("Declan Furlong", "Aisha Begum", "Gareth Pryce", "Helen Saunders", "Olu Adeyemi"),
    "ashdown": ("Sophie Kettle", "Marek Nowak", "Janet Okafor", "Iain Baird", "Lucy Tran"),
    "kelmarsh": ("Neil Ashworth", "Fatima Rahman", "Bethan Morgan", "Simon Drury", "Chloe Park"),
}


def _seed_peer(
    world: DemoWorld, slug, name, area, size, threshold, codes: list[tuple[str, str, Decimal]], today: dt.date
) -> None:
    from indicators.measurement.services import figures as figure_services
    from indicators.measurement.services import indicators as indicator_services
    from indicators.measurement.services import periods as period_services
    from indicators.models import Figure, Indicator, PeriodKind, ReportingPeriod
    from partnerships import services

    town = name.split()[0]
    orgs = [
        (f"{town} Police", Sector.POLICE),
        (f"{town} Council", Sector.LOCAL_AUTHORITY),
        (f"{town} Community Support", Sector.NGO),
    ]
    people = dict(zip(("coordinator", "spoc1", "spoc2", "board", "viewer"), PEOPLE[slug], strict=True))
    demo = _seed_partnership(world, slug, name, area, orgs, people)
    world.partnerships[slug] = demo
    partnership = demo.partnership
    services.disclosure_policy_update(
        actor=None, partnership=partnership, method="threshold", threshold=threshold, reason="Demo data"
    )
    police = demo.organisations[f"{town} Police"]
    indicator_services.library_adopt(actor=None, partnership=partnership, codes=[c for c, _, _ in codes])
    this_year = period_services.year_start_for(partnership, today)
    last_year = dt.date(this_year.year - 1, this_year.month, 1)
    for year_start in (last_year, this_year):
        period_services.periods_ensure_year(actor=None, partnership=partnership, year_start=year_start)
    quarters = list(
        ReportingPeriod.objects.filter(
            partnership=partnership, kind=PeriodKind.QUARTER, start__gte=last_year, end__lt=today
        ).order_by("start")
    )
    quarters = [period_services.period_open(actor=None, period=p) if p.status == "not_open" else p for p in quarters]
    for position, (code, unit, typical) in enumerate(codes):
        indicator = Indicator.objects.get(partnership=partnership, library_code=code)
        if police not in indicator.reporting_organisations.all():
            indicator_services.indicator_update(
                actor=None,
                indicator=indicator,
                reporting_organisations=[*indicator.reporting_organisations.all(), police],
            )
        have = set(Figure.objects.filter(indicator=indicator).values_list("period_id", flat=True))
        for q, period in enumerate(quarters):
            if period.pk in have:
                continue
            if period.status != "open":
                continue  # a locked quarter keeps what it has
            # A proportion is sent with what it is out of, a score with its responses, as partners do
            value = _peer_value(unit, typical, Decimal(size), position, q)
            numbers = {"value": value}
            if unit == "percentage":
                out_of = 20 + (position * 7 + q * 3) % 40
                numbers = {"value": "", "numerator": (value * out_of / 100).quantize(Decimal(1)), "denominator": out_of}
            elif unit == "score":
                numbers["denominator"] = 8 + (position + q) % 12
            figure_services.figure_record(
                actor=None, indicator=indicator, period=period, organisation=police, **numbers
            )
    if not BenchmarkingChoice.objects.filter(partnership=partnership).exists():
        benchmarking_set(actor=None, partnership=partnership, opted_in=True, library_codes=[c for c, _, _ in codes])


def seed(world: DemoWorld) -> None:
    northshire = world.partnerships.get("northshire")
    if northshire is None:
        return
    partnership = northshire.partnership
    codes = _northshire_codes(partnership)
    if not codes:
        return
    today = timezone.localdate()
    typical = [(code, *_typical_quarter(partnership, code)) for code in codes]
    for slug, name, area, size, threshold in PEERS:
        with transaction.atomic():
            _seed_peer(world, slug, name, area, size, threshold, typical, today)
    if not BenchmarkingChoice.objects.filter(partnership=partnership).exists():
        benchmarking_set(
            actor=northshire.people.get("coordinator"), partnership=partnership, opted_in=True, library_codes=codes
        )
    # Riverside is deliberately left out: its figures must never appear in a comparison.
