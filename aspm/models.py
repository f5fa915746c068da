"""Shared base classes for models."""

from __future__ import annotations

from django.db import models


class TenantQuerySet(models.QuerySet):
    def of(self, partnership) -> TenantQuerySet:
        """Rows of one partnership. Views never call this: they go through partnerships.access."""
        return self.filter(partnership=partnership)


class TenantModel(models.Model):
    """A row that belongs to one partnership (the tenant). Every tenant row carries it directly."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        abstract = True
