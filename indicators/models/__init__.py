"""Strategy (strands, objectives, results chains) and measurement (indicators, periods).

Split by subject: ``strategy.py`` and ``measurement.py``; import models from here.
"""

from .evidence import CaseStudy, Confidence, OutcomeHarvest
from .figures import DIMENSIONS, Figure, FigureCorrection, FigureEvidence, FigureSource
from .measurement import (
    Direction,
    Frequency,
    Indicator,
    IndicatorType,
    MeasurementSettings,
    PeriodKind,
    PeriodStatus,
    ReportingPeriod,
    Target,
    TargetRevision,
    Unit,
)
from .strategy import ChainLevel, Objective, PathwayStage, Priority, ResultsChainEntry, Strand

__all__ = [
    "CaseStudy",
    "Confidence",
    "DIMENSIONS",
    "Figure",
    "FigureCorrection",
    "FigureEvidence",
    "FigureSource",
    "MeasurementSettings",
    "OutcomeHarvest",
    "TargetRevision",
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
