"""The partnership's statement of intent: vision, mission, theory of change and its assumptions."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from aspm import fields as text
from aspm.fields import LimitedTextField
from aspm.models import TenantModel
from aspm.validators import validate_date_in_range


class PlanStatement(TenantModel):
    """One per partnership: why it exists and how it thinks change happens."""

    vision = LimitedTextField(
        blank=True, help_text="The change the partnership wants to see in its area.", max_length=text.NARRATIVE
    )
    mission = LimitedTextField(
        blank=True, help_text="What the partnership does, together, to get there.", max_length=text.NARRATIVE
    )
    theory_of_change = LimitedTextField(
        blank=True,
        help_text="How the partnership's work is expected to lead to the vision, step by step.",
        max_length=text.NARRATIVE,
    )
    # The strategy period: three to five financial years, named by the calendar year each starts in
    # (2024 is 2024/25 for an April year). Rules in indicators.strategy.services.plan.strategy_period_set.
    strategy_start_year = models.PositiveSmallIntegerField("strategy starts in", null=True, blank=True)
    strategy_end_year = models.PositiveSmallIntegerField("strategy ends in", null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partnership"], name="plan_statement_one_per_partnership")]

    def __str__(self) -> str:
        return "Vision and theory of change"


class AssumptionStatus(models.TextChoices):
    UNTESTED = "untested", "Untested"
    HOLDING = "holding", "Holding"
    DOUBTFUL = "doubtful", "Doubtful"
    DISPROVED = "disproved", "Disproved"


class Assumption(TenantModel):
    """A testable statement the theory of change rests on, with its latest verdict."""

    statement = LimitedTextField(
        help_text="Say it so that evidence could show it to be wrong.", max_length=text.NARRATIVE
    )
    status = models.CharField(max_length=10, choices=AssumptionStatus.choices, default=AssumptionStatus.UNTESTED)
    status_note = LimitedTextField("note on the status", blank=True, max_length=text.SHORT)
    status_date = models.DateField("status judged on", null=True, blank=True, validators=[validate_date_in_range])
    indicator = models.ForeignKey(
        "indicators.Indicator",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assumptions",
        help_text="The indicator whose figures test this assumption, if any.",
    )
    evidence_link = models.URLField("link to evidence", blank=True, max_length=500)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.statement if len(self.statement) <= 80 else self.statement[:77] + "…"


class AssumptionReview(TenantModel):
    """A dated verdict on an assumption: the history of how it has been tested."""

    assumption = models.ForeignKey(Assumption, on_delete=models.CASCADE, related_name="reviews")
    status = models.CharField(max_length=10, choices=AssumptionStatus.choices)
    note = LimitedTextField(blank=True, max_length=text.SHORT)
    reviewed_on = models.DateField(validators=[validate_date_in_range])
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-reviewed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {self.reviewed_on:%d/%m/%Y}"
