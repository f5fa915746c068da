"""Making actions for tests, through the services (as the product does)."""

from __future__ import annotations

import datetime as dt

from actionplans import services
from actionplans.models import Action

from .cast import Side

START = dt.date(2026, 4, 1)


def make_action(side: Side, *, organisation=None, title="Train licensing officers", **values) -> Action:
    values.setdefault("start_date", START)
    values.setdefault("due_date", START + dt.timedelta(days=180))
    return services.action_create(
        actor=side.coordinator,
        partnership=side.partnership,
        title=title,
        owner_organisation=organisation or side.police,
        **values,
    )
