"""Validation rules across indicators (as DHIS2 has them): "individuals convicted ≤ convictions".

A rule compares the sum of the figures of its left-hand indicators with the sum of its right-hand
ones, for the same organisation and period (and for the partnership's combined figure). A
"split total" rule says that each split of an indicator (by age group, sex, ...) adds up to its
total. What a rule means and how it is judged is in ``indicators.measurement.validation_rules``;
writes go through ``indicators.measurement.services.rules``.
"""

from __future__ import annotations

from django.db import models

from aspm import fields as text
from aspm.fields import LimitedTextField
from aspm.models import TenantModel

from .measurement import Indicator


class RuleKind(models.TextChoices):
    COMPARE = "compare", "Compare indicators"
    SPLIT_TOTAL = "split_total", "Split adds up to the total"


class RuleOperator(models.TextChoices):
    LE = "le", "≤ at most"
    LT = "lt", "< less than"
    EQ = "eq", "= equal to"
    GE = "ge", "≥ at least"
    GT = "gt", "> more than"
    NE = "ne", "≠ different from"


class RuleSeverity(models.TextChoices):
    WARNING = "warning", "Warning"
    MUST_HOLD = "must_hold", "Must hold"


class ValidationRule(TenantModel):
    """A rule that related figures must (or should) satisfy."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=12, choices=RuleKind.choices, default=RuleKind.COMPARE)
    left = models.ManyToManyField(
        Indicator, related_name="rules_as_left", help_text="Indicators summed on the left-hand side."
    )
    operator = models.CharField(max_length=2, choices=RuleOperator.choices, default=RuleOperator.LE)
    right = models.ManyToManyField(
        Indicator, related_name="rules_as_right", blank=True, help_text="Indicators summed on the right-hand side."
    )
    severity = models.CharField(max_length=10, choices=RuleSeverity.choices, default=RuleSeverity.WARNING)
    description = LimitedTextField(blank=True, max_length=text.SHORT)
    is_active = models.BooleanField(default=True)
    library_code = models.CharField(max_length=20, blank=True, help_text="The library rule it was adopted from.")

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "library_code"],
                condition=~models.Q(library_code=""),
                name="validation_rule_library_once",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def must_hold(self) -> bool:
        return self.severity == RuleSeverity.MUST_HOLD
