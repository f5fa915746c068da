"""Plan data for annual report tests and the benchmark: strands, objectives with results chains,
indicators with baselines and targets, taken from the demo content and the indicator library.

Written straight to the tables (test data): the strategy and indicator services belong to other
branches. ``small_baselines`` puts counts below the small-count threshold on some indicators.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from indicators import demo_content, library_data
from indicators.models import (
    Indicator,
    Objective,
    PeriodKind,
    ReportingPeriod,
    ResultsChainEntry,
    Strand,
    Target,
)

STRANDS = (("pursue", "Pursue"), ("prevent", "Prevent"), ("protect", "Protect"), ("prepare", "Prepare"))
LEVELS = {"input": 1, "activity": 2, "output": 3, "outcome": 4, "impact": 5}
LIBRARY = {i["code"]: i for i in library_data.LIBRARY_INDICATORS}


def load_plan(partnership, year_start: date, *, objectives: int | None = None, copies: int = 1) -> dict:
    """Add the demo plan to ``partnership`` for the year starting ``year_start``. Returns counts."""
    strands = {}
    for order, (code, name) in enumerate(STRANDS):
        strands[code], _ = Strand.objects.get_or_create(
            partnership=partnership, code=code, defaults={"name": name, "order": order}
        )
    year_end = date(year_start.year + 1, year_start.month, 1) - timedelta(days=1)
    year, _ = ReportingPeriod.objects.get_or_create(
        partnership=partnership,
        kind=PeriodKind.YEAR,
        start=year_start,
        defaults={"end": year_end, "label": f"{year_start.year}/{str(year_start.year + 1)[-2:]}"},
    )
    quarters = []
    for q in range(4):
        start = date(year_start.year + (year_start.month + 3 * q - 1) // 12, (year_start.month + 3 * q - 1) % 12 + 1, 1)
        end = date(start.year + (start.month + 2) // 12, (start.month + 2) % 12 + 1, 1) - timedelta(days=1)
        period, _ = ReportingPeriod.objects.get_or_create(
            partnership=partnership,
            kind=PeriodKind.QUARTER,
            start=start,
            defaults={"end": end, "label": f"{year.label} Q{q + 1}"},
        )
        quarters.append(period)
    n_ind = 0
    chosen = demo_content.OBJECTIVES[:objectives] if objectives else demo_content.OBJECTIVES
    for copy in range(copies):
        suffix = f"-{copy + 1}" if copies > 1 else ""
        for spec in chosen:
            objective = Objective.objects.create(
                partnership=partnership,
                code=spec["code"] + suffix,
                title=spec["title"],
                description=spec["description"],
                strand=strands[spec["strand"]],
                pathway_stages=list(spec["pathway_stages"]),
                priority=spec["priority"],
                start_date=year_start - timedelta(days=365),
                end_date=year_end + timedelta(days=730),
            )
            previous = {}
            for level_name in ("impact", "outcome", "output", "activity", "input"):
                for order, text in enumerate(spec["chain"].get(level_name, ())):
                    entry = ResultsChainEntry.objects.create(
                        partnership=partnership,
                        objective=objective,
                        level=LEVELS[level_name],
                        description=text,
                        order=order,
                        leads_to=previous.get(LEVELS[level_name] + 1),
                    )
                    previous.setdefault(LEVELS[level_name], entry)
            for number, code in enumerate(spec["library_indicator_codes"]):
                lib = LIBRARY[code]
                n_ind += 1
                baseline = Decimal((n_ind * 7) % 23) if lib["unit"] == "count" else Decimal(40 + n_ind % 50)
                indicator = Indicator.objects.create(
                    partnership=partnership,
                    code=f"{spec['code']}{suffix}-{number + 1:02d}",
                    name=lib["name"][:200],
                    definition=lib["description"],
                    type=lib["type"],
                    unit=lib["unit"],
                    direction=lib["direction"],
                    frequency=lib["frequency"],
                    baseline_value=baseline if lib["unit"] != "text" else None,
                    baseline_date=year_start - timedelta(days=1),
                    means_of_verification="; ".join(lib["collection_methods"]),
                    objective=objective,
                    strand=strands[spec["strand"]],
                    library_code=code,
                )
                if lib["unit"] in ("count", "percentage", "score"):
                    Target.objects.create(
                        partnership=partnership, indicator=indicator, period=None, value=baseline + 10
                    )
                    Target.objects.create(partnership=partnership, indicator=indicator, period=year, value=baseline + 4)
                    for q, period in enumerate(quarters):
                        Target.objects.create(
                            partnership=partnership, indicator=indicator, period=period, value=baseline + q + 1
                        )
    return {"objectives": len(chosen) * copies, "indicators": n_ind}
