"""Models of the reports app, split by subject: ``returns.py`` holds the quarterly returns."""

from .returns import (
    ReminderSent,
    Return,
    ReturnAttachment,
    ReturnDeadline,
    ReturnFigure,
    ReturnStatus,
    ReturnTransition,
)

__all__ = [
    "ReminderSent",
    "Return",
    "ReturnAttachment",
    "ReturnDeadline",
    "ReturnFigure",
    "ReturnStatus",
    "ReturnTransition",
]
