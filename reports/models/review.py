"""The free-text review before a version for publication: a coordinator's decision on one flagged
sentence (:mod:`aspm.disclosure.free_text`), kept per partnership and keyed by where the words come
from and the sentence itself (its SHA-256), so that the same sentence in a later version for
publication is not asked about again."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from aspm import fields as text
from aspm.fields import LimitedTextField
from aspm.models import TenantModel


class TextDecisionKind(models.TextChoices):
    APPROVED = "approved", "Approved as written"
    EDITED = "edited", "Replaced with edited words"


class TextDecision(TenantModel):
    """What may be published in place of one flagged sentence: itself, or the coordinator's words."""

    source = models.CharField(
        max_length=120,
        help_text="Where the words come from, e.g. 'return:12:progress' or 'annual:2026-04-01:foreword'.",
    )
    digest = models.CharField(max_length=64, help_text="SHA-256 of the sentence, its spaces normalised.")
    sentence = LimitedTextField(max_length=text.NARRATIVE, help_text="The sentence as it was flagged.")
    reasons = models.JSONField(default=list, blank=True, help_text="Why it was flagged, in plain words.")
    decision = models.CharField(max_length=10, choices=TextDecisionKind.choices)
    replacement = LimitedTextField(
        blank=True, max_length=text.SHORT, help_text="The words printed instead (empty: the sentence is left out)."
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", editable=False
    )
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "source", "digest"], name="textdecision_source_digest_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: {self.sentence[:60]}"

    @property
    def printed(self) -> str:
        """The words that go into the publication."""
        return self.sentence if self.decision == TextDecisionKind.APPROVED else self.replacement
