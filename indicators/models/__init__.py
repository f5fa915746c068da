"""Strategy (strands, objectives, results chains) and measurement (indicators, periods).

Split by subject: ``strategy.py`` and ``measurement.py``; import models from here.
"""

from .dimensions import Dimension, DimensionCategory
from .evidence import CaseStudy, Confidence, OutcomeHarvest
from .figures import DIMENSIONS, Figure, FigureCorrection, FigureEvidence, FigureSource
from .funding import (
    REVIEW_ITEMS,
    AgreementReview,
    BudgetCategory,
    BudgetLine,
    FundingAgreement,
    MonitoringSchedule,
    ReviewStatus,
)
from .measurement import (
    INDICATOR_FIELDS,
    Direction,
    Frequency,
    Indicator,
    IndicatorType,
    MeasurementSettings,
    PeriodKind,
    PeriodStatus,
    ReportingPeriod,
    Rollup,
    Target,
    TargetRevision,
    Unit,
)
from .milestones import Milestone
from .plan import Assumption, AssumptionReview, AssumptionStatus, PlanStatement
from .risks import RISK_FIELDS, DevelopmentGoal, DevelopmentGoalCode, GoalStatus, Risk, RiskStatus, risk_band
from .strategy import OBJECTIVE_FIELDS, ChainLevel, Objective, PathwayStage, Priority, ResultsChainEntry, Strand
from .validation import RuleKind, RuleOperator, RuleSeverity, ValidationRule

__all__ = [
    "AgreementReview",
    "BudgetCategory",
    "REVIEW_ITEMS",
    "ReviewStatus",
    "BudgetLine",
    "FundingAgreement",
    "MonitoringSchedule",
    "INDICATOR_FIELDS",
    "OBJECTIVE_FIELDS",
    "RISK_FIELDS",
    "Assumption",
    "AssumptionReview",
    "AssumptionStatus",
    "DevelopmentGoal",
    "DevelopmentGoalCode",
    "GoalStatus",
    "Milestone",
    "PlanStatement",
    "Risk",
    "RiskStatus",
    "risk_band",
    "Rollup",
    "CaseStudy",
    "Confidence",
    "DIMENSIONS",
    "Dimension",
    "DimensionCategory",
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
    "RuleKind",
    "RuleOperator",
    "RuleSeverity",
    "ValidationRule",
]
