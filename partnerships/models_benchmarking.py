"""Benchmarking: whether a partnership shares a chosen set of its indicators, anonymised, with the
other partnerships that share theirs. Imported by partnerships/models.py.

Indicators are chosen by their library code (``Indicator.library_code``), so that the same indicator
adopted by different partnerships can be compared. Every comparison is computed live from
``opted_in``: turning it off removes the partnership from every comparison at once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from aspm.models import TenantModel


class BenchmarkingChoice(TenantModel):
    opted_in = models.BooleanField("share figures for benchmarking", default=False)
    library_codes = models.JSONField(
        "indicators shared", default=list, blank=True, help_text="Library codes, e.g. ['O6-01', 'O2-03']."
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partnership"], name="one_benchmarking_choice")]
        indexes = [models.Index(fields=["opted_in"], name="benchmarking_opted_in")]

    def __str__(self) -> str:
        return f"Benchmarking: {'shared' if self.opted_in else 'not shared'}"
