"""The partnership's disclosure policy: how small counts are protected in what leaves the partnership.

One row per partnership, changed only through ``partnerships.services.disclosure_policy_update``
(audited: who, when and why). The rules themselves are in :mod:`aspm.disclosure.policy`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from aspm import fields as text
from aspm.disclosure import policy as rules
from aspm.fields import LimitedTextField
from aspm.models import TenantModel


class DisclosurePolicy(TenantModel):
    method = models.CharField(
        "how small counts are protected", max_length=20, choices=rules.METHOD_CHOICES, default=rules.THRESHOLD
    )
    threshold = models.PositiveSmallIntegerField(
        "smallest count shown",
        default=rules.DEFAULT_THRESHOLD,
        validators=[MinValueValidator(rules.MIN_THRESHOLD), MaxValueValidator(rules.MAX_THRESHOLD)],
        help_text=f"For “Hide small counts”: counts below this are shown as “<5” (for 5). "
        f"From {rules.MIN_THRESHOLD} to {rules.MAX_THRESHOLD}.",
    )
    reason = LimitedTextField(
        "why it changed", blank=True, help_text="The reason for the latest change.", max_length=text.SHORT
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership"], name="one_disclosure_policy_per_partnership"),
        ]

    def __str__(self) -> str:
        return f"Disclosure policy: {self.as_policy().label}"

    def as_policy(self) -> rules.Policy:
        return rules.Policy(method=self.method, threshold=self.threshold)
