"""Helpers for API tests: a small plan for a side of the cast, tokens, and a client that uses them.

The plan rows are made directly here (tests only, quicker than the services) so the API has
something to read; figures, actions and returns go through their services (tests/api_work.py).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.test import Client

from indicators.models import (
    ChainLevel,
    Indicator,
    Objective,
    PeriodKind,
    PeriodStatus,
    ReportingPeriod,
    ResultsChainEntry,
    Strand,
    Target,
)
from partnerships.services import tokens as services_tokens

from .cast import Side


def plan_for(side: Side, *, extra: int = 0) -> dict:
    """One strand, objective, chain entry, period and indicator (with two targets) in ``side``'s
    partnership, plus ``extra`` more of each. Returns the first of each by kind."""
    p = side.partnership
    made: dict = {}
    base = Indicator.objects.filter(partnership=p, code__startswith="IND-").count()
    for i in range(base, base + 1 + extra):
        strand = Strand.objects.create(partnership=p, code=f"strand-{i}", name=f"Strand {i}", order=i)
        objective = Objective.objects.create(
            partnership=p, code=f"OBJ{i}", title=f"Objective {i}", strand=strand, owner_organisation=side.police
        )
        entry = ResultsChainEntry.objects.create(
            partnership=p, objective=objective, level=ChainLevel.OUTPUT, description=f"Output {i}"
        )
        start = dt.date(2031, 4, 1) + dt.timedelta(days=92 * i)  # clear of the current year (its own quarters)
        period = ReportingPeriod.objects.create(
            partnership=p,
            kind=PeriodKind.QUARTER,
            start=start,
            end=start + dt.timedelta(days=90),
            label=f"Quarter {i}",
            status=PeriodStatus.OPEN if i % 2 == 0 else PeriodStatus.NOT_OPEN,
        )
        indicator = Indicator.objects.create(
            partnership=p,
            code=f"IND-{i:02d}",
            name=f"Indicator {i}",
            strand=strand,
            objective=objective,
            chain_entry=entry,
            disaggregation=["age_group", "sex"],
        )
        indicator.reporting_organisations.set([side.police, side.charity])
        Target.objects.create(partnership=p, indicator=indicator, period=period, value=Decimal("10.50"))
        Target.objects.create(partnership=p, indicator=indicator, period=None, value=Decimal("40"))
        for key, obj in (
            ("strand", strand),
            ("objective", objective),
            ("entry", entry),
            ("period", period),
            ("indicator", indicator),
        ):
            made.setdefault(key, obj)
    return made


def plan_of(side: Side) -> dict:
    """The plan of ``side``, made on first use (found again by its first indicator: a partnership
    starts with the 4Ps strands, so a strand alone says nothing)."""
    indicator = (
        Indicator.objects.filter(partnership=side.partnership, code__startswith="IND-")
        .select_related("strand", "objective", "chain_entry")
        .order_by("id")
        .first()
    )
    if indicator is None:
        return plan_for(side)
    return {
        "strand": indicator.strand,
        "objective": indicator.objective,
        "entry": indicator.chain_entry,
        "period": Target.objects.get(indicator=indicator, period__isnull=False).period,
        "indicator": indicator,
    }


def token_for(user, name: str = "Test integration") -> str:
    return services_tokens.token_create(actor=user, name=name)[1]


def bearer(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


class ApiClient:
    """A test client that sends JSON with a bearer token."""

    def __init__(self, secret: str | None = None):
        self.client = Client()
        self.headers = bearer(secret) if secret else {}

    def call(self, method: str, url: str, data=None, **extra):
        kwargs = {**self.headers, **extra}
        if method == "get":
            return self.client.get(url, data or {}, **kwargs)
        return getattr(self.client, method)(
            url, data if data is not None else {}, content_type="application/json", **kwargs
        )

    def get(self, url, data=None, **extra):
        return self.call("get", url, data, **extra)

    def post(self, url, data=None, **extra):
        return self.call("post", url, data, **extra)

    def patch(self, url, data=None, **extra):
        return self.call("patch", url, data, **extra)

    def put(self, url, data=None, **extra):
        return self.call("put", url, data, **extra)

    def delete(self, url, data=None, **extra):
        return self.call("delete", url, data, **extra)
