"""Qualitative evidence beside the numbers: outcome-harvesting entries and case studies."""

from __future__ import annotations

from django.db import models

from aspm import fields as text
from aspm.fields import LimitedTextField
from aspm.models import TenantModel
from aspm.validators import validate_date_in_range


class Confidence(models.TextChoices):
    HIGH = "high", "High: several independent sources agree"
    MEDIUM = "medium", "Medium: one good source, or sources partly agree"
    LOW = "low", "Low: a single account not yet checked"


class OutcomeHarvest(TenantModel):
    """An outcome-harvesting entry: a change seen, who changed, and how the partnership helped."""

    title = models.CharField(max_length=200)
    what_changed = LimitedTextField("what changed", max_length=text.NARRATIVE)
    for_whom = models.CharField("for whom (who changed)", max_length=300)
    when = models.DateField("when it was seen", validators=[validate_date_in_range])
    contribution = LimitedTextField("how the partnership contributed", max_length=text.NARRATIVE)
    evidence = LimitedTextField("the evidence for it", max_length=text.NARRATIVE)
    confidence = models.CharField(max_length=8, choices=Confidence.choices, default=Confidence.MEDIUM)
    objective = models.ForeignKey(
        "indicators.Objective", on_delete=models.SET_NULL, null=True, blank=True, related_name="outcome_harvests"
    )
    chain_entry = models.ForeignKey(
        "indicators.ResultsChainEntry",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outcome_harvests",
        verbose_name="results-chain entry",
    )
    recorded_by = models.ForeignKey(
        "partnerships.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-when", "-id"]

    def __str__(self) -> str:
        return self.title


class CaseStudy(TenantModel):
    """A short anonymised story, told with the person's consent and without identifying details."""

    title = models.CharField(max_length=200)
    summary = LimitedTextField(
        help_text="What happened, in anonymised form: no names, addresses, dates of birth.", max_length=text.NARRATIVE
    )
    what_helped = LimitedTextField("what made the difference", blank=True, max_length=text.NARRATIVE)
    consent_confirmed = models.BooleanField("the person has given informed consent for this to be used", default=False)
    objective = models.ForeignKey(
        "indicators.Objective", on_delete=models.SET_NULL, null=True, blank=True, related_name="case_studies"
    )
    chain_entry = models.ForeignKey(
        "indicators.ResultsChainEntry",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_studies",
        verbose_name="results-chain entry",
    )
    recorded_by = models.ForeignKey(
        "partnerships.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "case studies"

    def __str__(self) -> str:
        return self.title
