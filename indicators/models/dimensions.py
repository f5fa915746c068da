"""Dimensions a partnership defines for splitting its counts (nationality, ethnicity, disability,
referral route…), each with its categories. The three built-in dimensions (age group, sex,
exploitation type, in ``figures.DIMENSIONS``) are every partnership's without a row here."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models

from aspm.models import TenantModel

KEY = RegexValidator(
    r"^[a-z][a-z0-9_]{0,39}$", "Use lower-case letters, digits and underscores, starting with a letter."
)


class Dimension(TenantModel):
    """A way of splitting counts that one partnership added, such as nationality."""

    key = models.CharField(max_length=40, validators=[KEY], help_text="Its column name in spreadsheets.")
    name = models.CharField(max_length=80)
    description = models.CharField(max_length=300, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["partnership", "key"], name="dimension_key_unique")]

    def __str__(self) -> str:
        return self.name


class DimensionCategory(TenantModel):
    """One group of a dimension (British, Albanian…): its key is what spreadsheets write."""

    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="categories")
    key = models.CharField(max_length=40, validators=[KEY])
    label = models.CharField(max_length=80)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "label"]
        constraints = [models.UniqueConstraint(fields=["dimension", "key"], name="dimension_category_key_unique")]

    def __str__(self) -> str:
        return self.label
