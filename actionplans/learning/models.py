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


# ------------------------------------------------------------------ outcome journals (outcome mapping)
class MarkerLevel(models.IntegerChoices):
    """How far a boundary partner's change goes, from the first signs to deep change."""

    EXPECT = 1, "Expect to see"
    LIKE = 2, "Like to see"
    LOVE = 3, "Love to see"


class BoundaryPartner(TenantModel):
    """An organisation or group the partnership works with and hopes to influence, but does not control
    (e.g. hotel owners, GP practices, car-wash operators), and the change the partnership hopes to see."""

    name = models.CharField(max_length=limits.TITLE)
    organisation = models.ForeignKey(
        "partnerships.Organisation",
        verbose_name="partner organisation (if it is one)",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    outcome_challenge = LimitedTextField(
        "the change we hope to see",
        max_length=limits.SHORT,
        help_text="How this partner would act if the partnership's work succeeded, in a sentence or two.",
    )
    outcomes = models.ManyToManyField(
        "indicators.ResultsChainEntry",
        blank=True,
        related_name="boundary_partners",
        verbose_name="results-chain outcomes it serves",
    )

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="boundary_partner_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class ProgressMarker(TenantModel):
    """One sign of change in a boundary partner, at one of three levels."""

    partner = models.ForeignKey(BoundaryPartner, on_delete=models.CASCADE, related_name="markers")
    level = models.PositiveSmallIntegerField(choices=MarkerLevel.choices)
    text = models.CharField("what we would see", max_length=300)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["partner", "level", "order", "id"]

    def __str__(self) -> str:
        return f"{self.get_level_display()}: {self.text}"


class JournalEntry(TenantModel):
    """A dated review of one boundary partner (usually at a review meeting): which progress markers were
    seen, on what evidence. Each entry stands for the position on its date."""

    partner = models.ForeignKey(BoundaryPartner, on_delete=models.CASCADE, related_name="entries")
    date = models.DateField("date of the review", validators=[validate_date_in_range])
    meeting = models.ForeignKey(
        "partnerships.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    observed = models.ManyToManyField(ProgressMarker, blank=True, related_name="entries", verbose_name="markers seen")
    evidence = LimitedTextField("evidence", max_length=limits.SHORT)
    note = LimitedTextField("what it means and what we will do", blank=True, max_length=limits.SHORT)
    harvests = models.ManyToManyField(
        "indicators.OutcomeHarvest", blank=True, related_name="journal_entries", verbose_name="harvested outcomes"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["partner", "-date", "-id"]
        verbose_name_plural = "journal entries"
        indexes = [models.Index(fields=["partner", "date"], name="journal_entry_partner_date")]

    def __str__(self) -> str:
        return f"{self.partner} on {self.date:%d/%m/%Y}"


# ------------------------------------------------------------------ self-assessment rounds
class RoundStatus(models.TextChoices):
    DRAFT = "draft", "Being prepared"
    OPEN = "open", "Open for ratings"
    CLOSED = "closed", "Closed"


class AssessmentRound(TenantModel):
    """One self-assessment round: the statements (copied from the template, plus the partnership's
    own) that every partner organisation rates for itself between two dates."""

    title = models.CharField(max_length=limits.TITLE)
    opens_on = models.DateField("opens on", validators=[validate_date_in_range])
    closes_on = models.DateField("ratings due by", validators=[validate_date_in_range])
    status = models.CharField(max_length=8, choices=RoundStatus.choices, default=RoundStatus.DRAFT, editable=False)

    class Meta:
        ordering = ["-opens_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=RoundStatus.values), name="assessment_round_status_known"),
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="assessment_round_dates"),
        ]

    def __str__(self) -> str:
        return self.title


class AssessmentStatement(TenantModel):
    """A statement of a round. ``code`` is the template's (stable across rounds); the partnership's
    own statements have none and are matched across rounds by their wording."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="statements")
    goal = models.CharField(max_length=20)
    code = models.CharField(max_length=10, blank=True)
    text = models.CharField("statement", max_length=300)
    order = models.PositiveSmallIntegerField(default=0)
    actions = models.ManyToManyField("actionplans.Action", blank=True, related_name="assessment_statements")

    class Meta:
        ordering = ["round", "order", "id"]

    def __str__(self) -> str:
        return f"{self.code} {self.text}".strip()

    @property
    def key(self) -> str:
        """What matches this statement with the same one in another round."""
        return self.code or self.text.strip().lower()


class AssessmentRating(TenantModel):
    """One organisation's rating of one statement (1–4), with its evidence and a note."""

    statement = models.ForeignKey(AssessmentStatement, on_delete=models.CASCADE, related_name="ratings")
    organisation = models.ForeignKey("partnerships.Organisation", on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField()
    evidence = LimitedTextField(blank=True, max_length=limits.SHORT)
    note = LimitedTextField(blank=True, max_length=limits.SHORT)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    rated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["statement", "organisation", "id"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "organisation"], name="assessment_rating_once"),
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=4), name="assessment_rating_on_scale"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.level}"


from .models_feedback import (  # noqa: E402, F401
    Audience,
    FeedbackForm,
    FeedbackIndicatorLink,
    FeedbackResponse,
    YouSaidWeDid,
)
from .models_peer_review import PeerReview  # noqa: E402, F401
