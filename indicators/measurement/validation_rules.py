"""Validation rules across indicators: the one place where a rule is judged.

``evaluate(rules, facts)`` takes rules (``Rule``, made from a ``ValidationRule`` by ``compile_rule``)
and figures (``Fact``: indicator, period, organisation, value, split) and returns every ``Breach``
in plain words. It reads nothing from the database, so it is tested with hand-computed cases.

How a rule is judged
- A *compare* rule sums the figures of its left-hand indicators and of its right-hand ones for one
  organisation and one period, and compares the sums with its operator (≤, <, =, ≥, >, ≠).
- The same rule is judged on the partnership's combined figure for each period (each indicator's
  figures summed across organisations), but only when every indicator of the rule is a count or an
  amount of money: a percentage or a score does not add up across organisations.
- **A missing figure means no judgement**: when any indicator of either side has no figure (or a
  blank one) for that organisation and period, the rule can say nothing and there is no breach.
  (A rule "A ≤ B" with A given and B not yet given is not broken; it is checked when B arrives.)
- A *split total* rule says each split of an indicator (by age group, sex, exploitation type) adds
  up to its total. The arithmetic is the figures service's own ``parse_breakdown`` (the check every
  figure passes when entered); the rule finds figures that escaped it (entered before a split was
  checked, or changed by hand) and lists them in the rules report.

The checks at entry (``check_figures``) and the partnership's report (``selectors.rule_breaches``)
both call ``evaluate``; the figures service (``figure_record``, ``figures_record_many``) refuses a
figure that breaks a "must hold" rule, and the returns service refuses to submit such a return.
"""

from __future__ import annotations

import operator as op
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from ..models import Figure, RuleKind, RuleSeverity, Unit, ValidationRule
from ..models.figures import DIMENSIONS
from .figure_parsing import SEP, parse_breakdown  # the figures service's own check, not a copy

COMPARISONS = {
    "le": (op.le, "at most"),
    "lt": (op.lt, "less than"),
    "eq": (op.eq, "equal to"),
    "ge": (op.ge, "at least"),
    "gt": (op.gt, "more than"),
    "ne": (op.ne, "different from"),
}
SYMBOLS = {"le": "≤", "lt": "<", "eq": "=", "ge": "≥", "gt": ">", "ne": "≠"}
SUMMABLE_UNITS = {Unit.COUNT, Unit.MONEY}


@dataclass(frozen=True)
class Side:
    """An indicator as a rule sees it."""

    pk: int
    code: str
    name: str
    unit: str = Unit.COUNT
    disaggregation: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    pk: int | None
    name: str
    left: tuple[Side, ...]
    right: tuple[Side, ...] = ()
    operator: str = "le"
    severity: str = RuleSeverity.WARNING
    kind: str = RuleKind.COMPARE

    @property
    def must_hold(self) -> bool:
        return self.severity == RuleSeverity.MUST_HOLD

    @property
    def indicator_ids(self) -> set[int]:
        return {s.pk for s in self.left + self.right}

    @property
    def summable(self) -> bool:
        return all(s.unit in SUMMABLE_UNITS for s in self.left + self.right)

    @property
    def statement(self) -> str:
        """The rule in symbols, e.g. "O5-03 ≤ O5-02"."""
        if self.kind == RuleKind.SPLIT_TOTAL:
            return f"{' + '.join(s.code for s in self.left)}: each split adds up to the total"
        return (
            f"{' + '.join(s.code for s in self.left)} {SYMBOLS[self.operator]} {' + '.join(s.code for s in self.right)}"
        )


@dataclass(frozen=True)
class Fact:
    """One organisation's figure for an indicator in a period."""

    indicator_id: int
    period_id: int
    organisation_id: int
    value: Decimal | None
    breakdown: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Breach:
    rule: Rule
    period_id: int
    organisation_id: int | None  # None: the partnership's combined figure
    left: Decimal
    right: Decimal
    sentence: str
    period: str = ""
    organisation: str = ""

    @property
    def severity(self) -> str:
        return self.rule.severity

    @property
    def must_hold(self) -> bool:
        return self.rule.must_hold

    @property
    def left_shown(self) -> str:
        return _plain(self.left)

    @property
    def right_shown(self) -> str:
        return _plain(self.right)

    def involves(self, indicator_id: int) -> bool:
        return indicator_id in self.rule.indicator_ids


def compile_rule(rule: ValidationRule) -> Rule:
    """A stored rule as ``evaluate`` reads it (its ``left`` and ``right`` prefetched, ideally)."""

    def sides(indicators) -> tuple[Side, ...]:
        return tuple(
            Side(pk=i.pk, code=i.code, name=i.name, unit=i.unit, disaggregation=tuple(i.disaggregation or ()))
            for i in sorted(indicators, key=lambda i: i.code)
        )

    return Rule(
        pk=rule.pk,
        name=rule.name,
        left=sides(rule.left.all()),
        right=sides(rule.right.all()),
        operator=rule.operator,
        severity=rule.severity,
        kind=rule.kind,
    )


def _plain(value: Decimal) -> str:
    value = Decimal(value)
    return f"{value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize():f}"


def _named(sides: tuple[Side, ...]) -> str:
    return " + ".join(f"{s.code} {s.name}" for s in sides)


def _where(period: str, organisation: str) -> str:
    return f"{organisation}, {period}: " if organisation else (f"{period}: " if period else "")


def _compare(rule: Rule, values: dict[int, Decimal | None]) -> tuple[Decimal, Decimal] | None:
    """The two sums when the rule is broken; None when it holds or cannot be judged."""
    if any(values.get(s.pk) is None for s in rule.left + rule.right):
        return None
    left = sum((values[s.pk] for s in rule.left), Decimal(0))
    right = sum((values[s.pk] for s in rule.right), Decimal(0))
    holds, _ = COMPARISONS[rule.operator]
    return None if holds(left, right) else (left, right)


def _compare_sentence(rule: Rule, left: Decimal, right: Decimal, where: str) -> str:
    _, words = COMPARISONS[rule.operator]
    return (
        f"{where}{_named(rule.left)} ({_plain(left)}) should be {words} "
        f"{_named(rule.right)} ({_plain(right)}) – rule “{rule.name}”."
    )


def _split_breaches(rule: Rule, fact: Fact) -> list[tuple[Decimal, str]]:
    """Each split of the figure that does not add up to its total: (the parts' sum, the message)."""

    side = rule.left[0]
    indicator = _IndicatorLike(side)
    found = []
    breakdown = fact.breakdown or {}
    registry = _registry_of(breakdown)
    for dim, parts in breakdown.items():
        if dim not in side.disaggregation:
            continue
        given = {dim: parts}
        if SEP in dim:  # a cross-tab is checked against its dimensions' own splits too
            given |= {d: breakdown[d] for d in dim.split(SEP) if d in breakdown}
        _, errors = parse_breakdown(indicator, fact.value, given, registry)
        for message in errors.get(f"breakdown_{dim}", []):
            total = sum((Decimal(str(p)) for p in (parts or {}).values() if str(p).strip()), Decimal(0))
            found.append((total, message))
    return found


def _registry_of(breakdown: dict) -> dict:
    """The dimensions a recorded breakdown uses, with the groups it names (their names are not needed
    to add up the parts): the rule checks figures of the partnership's own dimensions as of the built-ins."""
    registry: dict[str, tuple[str, dict[str, str]]] = {
        d: (label, dict(groups)) for d, (label, groups) in DIMENSIONS.items()
    }
    for key, parts in breakdown.items():
        dims = key.split(SEP)
        for cell in parts or {}:
            for dim, category in zip(dims, str(cell).split(SEP), strict=False):
                label, groups = registry.setdefault(dim, (dim.replace("_", " ").capitalize(), {}))
                groups.setdefault(category, category.replace("_", " "))
    return registry


@dataclass
class _IndicatorLike:
    side: Side

    @property
    def disaggregation(self):
        return list(self.side.disaggregation)


def evaluate(
    rules: Iterable[Rule],
    facts: Iterable[Fact],
    *,
    periods: dict[int, str] | None = None,
    organisations: dict[int, str] | None = None,
    combined: bool = True,
) -> list[Breach]:
    """Every breach of ``rules`` by ``facts``: per organisation and period, and (``combined``) for the
    partnership's combined figure of each period. Ordered by period (as in ``periods``), then
    organisation (the partnership's own line last), then rule name."""
    periods, organisations = periods or {}, organisations or {}
    by_key: dict[tuple[int, int], dict[int, Fact]] = defaultdict(dict)
    for fact in facts:
        by_key[(fact.period_id, fact.organisation_id)][fact.indicator_id] = fact
    totals: dict[int, dict[int, Decimal]] = defaultdict(dict)
    if combined:
        for (period_id, _), found in by_key.items():
            for indicator_id, fact in found.items():
                if fact.value is not None:
                    totals[period_id][indicator_id] = totals[period_id].get(indicator_id, Decimal(0)) + fact.value
    breaches: list[Breach] = []
    for rule in rules:
        for (period_id, organisation_id), found in by_key.items():
            period, organisation = periods.get(period_id, ""), organisations.get(organisation_id, "")
            where = _where(period, organisation)
            if rule.kind == RuleKind.SPLIT_TOTAL:
                fact = found.get(rule.left[0].pk)
                if fact is None or fact.value is None:
                    continue
                for total, message in _split_breaches(rule, fact):
                    breaches.append(
                        Breach(
                            rule,
                            period_id,
                            organisation_id,
                            total,
                            fact.value,
                            f"{where}{rule.left[0].code}: {message}",
                            period,
                            organisation,
                        )
                    )
                continue
            result = _compare(rule, {i: f.value for i, f in found.items()})
            if result:
                sentence = _compare_sentence(rule, *result, where)
                breaches.append(Breach(rule, period_id, organisation_id, *result, sentence, period, organisation))
        if combined and rule.kind == RuleKind.COMPARE and rule.summable:
            for period_id, sums in totals.items():
                result = _compare(rule, sums)
                if result:
                    period = periods.get(period_id, "")
                    where = f"The partnership as a whole, {period}: " if period else "The partnership as a whole: "
                    sentence = _compare_sentence(rule, *result, where)
                    breaches.append(Breach(rule, period_id, None, *result, sentence, period, ""))
    order = {pk: n for n, pk in enumerate(periods)}
    breaches.sort(
        key=lambda b: (order.get(b.period_id, len(order)), b.organisation_id is None, b.organisation, b.rule.name)
    )
    return breaches


# --- reading rules and figures ------------------------------------------------------------


def active_rules(partnership, indicator_ids: Iterable[int] | None = None) -> list[Rule]:
    """The partnership's active rules (those naming any of ``indicator_ids``, if given). Three queries."""
    from partnerships.access import scoped

    rules = scoped(partnership, ValidationRule).filter(is_active=True)
    if indicator_ids is not None:
        ids = set(indicator_ids)
        if not ids:
            return []
        named = ValidationRule.left.through.objects.filter(indicator_id__in=ids).values("validationrule_id")
        named_right = ValidationRule.right.through.objects.filter(indicator_id__in=ids).values("validationrule_id")
        from django.db.models import Q

        rules = rules.filter(Q(pk__in=named) | Q(pk__in=named_right))
    return [compile_rule(r) for r in rules.prefetch_related("left", "right")]


def facts_of(figures) -> list[Fact]:
    """Facts from a Figure queryset, in one query."""
    return [
        Fact(row["indicator_id"], row["period_id"], row["organisation_id"], row["value"], row["breakdown"] or {})
        for row in figures.values("indicator_id", "period_id", "organisation_id", "value", "breakdown")
    ]


def check_figures(partnership, staged: list[Fact], *, rules: list[Rule] | None = None) -> list[Breach]:
    """The breaches that ``staged`` figures would make, judged with the figures already recorded for
    the same organisations and periods (a staged figure replaces the recorded one). Only breaches
    that involve a staged figure's indicator, organisation and period are returned. One query when
    no rule names a staged indicator; five otherwise."""
    if not staged:
        return []
    if rules is None:
        rules = active_rules(partnership, {f.indicator_id for f in staged})
    if not rules:
        return []
    keys = {(f.period_id, f.organisation_id) for f in staged}
    wanted = set().union(*(r.indicator_ids for r in rules))
    recorded = Figure.objects.filter(
        partnership=partnership,
        indicator_id__in=wanted,
        period_id__in={k[0] for k in keys},
        organisation_id__in={k[1] for k in keys},
    )
    merged = {(f.indicator_id, f.period_id, f.organisation_id): f for f in facts_of(recorded)}
    for fact in staged:
        merged[(fact.indicator_id, fact.period_id, fact.organisation_id)] = fact
    facts = [f for f in merged.values() if (f.period_id, f.organisation_id) in keys]
    touched = {(f.period_id, f.organisation_id): set() for f in staged}
    for fact in staged:
        touched[(fact.period_id, fact.organisation_id)].add(fact.indicator_id)
    return [
        b
        for b in evaluate(rules, facts, combined=False)
        if b.rule.indicator_ids & touched.get((b.period_id, b.organisation_id), set())
    ]


def partnership_breaches(partnership) -> tuple[list[Rule], list[Breach]]:
    """Selector for the rules report: the active rules and every breach of them in the partnership's
    recorded figures, by period (oldest first) and organisation, with the partnership's combined
    figure. Six queries whatever the number of rules, figures, periods or organisations."""
    from partnerships.access import scoped
    from partnerships.models import Organisation

    from ..models import ReportingPeriod

    rules = active_rules(partnership)
    if not rules:
        return rules, []
    wanted = set().union(*(r.indicator_ids for r in rules))
    facts = facts_of(scoped(partnership, Figure).filter(indicator_id__in=wanted))
    periods = dict(scoped(partnership, ReportingPeriod).order_by("start", "kind").values_list("pk", "label"))
    organisations = dict(scoped(partnership, Organisation).values_list("pk", "name"))
    return rules, evaluate(rules, facts, periods=periods, organisations=organisations)
