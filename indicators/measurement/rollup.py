"""How an indicator's figures combine: the one module for every partnership figure.

Each indicator declares a rule (``Indicator.rollup``, defaulting by unit; DOMAIN.md, "How figures
combine"). A period's figure for the partnership is combined from its organisations' figures
(``across_organisations``); a quarter from its months and the year to date from its quarters
(``over_time``); targets over time by ``targets_over_time``.

* **flow** (referrals made, money spent): added up across organisations and over time;
* **stock** (organisations signed up, people in accommodation): added up across organisations; over
  time the latest period's level — never the sum of quarters; **stock_average** takes the average;
* **ratio** (a proportion, shown as a percentage): Σ numerators / Σ denominators, for a quarter and
  for the year alike. A percentage sent without its denominator cannot be combined with another
  organisation's or another period's: the combined figure is then ``None`` and marked not
  combinable, never an average of percentages;
* **mean** (a score): weighted by the number of responses behind each figure where every figure
  gives it; otherwise the plain mean, marked unweighted;
* **all_yes** / **any_yes**: yes only when every / any organisation says yes; over time the latest
  answer; **share_yes**: the percentage of organisations saying yes; over time the latest share.

Values are Decimals rounded to two places, as stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Max, Min, Q, Sum

from ..models import Rollup

HUNDRED = Decimal(100)
CENT = Decimal("0.01")

ADDED_OVER_TIME = (Rollup.FLOW,)
ADDED_ACROSS_ORGANISATIONS = (Rollup.FLOW, Rollup.STOCK, Rollup.STOCK_AVERAGE)

# What the database gives per (indicator, period): see ``aggregate_fields``.
AGGREGATES = {
    "n": Count("id", filter=Q(value__isnull=False)),
    "total": Sum("value"),
    "minimum": Min("value"),
    "maximum": Max("value"),
    # A proportion's figures with both numbers (a score keeps its responses as a denominator alone)
    "n_ratios": Count("id", filter=Q(value__isnull=False, numerator__isnull=False, denominator__isnull=False)),
    "numerators": Sum("numerator", filter=Q(value__isnull=False, denominator__isnull=False)),
    "ratio_denominators": Sum("denominator", filter=Q(value__isnull=False, numerator__isnull=False)),
    "denominators": Sum("denominator", filter=Q(value__isnull=False)),
    "n_denominators": Count("id", filter=Q(value__isnull=False, denominator__isnull=False)),
    "weighted": Sum(F("value") * F("denominator"), filter=Q(value__isnull=False, denominator__isnull=False)),
}


@dataclass(frozen=True)
class Combined:
    """A partnership figure and what it is made of.

    ``numerator`` and ``denominator`` are the sums behind a ratio (for a mean, ``denominator`` is the
    number of responses), so a reader can recompute the figure; ``combinable`` is False when the
    figures could not be combined honestly (a percentage without its denominator among others);
    ``weighted`` is False for a score averaged without the numbers behind it."""

    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    reporters: int = 0
    combinable: bool = True
    weighted: bool = True

    @property
    def note(self) -> str:
        if not self.combinable:
            return "Not combinable: a percentage was sent without the number it is a percentage of."
        if not self.weighted:
            return "Unweighted average: some scores were sent without the number of responses."
        return ""


NOTHING = Combined()


def _q(value) -> Decimal:
    return Decimal(value).quantize(CENT)


def _ratio(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    return _q(numerator * HUNDRED / denominator) if denominator else None


def across_organisations(rule: str, agg: dict | None) -> Combined:
    """One period's partnership figure from the aggregates of its organisations' figures
    (``AGGREGATES``, or the same keys computed in Python by ``aggregate_figures``)."""
    if not agg or not agg.get("n"):
        return NOTHING
    n = agg["n"]
    if rule in ADDED_ACROSS_ORGANISATIONS:
        return Combined(agg["total"], reporters=n)
    if rule == Rollup.RATIO:
        if agg["n_ratios"] == n:
            num, den = agg["numerators"], agg["ratio_denominators"]
            return Combined(_ratio(num, den), num, den, n)
        if n == 1:  # one organisation's percentage is the partnership's, though it cannot be added to
            return Combined(agg["total"], reporters=1, combinable=False)
        return Combined(None, reporters=n, combinable=False)
    if rule == Rollup.MEAN:
        if agg["n_denominators"] == n and agg["denominators"]:
            return Combined(_q(agg["weighted"] / agg["denominators"]), None, agg["denominators"], n)
        return Combined(_q(agg["total"] / n), reporters=n, weighted=n == 1)
    if rule == Rollup.ALL_YES:
        return Combined(agg["minimum"], reporters=n)
    if rule == Rollup.ANY_YES:
        return Combined(agg["maximum"], reporters=n)
    if rule == Rollup.SHARE_YES:
        return Combined(_ratio(agg["total"], Decimal(n)), agg["total"], Decimal(n), n)
    return NOTHING  # text: no number


def across_combined(rule: str, parts: Sequence[Combined]) -> Combined:
    """One period's partnership figure from each organisation's own figure for it, already combined
    (an organisation that gave the quarter, and one whose months make its quarter): the same rule as
    ``across_organisations``, applied to those figures as if each had been entered for the period."""
    known = [p for p in parts if p.value is not None or not p.combinable]
    if not known:
        return NOTHING
    reporters = sum(max(p.reporters, 1) for p in known)
    if any(not p.combinable for p in known):
        return Combined(None, reporters=reporters, combinable=False)
    figures = [_AsFigure(p.value, p.numerator, p.denominator) for p in known]
    combined = across_organisations(rule, aggregate_figures(figures))
    weighted = combined.weighted and all(p.weighted for p in known)
    return Combined(combined.value, combined.numerator, combined.denominator, reporters, True, weighted)


@dataclass(frozen=True)
class _AsFigure:
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None


def over_time(rule: str, parts: Sequence[Combined]) -> Combined:
    """A longer period's figure from its shorter periods' (months into a quarter, quarters into the
    year to date), in date order. Periods with no figure are left out."""
    known = [p for p in parts if p.value is not None or not p.combinable]
    if not known:
        return NOTHING
    reporters = max(p.reporters for p in known)
    if rule == Rollup.FLOW:
        values = [p.value for p in known]
        return Combined(sum(values, Decimal(0)), reporters=reporters)
    if rule == Rollup.STOCK_AVERAGE:
        values = [p.value for p in known]
        return Combined(_q(sum(values, Decimal(0)) / len(values)), reporters=reporters)
    if rule == Rollup.RATIO:
        if len(known) == 1:
            return known[0]
        if all(p.combinable and p.denominator is not None for p in known):
            num = sum((p.numerator for p in known), Decimal(0))
            den = sum((p.denominator for p in known), Decimal(0))
            return Combined(_ratio(num, den), num, den, reporters)
        return Combined(None, reporters=reporters, combinable=False)
    if rule == Rollup.MEAN:
        if all(p.weighted and p.denominator for p in known):
            den = sum((p.denominator for p in known), Decimal(0))
            total = sum((p.value * p.denominator for p in known), Decimal(0))
            return Combined(_q(total / den), None, den, reporters)
        values = [p.value for p in known]
        return Combined(_q(sum(values, Decimal(0)) / len(values)), reporters=reporters, weighted=len(known) == 1)
    # stock, yes/no: the latest period's
    return known[-1]


def targets_over_time(rule: str, values: Iterable[Decimal | None]) -> Decimal | None:
    """The target of a longer period from its shorter periods' targets: summed for a flow, the latest
    for everything else (a level, a proportion, a score, an answer)."""
    known = [v for v in values if v is not None]
    if not known:
        return None
    return sum(known, Decimal(0)) if rule in ADDED_OVER_TIME else known[-1]


def aggregate_figures(figures: Iterable) -> dict:
    """``AGGREGATES`` computed in Python for figures already loaded (the indicator page)."""
    given = [f for f in figures if f.value is not None]
    with_den = [f for f in given if f.denominator is not None]
    ratios = [f for f in with_den if f.numerator is not None]
    return {
        "n": len(given),
        "total": sum((f.value for f in given), Decimal(0)),
        "minimum": min((f.value for f in given), default=None),
        "maximum": max((f.value for f in given), default=None),
        "n_ratios": len(ratios),
        "numerators": sum((f.numerator for f in ratios), Decimal(0)),
        "ratio_denominators": sum((f.denominator for f in ratios), Decimal(0)),
        "denominators": sum((f.denominator for f in with_den), Decimal(0)),
        "n_denominators": len(with_den),
        "weighted": sum((f.value * f.denominator for f in with_den), Decimal(0)),
    }


def merge_aggregates(parts: Iterable[dict]) -> dict | None:
    """Several organisations' ``AGGREGATES`` for one period as if the database had grouped them
    together (what ``across_organisations`` takes). None when there are none."""
    parts = [p for p in parts if p]
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    merged = {}
    for key in AGGREGATES:
        values = [p[key] for p in parts if p.get(key) is not None]
        if key == "minimum":
            merged[key] = min(values, default=None)
        elif key == "maximum":
            merged[key] = max(values, default=None)
        else:
            merged[key] = sum(values) if values else None
    return merged
