"""Demo only: Northshire records the nationality of the potential victims it identifies, as the NRM
statistics do, and splits one indicator by nationality and sex together. The make-up is plausible for
an English county (British, Albanian and Vietnamese nationals the largest groups; more men than women
among Albanian and Sudanese nationals, more women among Romanian ones), not real data."""

from __future__ import annotations

from indicators.models import Dimension, Indicator

from . import services
from .dimensions import cell_key

KEY = "nationality"
CROSSTAB = "nationality*sex"
CATEGORIES = ["British", "Albanian", "Vietnamese", "Romanian", "Eritrean", "Sudanese", "Other", "Unknown"]
KEYS = [c.lower() for c in CATEGORIES]
# per cent of each sex group by nationality, in CATEGORIES' order (each row adds up to 100)
SHARES = {
    "female": (31, 15, 11, 12, 5, 2, 17, 7),
    "male": (25, 27, 9, 5, 7, 9, 15, 3),
    "unknown": (20, 20, 10, 8, 6, 6, 15, 15),
}
OVERALL = (27, 22, 10, 8, 6, 6, 16, 5)
# Victim identification (objective O6): each is split by nationality; the first by nationality × sex too.
IDENTIFYING = ("O6-01", "O6-06", "O6-07", "O6-08")


def prepare(demo) -> None:
    """The nationality dimension and the identification indicators' new splits, if missing."""
    partnership, actor = demo.partnership, demo.people.get("coordinator")
    if not Dimension.objects.filter(partnership=partnership, key=KEY).exists():
        services.dimension_create(
            actor=actor,
            partnership=partnership,
            name="Nationality",
            description="As recorded at identification or referral; “Unknown” where it was not.",
            categories=CATEGORIES,
        )
    for position, indicator in enumerate(
        Indicator.objects.filter(partnership=partnership, library_code__in=IDENTIFYING).order_by("code")
    ):
        wanted = [KEY, CROSSTAB] if position == 0 and "sex" in (indicator.disaggregation or []) else [KEY]
        missing = [k for k in wanted if k not in (indicator.disaggregation or [])]
        if missing:
            services.indicator_update(
                actor=actor, indicator=indicator, disaggregation=[*(indicator.disaggregation or []), *missing]
            )


def _share_out(total: int, shares, seed: int) -> dict[str, int]:
    """``total`` people shared out by ``shares`` one by one at evenly spaced points (systematic
    sampling), the starting point moved by ``seed``: a small figure then goes to different groups in
    different quarters and organisations, and over many figures each group gets about its share."""
    bounds, running = [], 0
    for share in shares:
        running += share
        bounds.append(running)
    start = (seed * 61) % 100 / 100
    parts = dict.fromkeys(KEYS, 0)
    for k in range(total):
        point = (start + k) / total * running
        parts[KEYS[next(i for i, b in enumerate(bounds) if point < b)]] += 1
    return parts


def splits(value: int, disaggregation, by_sex: dict[str, int] | None, seed: int) -> dict:
    """The nationality split of a figure of ``value`` people and, where the indicator has it, the
    nationality × sex cross-tab built from its split by sex, so that every cell adds up both ways."""
    keys = disaggregation or []
    if KEY not in keys or value <= 0:
        return {}
    if CROSSTAB in keys and by_sex:
        cells: dict[str, int] = {}
        for sex, n in by_sex.items():
            for nationality, count in _share_out(n, SHARES.get(sex, OVERALL), seed).items():
                if count:
                    cells[cell_key((nationality, sex))] = count
        margin: dict[str, int] = {}
        for cell, n in cells.items():
            nationality = cell.split("*")[0]
            margin[nationality] = margin.get(nationality, 0) + n
        return {KEY: margin, CROSSTAB: cells}
    return {KEY: {k: n for k, n in _share_out(value, OVERALL, seed).items() if n}}
