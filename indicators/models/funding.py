"""Funding agreements: what the partnership (or an outside funder) pays a provider for, with the
budget by year and the outcomes, outputs and KPIs agreed for it.

An agreement's results are not kept apart: its agreed outcomes are objectives of the plan (with their
results chains) and its KPIs are indicators of the plan, tagged to the agreement, so their figures
count in the partnership's results as well as in the agreement's.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from aspm import fields as text
from aspm.fields import LimitedTextField
from aspm.models import TenantModel
from aspm.validators import single_line, validate_date_in_range


class MonitoringSchedule(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"


class BudgetCategory(models.TextChoices):
    STAFF = "staff", "Staff"
    ACCOMMODATION = "accommodation", "Accommodation"
    VOLUNTEERS = "volunteers", "Volunteers' expenses"
    SUPPORT = "support", "Direct support to people"
    TRAINING = "training", "Training"
    RUNNING = "running", "Running costs"
    OTHER = "other", "Other"


def agreement_document_path(instance, filename: str) -> str:
    return f"evidence/{instance.partnership_id}/funding/{filename}"


MONEY = {"max_digits": 12, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0), "Use £0 or more.")]}


class FundingAgreement(TenantModel):
    """A grant or contract: a funder pays one or more providers for a service over a period."""

    title = models.CharField(max_length=text.TITLE, validators=[single_line])
    funder_organisation = models.ForeignKey(
        "partnerships.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements_funded",
        verbose_name="funder (a partner organisation)",
    )
    funder_name = models.CharField(
        "funder (outside the partnership)", max_length=text.TITLE, blank=True, validators=[single_line]
    )
    providers = models.ManyToManyField(
        "partnerships.Organisation", related_name="agreements_provided", verbose_name="provider organisations"
    )
    purpose = LimitedTextField(max_length=text.NARRATIVE)
    start_date = models.DateField("start", validators=[validate_date_in_range])
    end_date = models.DateField("end", validators=[validate_date_in_range])
    total_value = models.DecimalField("total value", **MONEY)
    schedule = models.CharField(
        "monitoring reports", max_length=10, choices=MonitoringSchedule.choices, default=MonitoringSchedule.QUARTERLY
    )
    tolerance_percent = models.PositiveSmallIntegerField(
        "spending tolerance",
        default=10,
        validators=[MaxValueValidator(100, "Use a percentage from 0 to 100.")],
        help_text="Spending more or less than the budget by more than this share is flagged.",
    )
    document = models.FileField("agreement document", upload_to=agreement_document_path, blank=True, max_length=300)
    document_link = models.URLField("link to the agreement", blank=True, max_length=500)
    objectives = models.ManyToManyField(
        "indicators.Objective", blank=True, related_name="funding_agreements", verbose_name="agreed outcomes"
    )
    indicators = models.ManyToManyField(
        "indicators.Indicator", blank=True, related_name="funding_agreements", verbose_name="key performance indicators"
    )

    class Meta:
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="agreement_ends_after_start",
                violation_error_message="The end must be on or after the start.",
            ),
            models.UniqueConstraint(
                "partnership",
                models.functions.Lower("title"),
                name="agreement_title_unique",
                violation_error_message="The partnership already has an agreement with this title.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def funder(self) -> str:
        return self.funder_organisation.name if self.funder_organisation_id else self.funder_name


class BudgetLine(TenantModel):
    """What the agreement sets aside for one kind of cost in one of the partnership's financial years."""

    agreement = models.ForeignKey(FundingAgreement, on_delete=models.CASCADE, related_name="budget_lines")
    year_start = models.DateField("financial year", help_text="The first day of the financial year.")
    category = models.CharField(max_length=16, choices=BudgetCategory.choices)
    description = models.CharField(max_length=text.TITLE, blank=True, validators=[single_line])
    amount = models.DecimalField(**MONEY)

    class Meta:
        ordering = ["year_start", "category", "description"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "year_start", "category", "description"],
                name="budget_line_unique",
                violation_error_message="This year already has a line of this kind with the same description.",
            )
        ]

    def __str__(self) -> str:
        label = self.get_category_display()
        return f"{label}: {self.description}" if self.description else label


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    RETURNED = "returned", "Returned for changes"
    ACCEPTED = "accepted", "Accepted"


# The annual review a provider sends after each year of the agreement, after the seed guide's example,
# in our words: (field, question, hint).
REVIEW_ITEMS = (
    (
        "surveys",
        "Surveys and consultation",
        ("What surveys, questionnaires or consultation you ran, and what they told you."),
    ),
    ("training", "Training", "Training given to staff, volunteers and the management committee."),
    (
        "benefit",
        "Benefit to the people you support",
        ("Evidence of how the service helped the people using it (and their carers), and its outcomes."),
    ),
    ("new_groups", "New groups of users", "Any group of people who started using the service this year."),
    ("achievements", "Main achievements", "What went well this year."),
    (
        "problems",
        "Problems, what you did and what you learned",
        "Problems you met, the action you took and the lessons learned.",
    ),
    (
        "plans",
        "Plans for next year",
        ("New developments made this year or planned, such as new user groups or projects."),
    ),
)


class AgreementReview(TenantModel):
    """A provider's annual review of one year of a funding agreement."""

    agreement = models.ForeignKey(FundingAgreement, on_delete=models.CASCADE, related_name="reviews")
    organisation = models.ForeignKey("partnerships.Organisation", on_delete=models.PROTECT, related_name="+")
    year_start = models.DateField("agreement year", help_text="The first day of the financial year reviewed.")
    surveys = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    training = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    benefit = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    new_groups = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    achievements = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    problems = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    plans = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    status = models.CharField(max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    comment = LimitedTextField("what to change", blank=True, max_length=text.SHORT)

    class Meta:
        ordering = ["year_start", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation", "year_start"],
                name="agreement_review_unique",
                violation_error_message="This organisation already has a review for this year.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.agreement}"
