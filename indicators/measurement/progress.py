"""How far each indicator has got: roll-ups across organisations and periods, and the status rules.

Roll-up rules (also shown to users on the results page):

* counts and money are **added up** across organisations, and across periods for the year to date;
* percentages and scores are **averaged** across the organisations that reported (each counts
  once); the year to date is the average of the periods with figures;
* yes/no is "yes" only when **every** reporting organisation said yes; the year to date is the
  latest period's answer;
* qualitative (text) indicators have no number and no status.

Status compares the actual with the target, respecting direction, with the partnership's tolerance
band ``t`` (default 10%): higher is better -> on track at or above target, at risk within ``t``
below it, off track further below; lower is better mirrors that; "keep within a range" is on
track inside the range, at risk within ``t`` of the range's width outside it. No actual or no
target -> no data.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models

from ..models import Direction, Unit

ADDITIVE = (Unit.COUNT, Unit.MONEY)
AVERAGED = (Unit.PERCENTAGE, Unit.SCORE)


class Status(models.TextChoices):
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"
    NO_DATA = "no_data", "No data"


STATUS_ORDER = (Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.NO_DATA)
STATUS_COLOURS = {
    Status.ON_TRACK: "#1e6b33",
    Status.AT_RISK: "#e69f00",
    Status.OFF_TRACK: "#b3261e",
    Status.NO_DATA: "#6c757d",
}


def rollup_organisations(unit: str, total, average, minimum) -> Decimal | None:
    """One period's figure for the partnership from the aggregates of its organisations' figures."""
    if unit in ADDITIVE:
        return total
    if unit in AVERAGED:
        return None if average is None else Decimal(str(average)).quantize(Decimal("0.01"))
    if unit == Unit.YES_NO:
        return minimum
    return None


def rollup_periods(unit: str, values: list[Decimal | None]) -> Decimal | None:
    """The year to date from the period values (in date order)."""
    known = [v for v in values if v is not None]
    if not known:
        return None
    if unit in ADDITIVE:
        return sum(known, Decimal(0))
    if unit in AVERAGED:
        return (sum(known, Decimal(0)) / len(known)).quantize(Decimal("0.01"))
    return known[-1]


def rollup_targets(unit: str, values: list[Decimal | None]) -> Decimal | None:
    """The year-to-date target: summed for counts and money, the latest for the rest."""
    known = [v for v in values if v is not None]
    if not known:
        return None
    return sum(known, Decimal(0)) if unit in ADDITIVE else known[-1]


def status_of(indicator, actual, target, tolerance: Decimal) -> str:
    """On track / at risk / off track / no data for an actual against a target (see module doc)."""
    if actual is None or indicator.unit == Unit.TEXT:
        return Status.NO_DATA
    t = Decimal(tolerance) / 100
    if indicator.direction == Direction.RANGE:
        low, high = indicator.range_low, indicator.range_high
        if low is None or high is None:
            return Status.NO_DATA
        if low <= actual <= high:
            return Status.ON_TRACK
        margin = (high - low) * t if high > low else abs(high) * t
        return Status.AT_RISK if low - margin <= actual <= high + margin else Status.OFF_TRACK
    if target is None:
        return Status.NO_DATA
    if indicator.direction == Direction.LOWER:
        if actual <= target:
            return Status.ON_TRACK
        return Status.AT_RISK if actual <= target * (1 + t) else Status.OFF_TRACK
    if actual >= target:
        return Status.ON_TRACK
    return Status.AT_RISK if actual >= target * (1 - t) else Status.OFF_TRACK
