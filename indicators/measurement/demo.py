"""Demo measurement data, made through the services; running it again adds only what is missing.

Northshire: the ~40 library indicators its objectives name (``demo_content.OBJECTIVES``), with
baselines, quarterly targets and figures for last year and this year so far (some indicators on
track, some at risk, some off track), split by age group, sex and exploitation type where the
indicator is. Riverside: a lighter set. ``--size large``: Westmoor with 300 indicators, 12 quarters
of figures and all 60 organisations reporting. Figures go through ``figures_record_many`` (every
row validated like ``figure_record``; one audit event per period batch).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_FLOOR, Decimal

from django.db import transaction
from django.utils import timezone

from partnerships.access import scoped
from partnerships.demo import DemoWorld

from .. import demo_content, library_data
from ..models import (
    CaseStudy,
    Figure,
    Indicator,
    Objective,
    OutcomeHarvest,
    PeriodKind,
    PeriodStatus,
    ReportingPeriod,
    Rollup,
    RuleKind,
    Target,
    Unit,
)
from ..models.figures import DIMENSIONS, FigureSource
from . import demo_nationality, services
from .services.figures import FigureInput
from .services.periods import year_start_for
from .validation_rules import active_rules

# How each indicator performs against its target, by position: on track, at risk or off track.
PERFORMANCE = (Decimal("1.15"), Decimal("1.0"), Decimal("0.94"), Decimal("0.7"), Decimal("1.05"), Decimal("0.55"))


def seed(world: DemoWorld) -> None:
    today = timezone.localdate()
    if "northshire" in world.partnerships:
        demo = world.partnerships["northshire"]
        with transaction.atomic():
            _seed_partnership(
                demo, _northshire_codes(), years_back=1, today=today, reporters_each=3, prepare=demo_nationality.prepare
            )
            _seed_evidence(demo)
    if "riverside" in world.partnerships:
        demo = world.partnerships["riverside"]
        codes = [
            [i["code"] for i in library_data.LIBRARY_INDICATORS if i["objective"] == o["code"]][:2]
            for o in library_data.LIBRARY_OBJECTIVES
        ]
        with transaction.atomic():
            _seed_partnership(demo, [(None, c) for c in codes], years_back=0, today=today, reporters_each=2)
    if world.size == "large" and "westmoor" in world.partnerships:
        with transaction.atomic():
            _seed_large(world.partnerships["westmoor"], today)


def _northshire_codes() -> list[tuple[str | None, list[str]]]:
    return [(o["code"], list(o["library_indicator_codes"])) for o in demo_content.OBJECTIVES]


def _ensure_years(partnership, actor, today: date, years_back: int) -> list[ReportingPeriod]:
    """The financial years from ``years_back`` ago to this one; returns the quarters that have started."""
    start = year_start_for(partnership, today)
    for back in range(years_back, -1, -1):
        year_start = date(start.year - back, start.month, 1)
        services.periods_ensure_year(actor=actor, partnership=partnership, year_start=year_start)
    return list(
        ReportingPeriod.objects.filter(
            partnership=partnership,
            kind=PeriodKind.QUARTER,
            start__gte=date(start.year - years_back, start.month, 1),
            start__lte=today,
        ).order_by("start")
    )


def _seed_partnership(demo, groups, *, years_back: int, today: date, reporters_each: int, prepare=None) -> None:
    partnership, actor = demo.partnership, demo.people.get("coordinator")
    quarters = _ensure_years(partnership, actor, today, years_back)
    for objective_code, codes in groups:
        objective = Objective.objects.filter(partnership=partnership, code=objective_code).first()
        services.library_adopt(actor=actor, partnership=partnership, codes=codes, objective=objective)
    indicators = list(Indicator.objects.filter(partnership=partnership).prefetch_related("reporting_organisations"))
    if prepare is not None:  # the partnership's own splits, before any figure is split by them
        prepare(demo)
        indicators = list(Indicator.objects.filter(partnership=partnership).prefetch_related("reporting_organisations"))
    _means_of_verification(actor, indicators)
    _baselines_and_targets(actor, indicators, quarters)
    _figures(partnership, actor, indicators, quarters, reporters_each)


def _means_of_verification(actor, indicators) -> None:
    """Where each figure can be checked: the library's first data source, kept by the first reporter."""
    for indicator in indicators:
        if indicator.means_of_verification or not indicator.collection_method:
            continue
        source = indicator.collection_method.split(";")[0].strip()
        keepers = sorted(o.name for o in indicator.reporting_organisations.all())
        text = f"{source}, kept by {keepers[0]}" if keepers else source
        if len(keepers) > 1:
            text += f" and {len(keepers) - 1} other partner{'s' if len(keepers) > 2 else ''}"
        services.indicator_update(actor=actor, indicator=indicator, means_of_verification=text + ".")


def _target_for(indicator: Indicator, position: int) -> Decimal:
    suggested = library_data.SUGGESTED_TARGETS.get(indicator.library_code)
    if suggested is not None and indicator.unit == Unit.PERCENTAGE:
        return Decimal(suggested)
    if indicator.rule in (Rollup.STOCK, Rollup.STOCK_AVERAGE):
        # A level to reach, not a quarter's flow: within reach of the organisations that report it
        return Decimal(max(2, len(indicator.reporting_organisations.all()) + position % 3))
    if indicator.unit == Unit.PERCENTAGE:
        share = 60 + (position * 7) % 30
        return Decimal(100 - share if indicator.direction == "lower" else share)  # lower is better: a low aim
    if indicator.unit == Unit.SCORE:
        return Decimal(3 + position % 2)
    if indicator.unit == Unit.YES_NO:
        return Decimal(1)
    return Decimal(4 + (position * 7) % 20)


def _baselines_and_targets(actor, indicators, quarters) -> None:
    with_targets = set(
        Target.objects.filter(indicator__in=indicators, period__isnull=False).values_list("indicator_id", flat=True)
    )
    first = quarters[0].start if quarters else None
    for position, indicator in enumerate(indicators):
        if indicator.unit == Unit.TEXT or indicator.pk in with_targets:
            continue
        target = _target_for(indicator, position)
        if indicator.baseline_value is None:
            # A quarter's figure before the plan began, compared with quarters (a flow's year is four of them)
            baseline = (target * Decimal("0.8")).quantize(Decimal(1)) if indicator.unit != Unit.YES_NO else 0
            services.indicator_update(
                actor=actor,
                indicator=indicator,
                baseline_value=Decimal(baseline),
                baseline_date=first,
                baseline_span="quarter",
            )
        for quarter in quarters:
            services.target_set(actor=actor, indicator=indicator, period=quarter, value=target)
        whole_plan = library_data.SUGGESTED_TARGETS.get(indicator.library_code)
        if whole_plan is None:
            whole_plan = target * 4 if indicator.rule == Rollup.FLOW else target
        services.target_set(actor=actor, indicator=indicator, period=None, value=Decimal(whole_plan))


# Each dimension's own make-up (per cent by category, in DIMENSIONS' order), so the splits of one figure
# differ as real ones do: most victims found locally are adults, men slightly outnumber women, and labour
# and criminal exploitation lead; the indicator's position shifts them a little.
SPLIT_SHARES = {
    "age_group": (78, 17, 5),
    "sex": (41, 52, 7),
    "exploitation_type": (38, 21, 27, 9, 5),
}


def _split(value: int, dim: str, seed: int = 0) -> dict[str, int]:
    categories = list(DIMENSIONS[dim][1])
    shares = list(SPLIT_SHARES[dim])
    shift = seed % 7 - 3  # a few points either way between indicators and quarters
    shares[0], shares[1] = shares[0] + shift, shares[1] - shift
    parts = {c: value * s // 100 for c, s in zip(categories, shares, strict=True)}
    biggest = max(range(len(categories)), key=lambda i: shares[i])
    parts[categories[biggest]] += value - sum(parts.values())  # what rounding left goes to the largest group
    return {c: n for c, n in parts.items() if n}


def _value(indicator: Indicator, position: int, quarter_index: int, target: Decimal, share: int, n: int):
    factor = PERFORMANCE[position % len(PERFORMANCE)]
    if quarter_index % 3 == 2:  # some wobble between quarters
        factor -= Decimal("0.05")
    if indicator.direction == "lower":
        factor = 1 / factor
    if indicator.unit == Unit.PERCENTAGE:
        return min(Decimal(100), (target * factor).quantize(Decimal(1)))
    if indicator.unit == Unit.SCORE:
        return min(Decimal(5), (target * factor).quantize(Decimal("0.1")))
    if indicator.unit == Unit.YES_NO:
        return Decimal(1 if factor >= Decimal("0.9") else 0)
    if indicator.rule in (Rollup.STOCK, Rollup.STOCK_AVERAGE):
        factor *= min(Decimal(1), Decimal("0.75") + Decimal("0.1") * quarter_index)  # a level builds up
    total = int((target * factor).quantize(Decimal(1)))
    return Decimal(total // n + (1 if share < total % n else 0))


def _numbers(indicator: Indicator, value: Decimal, seed: int) -> dict:
    """A proportion as how many out of how many (organisations differ in size); a score with the number
    of responses behind it."""
    if indicator.rule == Rollup.RATIO:
        out_of = 5 + seed % 56
        return {"value": "", "numerator": (out_of * value / 100).quantize(Decimal(1)), "denominator": out_of}
    if indicator.rule == Rollup.MEAN:
        return {"value": value, "denominator": 4 + seed % 37}
    return {"value": value}


def _figures(partnership, actor, indicators, quarters, reporters_each: int, *, offset: int = 0) -> None:
    done = set(Figure.objects.filter(partnership=partnership).values_list("period_id", flat=True).distinct())
    latest = quarters[-1] if quarters else None
    for q_index, quarter in enumerate(quarters):
        if quarter.pk in done:
            continue
        if quarter.status == PeriodStatus.NOT_OPEN:
            quarter = services.period_open(actor=actor, period=quarter)
        if quarter.status != PeriodStatus.OPEN:
            continue
        rows = []
        for position, indicator in enumerate(indicators):
            reporters = (
                list(indicator.reporting_organisations.all())[offset % 3 :][:reporters_each]
                or list(indicator.reporting_organisations.all())[:reporters_each]
            )
            target = _target_for(indicator, position)
            for share, organisation in enumerate(reporters):
                if indicator.unit == Unit.TEXT:
                    rows.append(
                        FigureInput(
                            indicator=indicator,
                            period=quarter,
                            organisation=organisation,
                            value="",
                            text_value="Progress noted at the quarterly meeting; see the minutes.",
                        )
                    )
                    continue
                value = _value(indicator, position, q_index, target, share, len(reporters))
                seed = position * 31 + q_index * 7 + share * 13
                breakdown = _breakdown(indicator, value, seed)
                rows.append(
                    FigureInput(
                        indicator=indicator,
                        period=quarter,
                        organisation=organisation,
                        breakdown=breakdown,
                        **_numbers(indicator, value, seed),
                    )
                )
        if rows:
            keep_rules(active_rules(partnership), rows)
            services.figures_record_many(actor=actor, partnership=partnership, rows=rows, source=FigureSource.DEMO)
        if latest is not None and quarter.pk != latest.pk:
            services.period_lock(actor=actor, period=quarter)


def within_rules(rules, values: dict[int, Decimal]) -> dict[int, Decimal]:
    """One organisation's figures for a period (by indicator id), with the left-hand figures of each
    "≤" or "<" rule scaled down (whole numbers, rounded down) to fit under its right-hand side, so
    that related demo figures agree (individuals convicted never more than convictions). Demo only."""
    for rule in rules:
        if rule.kind != RuleKind.COMPARE or rule.operator not in ("le", "lt"):
            continue
        if any(values.get(s.pk) is None for s in rule.left + rule.right):
            continue
        left = sum(values[s.pk] for s in rule.left)
        room = max(sum(values[s.pk] for s in rule.right) - (1 if rule.operator == "lt" else 0), 0)
        if left <= room:
            continue
        for side in rule.left:
            values[side.pk] = (values[side.pk] * room / left).to_integral_value(rounding=ROUND_FLOOR)
    return values


def keep_rules(rules, rows: list[FigureInput]) -> None:
    """``within_rules`` for a batch of demo rows: changes the value of a row that breaks a rule
    and splits it again."""
    if not rules:
        return
    by_key: dict[tuple, dict[int, FigureInput]] = {}
    for row in rows:
        if row.indicator.unit in (Unit.COUNT, Unit.MONEY) and row.value not in ("", None):
            by_key.setdefault((row.period.pk, row.organisation.pk), {})[row.indicator.pk] = row
    for found in by_key.values():
        fitted = within_rules(rules, {pk: Decimal(row.value) for pk, row in found.items()})
        for pk, row in found.items():
            _scale(row, fitted[pk], Decimal(row.value))
    # then the partnership's combined figure of each period (organisations report different indicators)
    by_period: dict[int, dict[int, list[FigureInput]]] = {}
    for (period_id, _), found in by_key.items():
        for pk, row in found.items():
            by_period.setdefault(period_id, {}).setdefault(pk, []).append(row)
    for found in by_period.values():
        totals = {pk: sum(Decimal(r.value) for r in rows_) for pk, rows_ in found.items()}
        fitted = within_rules(rules, dict(totals))
        for pk, rows_ in found.items():
            for row in rows_:
                _scale(row, fitted[pk], totals[pk])


def _scale(row: FigureInput, fitted: Decimal, was: Decimal) -> None:
    if fitted == was:
        return
    value = (Decimal(row.value) * fitted / was).to_integral_value(rounding=ROUND_FLOOR) if was else Decimal(0)
    row.value = value
    row.breakdown = _breakdown(row.indicator, value)


def _breakdown(indicator: Indicator, value, seed: int = 0) -> dict:
    """A count's splits: the built-in dimensions by their shares, then nationality (and nationality
    × sex, built from the split by sex) where Northshire records it."""
    if indicator.unit != Unit.COUNT or not value or value <= 0:
        return {}
    found = {dim: _split(int(value), dim, seed) for dim in indicator.disaggregation or [] if dim in SPLIT_SHARES}
    return found | demo_nationality.splits(int(value), indicator.disaggregation, found.get("sex"), seed)


def _seed_evidence(demo) -> None:
    partnership, actor = demo.partnership, demo.people.get("coordinator")
    if not OutcomeHarvest.objects.filter(partnership=partnership).exists():
        services.outcome_harvest_create(
            actor=actor,
            partnership=partnership,
            title="Hand car washes now check right-to-work papers",
            what_changed="Five of the eight hand car washes visited in the spring now keep copies of workers' "
            "right-to-work checks and display the helpline poster.",
            for_whom="Owners of hand car washes in Eastbrook",
            when=date(timezone.localdate().year, 6, 12),
            contribution="Joint licensing and police visits, followed by a plain-language guide from the "
            "business network.",
            evidence="Visit records from the district council and the business network's follow-up calls.",
            confidence="medium",
            objective=Objective.objects.filter(partnership=partnership, code="OBJ3").first(),
        )
        services.outcome_harvest_create(
            actor=actor,
            partnership=partnership,
            title="Health staff refer earlier",
            what_changed="Emergency department staff referred three people to the partnership within a day of "
            "first contact, where last year referrals took weeks.",
            for_whom="Emergency department staff at the NHS trust",
            when=date(timezone.localdate().year, 9, 3),
            contribution="Two training sessions run by Safe Harbour with the trust's safeguarding lead.",
            evidence="Safeguarding team referral log (dates only).",
            confidence="high",
        )
    if not CaseStudy.objects.filter(partnership=partnership).exists():
        services.case_study_create(
            actor=actor,
            partnership=partnership,
            title="From a nail bar to a college course",
            summary="A young woman in her twenties was found working long unpaid hours in a nail bar and living "
            "above it. After a joint visit she was offered safe accommodation the same night, entered "
            "the National Referral Mechanism and, a year on, is studying for a qualification.",
            what_helped="One named worker from first contact to move-on; an interpreter she trusted.",
            consent_confirmed=True,
        )


def _seed_large(demo, today: date) -> None:
    """Westmoor: 300 indicators (library-based, numbered), 12 quarters, all 60 organisations reporting."""
    partnership, actor = demo.partnership, demo.people.get("coordinator")
    organisations = list(demo.organisations.values())
    quarters = _ensure_years(partnership, actor, today, 3)[-12:]
    existing = set(Indicator.objects.filter(partnership=partnership).values_list("code", flat=True))
    library = [i for i in library_data.LIBRARY_INDICATORS if i["unit"] != "text"]
    # Each indicator serves one of the strategy seeder's 40 objectives, in turn, under its strand
    objectives = list(scoped(partnership, Objective).select_related("strand").order_by("code"))
    for n in range(300):
        code = f"WM-{n + 1:03d}"
        if code in existing:
            continue
        item = library[n % len(library)]
        round_ = n // len(library)
        reporters = [organisations[(n * 7 + k) % len(organisations)] for k in range(12)]
        services.indicator_create(
            actor=actor,
            partnership=partnership,
            reporting_organisations=reporters,
            code=code,
            name=item["name"] + (f" (area {round_ + 1})" if round_ else ""),
            definition=item["description"],
            type=item["type"],
            unit=item["unit"],
            rollup=library_data.rollup_of(item),
            direction=item["direction"],
            frequency="quarterly",
            disaggregation=list(item["disaggregation"]),
            library_code=item["code"],
            objective=objectives[n % len(objectives)] if objectives else None,
            strand=objectives[n % len(objectives)].strand if objectives else None,
            range_low=Decimal(0) if item["direction"] == "range" else None,
            range_high=Decimal(100) if item["direction"] == "range" else None,
        )
    indicators = list(Indicator.objects.filter(partnership=partnership).prefetch_related("reporting_organisations"))
    _baselines_and_targets(actor, indicators, quarters[-8:])
    _figures(partnership, actor, indicators, quarters, reporters_each=12)
    _seed_large_evidence(demo, today)


# Westmoor's outcome-harvest entries: (objective code, title, what changed, for whom, month, contribution,
# evidence, confidence). W04 reduces risk in high-risk workplaces, W07 finds and refers victims earlier,
# W05 raises awareness (the strategy seeder's objectives, in the order of Northshire's eight).
LARGE_OUTCOMES = (
    (
        "W04",
        "Farm labour providers now check where workers live",
        "Four of the six labour providers supplying Halton Marsh farms now visit workers' housing before a "
        "placement starts, where none did before.",
        "Labour providers serving farms in Halton Marsh",
        5,
        "Joint visits by the council, police and the business forum, and a short checklist the forum wrote.",
        "Providers' own visit logs, seen by the business forum at its next meeting.",
        "medium",
    ),
    (
        "W07",
        "GP practices in Kingsbridge refer through one route",
        "Every GP practice in Kingsbridge now sends concerns to the same safeguarding contact, and the first "
        "three referrals reached support within two days.",
        "GP practices and their patients in Kingsbridge",
        8,
        "Training sessions by the health partnership and a one-page referral route agreed with the police.",
        "The health partnership's referral log (dates only).",
        "high",
    ),
    (
        "W05",
        "Faith groups invite the police to speak",
        "Two faith groups in Orwell that had avoided statutory services asked the police and council to speak "
        "at their meetings.",
        "Faith communities in Orwell",
        10,
        "Months of visits by the faith network's community champions with a named officer.",
        "Meeting invitations and the champions' notes.",
        "low",
    ),
)
LARGE_CASES = (
    (
        "From a car wash to a tenancy of his own",
        "A man in his thirties was found sleeping at the hand car wash where he worked unpaid. After a joint "
        "visit he entered the National Referral Mechanism, stayed in a safe house for four months and, with "
        "tenancy support from the housing association, now rents a flat and works for a local employer.",
        "The same support worker throughout, and a housing officer who found a home before his safe-house stay ended.",
    ),
    (
        "A teenager kept out of county lines",
        "A fifteen-year-old reported missing three times was recognised by a school nurse as at risk of "
        "criminal exploitation. A joint plan between the school, police and youth service kept him in "
        "education; he has not gone missing since.",
        "A school nurse who knew the signs and one plan that every service followed.",
    ),
)


def _seed_large_evidence(demo, today: date) -> None:
    partnership, actor = demo.partnership, demo.people.get("coordinator")
    objectives = {o.code: o for o in scoped(partnership, Objective).filter(code__in=("W04", "W05", "W07"))}
    if not OutcomeHarvest.objects.filter(partnership=partnership).exists():
        start = year_start_for(partnership, today)
        for code, title, changed, whom, month, contribution, evidence, confidence in LARGE_OUTCOMES:
            when = date(start.year + (month < start.month), month, 10)
            services.outcome_harvest_create(
                actor=actor,
                partnership=partnership,
                title=title,
                what_changed=changed,
                for_whom=whom,
                when=min(when, today),
                contribution=contribution,
                evidence=evidence,
                confidence=confidence,
                objective=objectives.get(code),
            )
    if not CaseStudy.objects.filter(partnership=partnership).exists():
        for title, summary, helped in LARGE_CASES:
            services.case_study_create(
                actor=actor,
                partnership=partnership,
                title=title,
                summary=summary,
                what_helped=helped,
                consent_confirmed=True,
            )
