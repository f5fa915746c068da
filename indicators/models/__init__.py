"""Strategy (strands, objectives, results chains) and measurement (indicators, periods).

Split by subject: ``strategy.py`` and ``measurement.py``; import models from here.
"""

from .measurement import (
    Direction,
    Frequency,
    Indicator,
    IndicatorType,
    PeriodKind,
    PeriodStatus,
    ReportingPeriod,
    Target,
    Unit,
)
from .strategy import ChainLevel, Objective, PathwayStage, Priority, ResultsChainEntry, Strand

__all__ = [
    "ChainLevel",
    "Direction",
    "Frequency",
    "Indicator",
    "IndicatorType",
    "Objective",
    "PathwayStage",
    "PeriodKind",
    "PeriodStatus",
    "Priority",
    "ReportingPeriod",
    "ResultsChainEntry",
    "Strand",
    "Target",
    "Unit",
]
