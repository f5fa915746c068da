"""Peer review of a self-assessment round: the host partnership's coordinator invites another
partnership on ASPM to review one round. Any coordinator of the invited partnership may then read that
round's results (and nothing else of the host) and leave written feedback, until the invitation is
withdrawn. The row belongs to the host partnership: its audit events go to the host's log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from aspm.fields import LimitedTextField
from aspm.models import TenantModel

FEEDBACK_LIMIT = 2_000  # characters of a reviewer's written feedback


class PeerReview(TenantModel):
    round = models.ForeignKey("learning.AssessmentRound", on_delete=models.CASCADE, related_name="peer_reviews")
    reviewer = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name="reviewing partnership",
        on_delete=models.CASCADE,
        related_name="peer_reviews_invited",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    feedback = LimitedTextField(blank=True, max_length=FEEDBACK_LIMIT)
    feedback_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    feedback_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["round", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "reviewer"],
                condition=Q(withdrawn_at__isnull=True),
                name="peer_review_once_per_round",
            ),
            models.CheckConstraint(condition=~Q(reviewer=models.F("partnership")), name="peer_review_not_own"),
        ]

    def __str__(self) -> str:
        return f"Peer review of {self.round} by {self.reviewer}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None
