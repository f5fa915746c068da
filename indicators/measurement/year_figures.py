"""A financial year's actuals and targets by quarter, for everything that shows quarters: the results
table (and through it the quarterly and annual reports) and the API's progress.

Figures and targets may be entered for a quarter, for its months (a monthly indicator) or for the
whole year (an annual one). Here:

* a quarter's actual is its own figures combined across organisations by the indicator's rule
  (``rollup``); where it has none, its months' figures combined over time by the same rule (a flow
  summed, a stock's latest month, a proportion's numerators over its denominators), so a monthly
  indicator is never shown as "no data" for a quarter it reported in. Where some organisations gave
  the quarter and others only its months (a funded provider's monthly monitoring beside the
  police's quarterly return), it is decided per organisation: each organisation's quarter figure,
  or else its months', then all of them combined across organisations — so no organisation's
  figures are dropped, and none counts twice;
* a quarter's target is its own; where it has none, the targets of its months — of the months
  reported when some are, so a quarter part-way through is judged on the months it has, as the year
  to date is on the quarters it has;
* a figure for the whole year stands as the year to date only where no quarter or month of that year
  has one (never both, so nothing is counted twice), judged against the year's own target.

Three queries whatever the size — the year's periods, the figure aggregates, the targets — and a
fourth, by organisation, for indicators with figures for months.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from partnerships.access import scoped
from partnerships.models import Partnership

from ..models import Figure, PeriodKind, ReportingPeriod, Target
from . import rollup
from .rollup import Combined


@dataclass(frozen=True)
class Value:
    actual: Decimal | None = None
    target: Decimal | None = None
    reporters: int = 0
    combined: Combined = rollup.NOTHING  # what the actual is made of (numerator, denominator, notes)


def quarter_actual(rule: str, own: Combined, months: list[Combined]) -> Combined:
    """A quarter's actual: its own figures; where it has none, its months' figures (those reported)
    combined over time by the indicator's rule."""
    if own is not rollup.NOTHING:
        return own
    return rollup.over_time(rule, months)


def months_only(quarter: dict, months: list[dict]) -> set:
    """Organisations that gave some of a quarter's months but not the quarter, where some other
    organisation gave the quarter (``quarter`` and each of ``months`` map organisation -> figures)."""
    if not quarter:
        return set()
    return set().union(*months) - set(quarter)


def by_organisation(rule: str, quarter: dict, months: list[dict], only: set) -> Combined:
    """A quarter given by some organisations and only its months by others (``only``): each
    organisation's quarter figure, or else its months' combined over time, then all of them combined
    across organisations by the rule — no organisation dropped, none counted twice."""
    parts = [rollup.across_organisations(rule, agg) for agg in quarter.values()]
    for org in sorted(only):
        parts.append(rollup.over_time(rule, [rollup.across_organisations(rule, m.get(org)) for m in months]))
    return rollup.across_combined(rule, parts)


def quarter_of_organisations(rule: str, quarter: dict, months: list[dict]) -> Combined:
    """A quarter's actual from each organisation's figures for the quarter and for each of its months
    (in date order; each maps organisation -> ``rollup.AGGREGATES``): the rule of this module, for a
    reader that has every organisation's figures at hand (benchmarking)."""
    only = months_only(quarter, months)
    if only:
        return by_organisation(rule, quarter, months, only)
    own = rollup.across_organisations(rule, rollup.merge_aggregates(quarter.values()))
    by_month = [rollup.across_organisations(rule, rollup.merge_aggregates(m.values())) for m in months]
    return quarter_actual(rule, own, [c for c in by_month if c is not rollup.NOTHING])


def year_actual(rule: str, quarters: list[Combined], whole: Combined) -> Combined:
    """A year's (or year to date's) actual: its quarters' actuals combined over time by the rule; where
    no quarter has one, the figure entered for the whole year. Never both, so nothing counts twice."""
    combined = rollup.over_time(rule, quarters)
    return whole if combined is rollup.NOTHING else combined


def _value(combined: Combined, target) -> Value:
    return Value(combined.value, target, combined.reporters, combined)


def _aggregates(partnership, indicator_ids, period_ids, organisation=None) -> dict[tuple[int, int], dict]:
    figures = scoped(partnership, Figure).filter(indicator_id__in=indicator_ids, period_id__in=period_ids)
    if organisation:
        figures = figures.filter(organisation_id=organisation)
    # no order: the model's (by indicator code and period start) would join both tables for nothing
    rows = figures.values("indicator_id", "period_id").annotate(**rollup.AGGREGATES).order_by()
    return {(r["indicator_id"], r["period_id"]): r for r in rows}


def _by_organisation(partnership, indicator_ids, period_ids, organisation=None) -> dict[tuple[int, int], dict]:
    """``{(indicator, period): {organisation: aggregates}}``: one query."""
    if not indicator_ids:
        return {}
    figures = scoped(partnership, Figure).filter(indicator_id__in=indicator_ids, period_id__in=period_ids)
    if organisation:
        figures = figures.filter(organisation_id=organisation)
    rows = figures.values("indicator_id", "period_id", "organisation_id").annotate(**rollup.AGGREGATES).order_by()
    found: dict[tuple[int, int], dict] = {}
    for r in rows:
        found.setdefault((r["indicator_id"], r["period_id"]), {})[r["organisation_id"]] = r
    return found


def _targets(partnership, indicator_ids, period_ids) -> tuple[dict, dict]:
    by_period, whole_plan = {}, {}
    rows = (
        scoped(partnership, Target)
        .filter(indicator_id__in=indicator_ids)
        .filter(Q(period_id__in=period_ids) | Q(period__isnull=True))
        .order_by()  # one target per indicator and period (or plan): no order, so no join for one
    )
    for indicator_id, period_id, value in rows.values_list("indicator_id", "period_id", "value"):
        if period_id is None:
            whole_plan[indicator_id] = value
        else:
            by_period[(indicator_id, period_id)] = value
    return by_period, whole_plan


class YearFigures:
    def __init__(
        self,
        partnership: Partnership,
        indicator_ids: list[int],
        year: ReportingPeriod,
        *,
        organisation: int | None = None,
        targets: dict[tuple[int, int], Decimal] | None = None,
    ):
        periods = list(
            scoped(partnership, ReportingPeriod).filter(start__gte=year.start, end__lte=year.end).order_by("start")
        )
        self.year = year
        self.quarters = [p for p in periods if p.kind == PeriodKind.QUARTER]
        months = [p for p in periods if p.kind == PeriodKind.MONTH]
        self.months_of = {q.pk: [m for m in months if q.start <= m.start and m.end <= q.end] for q in self.quarters}
        self.period_ids = [p.pk for p in periods]  # the year itself, its quarters and its months
        self._aggregates = _aggregates(partnership, indicator_ids, self.period_ids, organisation)
        month_ids = {m.pk for m in months}
        self._monthly = {indicator_id for indicator_id, period_id in self._aggregates if period_id in month_ids}
        # Who gave what, for indicators with months: a quarter given by some organisations and only
        # its months by others is decided organisation by organisation (``_per_organisation``).
        quarter_and_month_ids = [p.pk for p in periods if p.kind in (PeriodKind.QUARTER, PeriodKind.MONTH)]
        self._by_org = _by_organisation(partnership, sorted(self._monthly), quarter_and_month_ids, organisation)
        if targets is None:
            targets, self.whole_plan = _targets(partnership, indicator_ids, self.period_ids)
        else:
            self.whole_plan = {}  # the caller brought the targets (the API): it reads the plan's own
        self._targets = targets

    def _own(self, indicator, period: ReportingPeriod) -> Combined:
        return rollup.across_organisations(indicator.rule, self._aggregates.get((indicator.pk, period.pk)))

    def _months_only(self, indicator, quarter: ReportingPeriod) -> set[int]:
        """Organisations that gave some of the quarter's months but not the quarter itself."""
        return months_only(self._by_org.get((indicator.pk, quarter.pk), {}), self._months_by_org(indicator, quarter))

    def _months_by_org(self, indicator, quarter: ReportingPeriod) -> list[dict]:
        return [self._by_org.get((indicator.pk, m.pk), {}) for m in self.months_of.get(quarter.pk, [])]

    def _per_organisation(self, indicator, quarter: ReportingPeriod, only: set[int]) -> Combined:
        given = self._by_org.get((indicator.pk, quarter.pk), {})
        return by_organisation(indicator.rule, given, self._months_by_org(indicator, quarter), only)

    def quarter(self, indicator, quarter: ReportingPeriod) -> Value:
        combined = self._own(indicator, quarter)
        target = self._targets.get((indicator.pk, quarter.pk))
        months = self.months_of.get(quarter.pk, [])
        only = self._months_only(indicator, quarter) if indicator.pk in self._monthly else set()
        if only:
            combined = self._per_organisation(indicator, quarter, only)
        if not months or (combined is not rollup.NOTHING and target is not None):
            return _value(combined, target)
        if indicator.pk in self._monthly:
            month_figures = {m.pk: self._own(indicator, m) for m in months}
            reported = [m for m in months if month_figures[m.pk] is not rollup.NOTHING]
        else:  # no figure for any month of the year: only the months' targets can count
            reported = []
        if reported and not only:
            combined = quarter_actual(indicator.rule, combined, [month_figures[m.pk] for m in reported])
        if target is None:
            counted = reported if reported and len(reported) < len(months) else months
            month_targets = [self._targets.get((indicator.pk, m.pk)) for m in counted]
            target = rollup.targets_over_time(indicator.rule, month_targets)
        return _value(combined, target)

    def sources(self, indicator, quarter: ReportingPeriod, *, latest: bool = False) -> list[tuple[int, int | None]]:
        """The figures that make the quarter's actual, as ``(period, organisation)``, where
        organisation None is every organisation's: the quarter's own, else its months'; and the
        months of organisations that did not give the quarter. With ``latest`` (a level, whose
        quarter is its latest figure): only the latest month, of each organisation that gave months."""
        months = self.months_of.get(quarter.pk, [])
        if (indicator.pk, quarter.pk) in self._aggregates:
            only = self._months_only(indicator, quarter) if indicator.pk in self._monthly else set()
            found = [(quarter.pk, None)]
            for org in sorted(only):
                given = [m.pk for m in months if org in self._by_org.get((indicator.pk, m.pk), {})]
                found += [(pk, org) for pk in (given[-1:] if latest else given)]
            return found
        given = [(m.pk, None) for m in months if (indicator.pk, m.pk) in self._aggregates]
        return given[-1:] if latest else given

    def whole_year(self, indicator) -> Value:
        """The figures and target entered for the year itself (an annual indicator)."""
        return _value(self._own(indicator, self.year), self._targets.get((indicator.pk, self.year.pk)))

    def year_to_date(self, indicator, values: list) -> Value:
        """The year to date from the quarters so far (their ``Value``s, in order) by the indicator's
        rule, judged on the quarters reported; where none has a figure, the figure entered for the
        whole year against the year's target."""
        whole = self.whole_year(indicator)
        combined = year_actual(indicator.rule, [v.combined for v in values], whole.combined)
        if combined is whole.combined and whole.combined is not rollup.NOTHING:
            return whole
        reported = [v.target for v in values if v.actual is not None or not v.combined.combinable]
        return _value(combined, rollup.targets_over_time(indicator.rule, reported))

    def sources_to_date(self, indicator, quarters: list[ReportingPeriod], values: list) -> set[tuple[int, int | None]]:
        """The figures (``(period, organisation)``, see ``sources``) that make ``year_to_date`` of the
        same quarters and values."""
        found = {
            source
            for quarter, value in zip(quarters, values, strict=True)
            if value.actual is not None
            for source in self.sources(indicator, quarter)
        }
        if not found and self.whole_year(indicator).actual is not None:
            found = {(self.year.pk, None)}
        return found
