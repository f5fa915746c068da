"""How far each indicator has got: the status rules. (How figures combine is ``rollup``.)

Status compares the actual with the target, respecting direction, with the partnership's tolerance
band ``t`` (default 10%): higher is better -> on track at or above target, at risk within ``t``
below it, off track further below; lower is better mirrors that; "keep within a range" is on
track inside the range, at risk within ``t`` of the range's width outside it. No actual -> no
data; an actual with nothing to compare it with -> no target.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models

from ..models import Direction, Unit


class Status(models.TextChoices):
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"
    NO_TARGET = "no_target", "No target"
    NO_DATA = "no_data", "No data"


STATUS_ORDER = (Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.NO_TARGET, Status.NO_DATA)
STATUS_COLOURS = {
    Status.ON_TRACK: "#1e6b33",
    Status.AT_RISK: "#e69f00",
    Status.OFF_TRACK: "#b3261e",
    Status.NO_TARGET: "#4c6272",
    Status.NO_DATA: "#6c757d",
}


def status_of(indicator, actual, target, tolerance: Decimal) -> str:
    """On track / at risk / off track / no data for an actual against a target (see module doc)."""
    if actual is None or indicator.unit == Unit.TEXT:
        return Status.NO_DATA
    t = Decimal(tolerance) / 100
    if indicator.direction == Direction.RANGE:
        low, high = indicator.range_low, indicator.range_high
        if low is None or high is None:
            return Status.NO_TARGET
        if low <= actual <= high:
            return Status.ON_TRACK
        margin = (high - low) * t if high > low else abs(high) * t
        return Status.AT_RISK if low - margin <= actual <= high + margin else Status.OFF_TRACK
    if target is None:
        return Status.NO_TARGET
    if indicator.direction == Direction.LOWER:
        if actual <= target:
            return Status.ON_TRACK
        return Status.AT_RISK if actual <= target * (1 + t) else Status.OFF_TRACK
    if actual >= target:
        return Status.ON_TRACK
    return Status.AT_RISK if actual >= target * (1 - t) else Status.OFF_TRACK
