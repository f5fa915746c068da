"""The recommendations register: what evaluations, inspections and reviews asked the partnership to
change, the partnership's management response, and the dated history of each recommendation's status."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from aspm import fields as limits
from aspm.fields import LimitedTextField
from aspm.models import TenantModel
from aspm.validators import validate_date_in_range


class SourceKind(models.TextChoices):
    EVALUATION = "evaluation", "Evaluation"
    INSPECTION = "inspection", "Inspection"
    REVIEW = "review", "Case or thematic review"
    PEER_REVIEW = "peer_review", "Peer review"
    ANNUAL_REVIEW = "annual_review", "Our annual review"


class Response(models.TextChoices):
    PENDING = "pending", "Not answered yet"
    ACCEPT = "accept", "Accepted"
    PARTLY = "partly", "Partly accepted"
    REJECT = "reject", "Not accepted"


class RecStatus(models.TextChoices):
    AWAITING = "awaiting", "Awaiting response"
    AGREED = "agreed", "Agreed, no actions yet"
    IN_PROGRESS = "in_progress", "In progress"
    BEHIND = "behind", "Behind"
    DONE = "done", "Done"
    NOT_TAKEN = "not_taken", "Not taken forward"


def document_path(instance, filename: str) -> str:
    return f"evidence/{instance.partnership_id}/recommendations/{filename}"


class Recommendation(TenantModel):
    """One recommendation made to the partnership, and what the partnership decided and did about it.

    ``status`` repeats the latest line of the history for fast lists; it follows the response and
    the linked actions (``actionplans.learning.status``), written only by the services.
    """

    reference = models.CharField(max_length=20, blank=True, help_text="The number the source gives it, e.g. 2.1.")
    source_kind = models.CharField("kind of source", max_length=20, choices=SourceKind.choices)
    source_title = models.CharField("source", max_length=limits.TITLE, help_text="e.g. Independent evaluation 2025.")
    source_date = models.DateField("date of the source", null=True, blank=True, validators=[validate_date_in_range])
    source_document = models.FileField("source document", upload_to=document_path, blank=True, max_length=300)
    source_link = models.URLField("link to the source", blank=True, max_length=500)
    text = LimitedTextField("recommendation", max_length=limits.SHORT)
    response = models.CharField(
        "management response", max_length=10, choices=Response.choices, default=Response.PENDING
    )
    response_reasons = LimitedTextField("reasons", blank=True, max_length=limits.SHORT)
    responded_at = models.DateField(null=True, blank=True, editable=False)
    response_due = models.DateField("response due by", null=True, blank=True, validators=[validate_date_in_range])
    owner_organisation = models.ForeignKey(
        "partnerships.Organisation", on_delete=models.PROTECT, related_name="recommendations"
    )
    owner_person = models.ForeignKey(
        "partnerships.Membership",
        verbose_name="owner (person)",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_recommendations",
    )
    due_date = models.DateField("to be done by", null=True, blank=True, validators=[validate_date_in_range])
    actions = models.ManyToManyField("actionplans.Action", blank=True, related_name="recommendations")
    status = models.CharField(max_length=12, choices=RecStatus.choices, default=RecStatus.AWAITING, editable=False)
    status_changed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-source_date", "reference", "id"]
        indexes = [models.Index(fields=["partnership", "status"], name="recommendation_status")]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=RecStatus.values), name="recommendation_status_known"),
            models.CheckConstraint(condition=Q(response__in=Response.values), name="recommendation_response_known"),
        ]

    def __str__(self) -> str:
        label = self.text if len(self.text) <= 80 else self.text[:79] + "…"
        return f"{self.reference} {label}".strip()

    def response_overdue(self, today) -> bool:
        return self.response == Response.PENDING and self.response_due is not None and self.response_due < today


class RecommendationChange(TenantModel):
    """One dated line of a recommendation's history. Written once, never changed."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(max_length=12, choices=RecStatus.choices)
    note = LimitedTextField(blank=True, max_length=limits.SHORT)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "id"]
        indexes = [models.Index(fields=["recommendation", "changed_at"], name="recommendation_change_at")]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {self.changed_at:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValueError("A recommendation's history is never changed once written.")
        super().save(*args, **kwargs)
