"""THE cross-partnership read: anonymised benchmarks. Review any change to this module carefully.

This is the only module that reads another partnership's data. It returns aggregates only —
ranges (lowest, highest), medians and the number of partnerships — and the asking partnership's
own figure. Nothing it returns names, identifies or carries the id of another partnership.

Rules (each tested in tests/test_benchmarking.py):

* only partnerships with ``BenchmarkingChoice.opted_in`` count, read live on every call, so opting
  out removes a partnership from every comparison at once; only the indicators each partnership
  chose to share count;
* the asking partnership must have opted in too (it sees others only when it shares its own);
* a comparison is shown only when at least ``MIN_PARTNERSHIPS`` (five) partnerships have a figure
  for that indicator and year. With three, the asking partnership knows its own figure and so
  reads the other two straight off the range: each would stand alone, and a partnership that
  knows who else takes part could tell whose is whose. Five is the usual floor for benchmarking
  clubs;
* counts in the range and median go through the disclosure policy (:mod:`aspm.disclosure.policy`):
  the strictest of the policies of the partnerships compared (the widest hidden band, and rounding
  to 5 if any of them rounds), printed on the page. The range and median do not add up to anything
  shown, so no hidden count can be worked out from them and no interval audit is needed;
* each partnership's year figure is combined by its indicator's own rule (``indicators.measurement.
  rollup``): a flow is the sum of its periods and counts only when they cover the whole year; a stock
  is its latest level; a proportion is its numerators over its denominators (a partnership whose
  proportion cannot be combined is left out, never averaged); a score is weighted by its responses.
  Only figures combined by the library's own rule are compared (a partnership that made a flow a
  stock is left out of that comparison, so a sum of quarters is never ranked against a level).
  Quarters, months and the whole year combine as on the results table (``year_figures``): a
  quarter is its organisations' quarter figures, with the months of any organisation that gave only
  months, or else its months'; a flow counts only when every quarter is covered.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import OuterRef, Subquery

from aspm.disclosure.policy import DEFAULT_POLICY, Policy, strictest
from aspm.financial_calendar import FinancialCalendar, year_label
from aspm.formatting import format_value
from partnerships.models import BenchmarkingChoice, DisclosurePolicy, Partnership

from . import rollup
from .rollup import Combined
from .services.benchmarking import SHAREABLE_UNITS
from .year_figures import quarter_of_organisations, year_actual

MIN_PARTNERSHIPS = 5


@dataclass(frozen=True)
class Comparison:
    """One indicator in one year across the partnerships that share it. No partnership is named."""

    library_code: str
    name: str  # the library's name of the indicator, not any partnership's own wording
    unit: str
    year: str
    partnerships: int  # how many partnerships have a figure (including this one, if it has)
    shown: bool
    reason: str
    low: str
    median: str
    high: str
    own: str  # this partnership's own figure ("" when it has none for the year)
    position: str  # where this partnership's own figure sits against the median
    # For the range drawing only (0-100 along the line); None when not shown.
    median_at: float | None = None
    own_at: float | None = None
    suppressed: bool = False
    policy: Policy | None = None  # the disclosure rules its figures were shown with


@dataclass(frozen=True)
class BenchmarkPage:
    opted_in: bool
    shared_codes: list[str]
    comparisons: list[Comparison]
    min_partnerships: int = MIN_PARTNERSHIPS

    @property
    def disclosure_notes(self) -> list[str]:
        """The disclosure rules the comparisons were shown with, each once (printed on the page)."""
        return list(dict.fromkeys(c.policy.summary for c in self.comparisons if c.policy))


def _library_names() -> dict[str, str]:
    from indicators.library_data import LIBRARY_INDICATORS

    return {i["code"]: i["name"] for i in LIBRARY_INDICATORS}


def _plain(value: Decimal, unit: str) -> str:
    return format_value(value, unit)


def _shown(value: Decimal, unit: str, policy: Policy) -> tuple[str, bool]:
    if unit == "count":
        return policy.show(int(value.to_integral_value(ROUND_HALF_UP)))
    return _plain(value, unit), False


class _Year:
    """One partnership's figures for one shared indicator in one financial year, by period and
    organisation, combined into the year by the rule used everywhere else (``year_figures``): each
    quarter from its organisations' quarter figures or their months' (``quarter_of_organisations``),
    the quarters over time, and a figure for the whole year only where no quarter has one."""

    def __init__(self):
        self.whole: dict[int, dict] = {}
        self.quarters: dict[int, dict[int, dict]] = defaultdict(dict)  # quarter -> organisation -> figures
        self.months: dict[int, dict] = defaultdict(lambda: defaultdict(dict))  # quarter -> month start -> org

    def add(self, kind: str, quarter: int, start, organisation: int, figures: dict) -> None:
        if kind == "year":
            self.whole[organisation] = figures
        elif kind == "quarter":
            self.quarters[quarter][organisation] = figures
        else:
            self.months[quarter][start][organisation] = figures

    def _quarter(self, rule: str, number: int) -> Combined:
        months = [by_org for _, by_org in sorted(self.months.get(number, {}).items())]
        return quarter_of_organisations(rule, self.quarters.get(number, {}), months)

    @property
    def complete(self) -> bool:
        """Every quarter has its own figure or all three of its months', or the year has its own."""
        every_quarter = all(n in self.quarters or len(self.months.get(n, {})) == 3 for n in range(1, 5))
        return every_quarter or (bool(self.whole) and not self.quarters and not self.months)

    def actual(self, rule: str) -> Combined:
        whole = rollup.across_organisations(rule, rollup.merge_aggregates(self.whole.values()))
        return year_actual(rule, [self._quarter(rule, n) for n in range(1, 5)], whole)


def _yearly_values(participants: dict[int, dict], codes: set[str]) -> dict[tuple[str, str, str], dict[int, Decimal]]:
    """{(library code, unit, year label): {partnership id: year value}} for the participants' shared
    indicators. One query; partnership ids never leave this module."""
    from indicators.library_data import LIBRARY_INDICATORS, rollup_of
    from indicators.models import Figure
    from indicators.models.measurement import default_rollup

    library = {item["code"]: item for item in LIBRARY_INDICATORS}

    def library_rollup(code: str, unit: str) -> str:
        item = library.get(code)
        return rollup_of(item) if item and item["unit"] == unit else default_rollup(unit)

    rows = (
        Figure.objects.filter(
            partnership_id__in=list(participants),
            partnership__is_active=True,
            indicator__is_active=True,
            indicator__library_code__in=codes,
            indicator__unit__in=SHAREABLE_UNITS,
            value__isnull=False,
        )
        .values(
            "partnership_id",
            "indicator_id",
            "organisation_id",
            "indicator__library_code",
            "indicator__unit",
            "indicator__rollup",
            "period__kind",
            "period__start",
        )
        .annotate(**rollup.AGGREGATES)
        .order_by("partnership_id", "indicator_id", "period__start", "organisation_id")
    )
    first_indicator: dict[tuple[int, str], int] = {}
    years: dict[tuple[int, str, str, str, str], _Year] = defaultdict(_Year)
    for r in rows:
        pid, code = r["partnership_id"], r["indicator__library_code"]
        if code not in participants[pid]["codes"]:
            continue  # not among the indicators this partnership chose to share
        if first_indicator.setdefault((pid, code), r["indicator_id"]) != r["indicator_id"]:
            continue  # two indicators from one library item: only the first one counts
        rule = r["indicator__rollup"] or default_rollup(r["indicator__unit"])
        if rule != library_rollup(code, r["indicator__unit"]):
            continue  # like with like: only figures combined by the library's own rule are compared
        quarter = FinancialCalendar(participants[pid]["start_month"]).quarter_of(r["period__start"])
        year = years[(pid, code, r["indicator__unit"], rule, year_label(quarter.year_start))]
        year.add(r["period__kind"], quarter.number, r["period__start"], r["organisation_id"], r)
    values: dict[tuple[str, str, str], dict[int, Decimal]] = defaultdict(dict)
    for (pid, code, unit, rule, label), year in years.items():
        if rule == "flow" and not year.complete:
            continue  # a part year would look like a low figure
        value = year.actual(rule).value
        if value is not None:  # a proportion that cannot be combined is left out, not averaged
            values[(code, unit, label)][pid] = value
    return values


def _along(value: Decimal, low: Decimal, span: Decimal) -> float:
    """Where a value sits along the range drawing, from 0 (lowest) to 100 (highest)."""
    return 50.0 if not span else round(float((value - low) / span * 100), 1)


def _position(own: Decimal | None, median: Decimal) -> str:
    if own is None:
        return "No figure of yours for this year"
    if own > median:
        return "Above the median"
    if own < median:
        return "Below the median"
    return "At the median"


def benchmarks(partnership: Partnership) -> BenchmarkPage:
    """The comparisons this partnership may see: two queries whatever the number of partnerships."""
    policy_row = DisclosurePolicy.objects.filter(partnership_id=OuterRef("partnership_id"))
    choices = list(
        BenchmarkingChoice.objects.filter(opted_in=True, partnership__is_active=True)
        .annotate(
            policy_method=Subquery(policy_row.values("method")[:1]),
            policy_threshold=Subquery(policy_row.values("threshold")[:1]),
        )
        .values(
            "partnership_id",
            "library_codes",
            "partnership__financial_year_start_month",
            "policy_method",
            "policy_threshold",
        )
    )
    participants = {
        c["partnership_id"]: {
            "codes": set(c["library_codes"] or []),
            "start_month": c["partnership__financial_year_start_month"],
            "policy": Policy(c["policy_method"], c["policy_threshold"]) if c["policy_method"] else DEFAULT_POLICY,
        }
        for c in choices
    }
    mine = participants.get(partnership.pk)
    if mine is None:
        own_choice = BenchmarkingChoice.objects.filter(partnership=partnership).values_list("library_codes", flat=True)
        return BenchmarkPage(opted_in=False, shared_codes=sorted(next(iter(own_choice), []) or []), comparisons=[])
    names = _library_names()
    values = _yearly_values(participants, mine["codes"])
    own_units = {(code, unit) for (code, unit, _), by_p in values.items() if partnership.pk in by_p}
    comparisons = []
    for (code, unit, year), by_partnership in sorted(values.items(), key=lambda kv: (kv[0][0], kv[0][2])):
        if partnership.pk not in by_partnership and (code, unit) not in own_units:
            continue  # the same library item measured in another unit than this partnership's
        figures = sorted(by_partnership.values())
        own = by_partnership.get(partnership.pk)
        n = len(figures)
        base = {"library_code": code, "name": names.get(code, code), "unit": unit, "year": year, "partnerships": n}
        own_text = _plain(own, unit) if own is not None else ""
        if n < MIN_PARTNERSHIPS:
            reason = (
                f"Fewer than {MIN_PARTNERSHIPS} partnerships have a figure for this year, so no range is shown: "
                "it could point to one partnership."
            )
            comparisons.append(
                Comparison(**base, shown=False, reason=reason, low="", median="", high="", own=own_text, position="")
            )
            continue
        policy = strictest(participants[pid]["policy"] for pid in by_partnership)
        low, high = figures[0], figures[-1]
        median = Decimal(str(statistics.median(figures)))
        cells = [_shown(v, unit, policy) for v in (low, median, high)]
        suppressed = any(hidden for _, hidden in cells)
        drawn = not suppressed and not policy.rounding_base  # positions would give exact figures back
        span = high - low

        comparisons.append(
            Comparison(
                **base,
                shown=True,
                reason="",
                low=cells[0][0],
                median=cells[1][0],
                high=cells[2][0],
                own=own_text,
                position=_position(own, median),
                median_at=_along(median, low, span) if drawn else None,
                own_at=_along(own, low, span) if drawn and own is not None else None,
                suppressed=suppressed,
                policy=policy,
            )
        )
    return BenchmarkPage(opted_in=True, shared_codes=sorted(mine["codes"]), comparisons=comparisons)
