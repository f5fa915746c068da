"""Milestones: dated targets on the way from an indicator's baseline to the end of the strategy period."""

from __future__ import annotations

from django.db import models

from aspm import fields as text
from aspm.fields import LimitedTextField
from aspm.models import TenantModel

from .measurement import Indicator


class Milestone(TenantModel):
    """The value an indicator should have reached by a date inside the strategy period.

    Set and removed through ``indicators.measurement.services.milestones`` (which checks the date lies
    after the baseline and by the end of the strategy period).
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="milestones")
    due_on = models.DateField("to be reached by")
    value = models.DecimalField(max_digits=14, decimal_places=2)
    note = LimitedTextField(blank=True, max_length=text.SHORT, help_text="What reaching it would show, if useful.")

    class Meta:
        ordering = ["indicator", "due_on"]
        constraints = [models.UniqueConstraint(fields=["indicator", "due_on"], name="milestone_one_per_date")]

    def __str__(self) -> str:
        return f"{self.indicator.code} by {self.due_on:%-d %B %Y}: {self.value}"
