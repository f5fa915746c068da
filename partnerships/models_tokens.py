"""Personal API tokens: a member's key for the JSON API, acting with that member's roles.

Only a SHA-256 hash of the secret is kept. The secret is shown once, when the token is made;
``prefix`` (the first characters after ``aspm_``) lets the owner tell tokens apart afterwards.
A token is personal, not a tenant row: it acts in every partnership its owner belongs to, with
the owner's role in each.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

TOKEN_SCHEME = "aspm_"  # noqa: S105 - not a secret: every secret starts with this, so leaked tokens are easy to search for
PREFIX_LENGTH = 8


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for, e.g. “Force data team export”.")
    prefix = models.CharField(max_length=PREFIX_LENGTH, editable=False)
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "API token"
        constraints = [
            models.UniqueConstraint(
                "user", Lower("name"), condition=Q(revoked_at__isnull=True), name="api_token_name_unique_while_active"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({TOKEN_SCHEME}{self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def display_prefix(self) -> str:
        return f"{TOKEN_SCHEME}{self.prefix}…"
