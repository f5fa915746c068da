"""Nationality for a side of the cast, and an indicator split by nationality and by nationality × sex."""

from __future__ import annotations

from indicators.measurement import services
from indicators.models import Dimension, Indicator


def nationality(side) -> Dimension:
    found = Dimension.objects.filter(partnership=side.partnership, key="nationality").first()
    return found or services.dimension_create(
        actor=side.coordinator,
        partnership=side.partnership,
        name="Nationality",
        categories=["British", "Albanian", "Vietnamese", "Unknown"],
    )


def identified(side) -> Indicator:
    """Potential victims identified, split by sex, by nationality and by nationality × sex."""
    nationality(side)
    found = Indicator.objects.filter(partnership=side.partnership, code="VIC-1").first()
    return found or services.indicator_create(
        actor=side.coordinator,
        partnership=side.partnership,
        reporting_organisations=[side.police, side.charity],
        code="VIC-1",
        name="Potential victims identified",
        type="output",
        unit="count",
        direction="higher",
        frequency="quarterly",
        disaggregation=["nationality*sex"],
    )


# 30 people: British 10 (4 women, 6 men), Albanian 12 (3, 9), Vietnamese 8 (5, 3), none unknown.
CELLS = {
    "british*female": 4,
    "british*male": 6,
    "albanian*female": 3,
    "albanian*male": 9,
    "vietnamese*female": 5,
    "vietnamese*male": 3,
}
