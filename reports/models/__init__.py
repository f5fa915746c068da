"""Models of the reports app, split by subject: import them from here.

``returns``: quarterly returns from partner SPOCs. ``annual``: annual M&E report jobs and their
archived versions.
``published``: what each output for publication printed (the disclosure ledger).
"""

from .annual import ReportJob, ReportJobStatus, ReportKind, ReportStage, ReportVersion
from .published import PublishedFigure
from .returns import (
    ReminderSent,
    Return,
    ReturnActionUpdate,
    ReturnAttachment,
    ReturnDeadline,
    ReturnFigure,
    ReturnSpend,
    ReturnStatus,
    ReturnTransition,
)
from .review import TextDecision, TextDecisionKind

__all__ = [
    "PublishedFigure",
    "ReminderSent",
    "ReportJob",
    "ReportJobStatus",
    "ReportKind",
    "ReportStage",
    "ReportVersion",
    "Return",
    "ReturnActionUpdate",
    "ReturnAttachment",
    "ReturnDeadline",
    "ReturnFigure",
    "ReturnSpend",
    "ReturnStatus",
    "ReturnTransition",
    "TextDecision",
    "TextDecisionKind",
]
