"""Figures: what each organisation reported for an indicator in a period, split and evidenced."""

from __future__ import annotations

from django.db import models

from aspm import fields as text
from aspm.fields import LimitedTextField
from aspm.models import TenantModel

from .measurement import Indicator, ReportingPeriod

# Disaggregation dimensions and their categories. Every dimension allows "unknown".
DIMENSIONS: dict[str, tuple[str, dict[str, str]]] = {
    "age_group": ("Age group", {"adult": "Adult", "child": "Child", "unknown": "Unknown"}),
    "sex": ("Sex", {"female": "Female", "male": "Male", "unknown": "Unknown"}),
    "exploitation_type": (
        "Exploitation type",
        {
            "labour": "Labour",
            "sexual": "Sexual",
            "criminal": "Criminal",
            "domestic_servitude": "Domestic servitude",
            "other_unknown": "Other / unknown",
        },
    ),
}


class FigureSource(models.TextChoices):
    FORM = "form", "Entered on the page"
    IMPORT = "import", "Imported from a spreadsheet"
    RETURN = "return", "Quarterly return"
    CORRECTION = "correction", "Correction of a locked period"
    API = "api", "Sent through the API"
    DEMO = "demo", "Demo data"
    FEEDBACK = "feedback", "Counted from a feedback form"


class Figure(TenantModel):
    """One organisation's figure for one indicator in one period."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="figures")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="figures")
    organisation = models.ForeignKey(
        "partnerships.Organisation", on_delete=models.PROTECT, related_name="indicator_figures"
    )
    value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    numerator = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="For a proportion: how many of the denominator had the outcome (the percentage is worked out).",
    )
    denominator = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="For a proportion: how many it is a proportion of. For a score: how many responses it averages.",
    )
    text_value = LimitedTextField(blank=True, help_text="For qualitative (text) indicators.", max_length=text.NARRATIVE)
    breakdown = models.JSONField(
        default=dict, blank=True, help_text="{dimension: {category: number}}; each dimension adds up to the value."
    )
    comment = LimitedTextField(blank=True, max_length=text.SHORT)
    source = models.CharField(max_length=12, choices=FigureSource.choices, default=FigureSource.FORM)
    entered_by = models.ForeignKey(
        "partnerships.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["indicator", "period__start", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period", "organisation"], name="figure_unique"),
        ]
        indexes = [models.Index(fields=["partnership", "period"], name="figure_partnership_period")]

    def __str__(self) -> str:
        shown = self.text_value[:40] if self.value is None else self.value
        return f"{self.indicator.code} {self.period} {self.organisation}: {shown}"


class FigureCorrection(TenantModel):
    """A coordinator's recorded change to a figure of a locked period."""

    figure = models.ForeignKey(Figure, on_delete=models.CASCADE, related_name="corrections")
    old_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    new_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    old_breakdown = models.JSONField(default=dict, blank=True)
    reason = LimitedTextField(max_length=text.SHORT)
    corrected_by = models.ForeignKey(
        "partnerships.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["figure", "created_at", "id"]

    def __str__(self) -> str:
        return f"Correction of {self.figure}"


def evidence_path(instance, filename: str) -> str:
    return f"evidence/{instance.partnership_id}/figures/{filename}"


class FigureEvidence(TenantModel):
    """A file that backs a figure up (a spreadsheet extract, minutes, a report)."""

    figure = models.ForeignKey(Figure, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path, max_length=300)
    original_name = models.CharField(max_length=200)
    description = models.CharField(max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        "partnerships.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["figure", "created_at"]
        verbose_name_plural = "figure evidence"

    def __str__(self) -> str:
        return self.original_name
