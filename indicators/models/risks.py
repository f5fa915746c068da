"""The risk register and the development goals checklist."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from aspm import fields as text
from aspm.fields import LimitedTextField
from aspm.models import TenantModel
from aspm.validators import validate_date_in_range

SCALE = [MinValueValidator(1, "Use a number from 1 to 5."), MaxValueValidator(5, "Use a number from 1 to 5.")]


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    MONITORING = "monitoring", "Monitoring"
    CLOSED = "closed", "Closed"


# (lowest score in the band, code, label), highest first
RISK_BANDS = ((15, "very_high", "Very high"), (10, "high", "High"), (5, "medium", "Medium"), (1, "low", "Low"))


def risk_band(score: int) -> tuple[str, str]:
    """The band (code, label) of a likelihood × impact score from 1 to 25."""
    for floor, code, label in RISK_BANDS:
        if score >= floor:
            return code, label
    return "low", "Low"


# The fields of a risk that people set (form and service; the form adds its objectives), once.
RISK_FIELDS = (
    "title",
    "cause",
    "consequence",
    "likelihood",
    "impact",
    "owner_organisation",
    "mitigation",
    "review_date",
    "status",
)


class Risk(TenantModel):
    title = models.CharField("risk", max_length=200)
    cause = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    consequence = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    likelihood = models.PositiveSmallIntegerField(validators=SCALE, help_text="1 (rare) to 5 (almost certain).")
    impact = models.PositiveSmallIntegerField(validators=SCALE, help_text="1 (minor) to 5 (severe).")
    owner_organisation = models.ForeignKey(
        "partnerships.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="risks"
    )
    mitigation = LimitedTextField(blank=True, max_length=text.NARRATIVE)
    review_date = models.DateField("next review", null=True, blank=True, validators=[validate_date_in_range])
    status = models.CharField(max_length=12, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    objectives = models.ManyToManyField("indicators.Objective", blank=True, related_name="risks")

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, likelihood__lte=5), name="risk_likelihood_1_5"
            ),
            models.CheckConstraint(condition=models.Q(impact__gte=1, impact__lte=5), name="risk_impact_1_5"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def score(self) -> int:
        return (self.likelihood or 0) * (self.impact or 0)

    @property
    def band(self) -> str:
        return risk_band(self.score)[0]

    @property
    def band_label(self) -> str:
        return risk_band(self.score)[1]


class DevelopmentGoalCode(models.TextChoices):
    TERMS_OF_REFERENCE = "terms_of_reference", "Terms of reference agreed"
    KEY_MEMBERS = "key_members", "Key members confirmed"
    MEETING_SCHEDULE = "meeting_schedule", "Meeting schedule agreed"
    INFORMATION_SHARING = "information_sharing_agreement", "Information-sharing agreement signed"
    COMMUNICATION = "communication_channels", "Communication channels set up"
    OBJECTIVES = "objectives_agreed", "Objectives agreed"
    ACTION_PLAN = "action_plan_agreed", "Action plan agreed"
    FUNDING = "sustainable_funding", "Sustainable funding secured"


class GoalStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


def evidence_path(instance, filename: str) -> str:
    return f"evidence/{instance.partnership_id}/development-goals/{filename}"


class DevelopmentGoal(TenantModel):
    """One of the eight steps a young partnership takes; a row exists once someone records progress."""

    code = models.CharField(max_length=40, choices=DevelopmentGoalCode.choices)
    status = models.CharField(max_length=12, choices=GoalStatus.choices, default=GoalStatus.NOT_STARTED)
    achieved_on = models.DateField(
        "date",
        null=True,
        blank=True,
        help_text="When it was done, or last moved on.",
        validators=[validate_date_in_range],
    )
    note = LimitedTextField(blank=True, max_length=text.SHORT)
    evidence_file = models.FileField(upload_to=evidence_path, blank=True, max_length=300)
    evidence_link = models.URLField("link to evidence", blank=True, max_length=500)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["partnership", "code"], name="development_goal_unique")]

    def __str__(self) -> str:
        return self.get_code_display()
