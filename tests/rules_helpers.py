"""Validation rules for a side of the cast, made through the services (found again if present)."""

from __future__ import annotations

from indicators.measurement import services
from indicators.models import Indicator, ValidationRule


def count_indicator(side, code: str, name: str, reporters=None, **extra) -> Indicator:
    found = Indicator.objects.filter(partnership=side.partnership, code=code).first()
    if found:
        return found
    return services.indicator_create(
        actor=side.coordinator,
        partnership=side.partnership,
        reporting_organisations=reporters if reporters is not None else [side.police, side.charity],
        code=code,
        name=name,
        type="outcome",
        unit="count",
        direction="higher",
        frequency="quarterly",
        **extra,
    )


def convictions(side) -> Indicator:
    return count_indicator(side, "CONV", "Convictions linked to modern slavery crime")


def convicted(side) -> Indicator:
    return count_indicator(side, "INDIV", "Individuals convicted of modern slavery offences")


def convicted_rule(side, severity: str = "must_hold") -> ValidationRule:
    """Individuals convicted ≤ convictions."""
    found = ValidationRule.objects.filter(partnership=side.partnership, name="Individuals ≤ convictions").first()
    return found or services.rule_create(
        actor=side.coordinator,
        partnership=side.partnership,
        name="Individuals ≤ convictions",
        left=[convicted(side)],
        operator="le",
        right=[convictions(side)],
        severity=severity,
    )
