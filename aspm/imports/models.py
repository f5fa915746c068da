"""A partnership's remembered column mapping for one import kind."""

from __future__ import annotations

from django.db import models

from aspm.models import TenantModel


class ImportMapping(TenantModel):
    """Which header of the partnership's own spreadsheets holds which ASPM field, per import kind.

    ``columns`` maps a field name to the header text it was last read from (e.g. ``{"title":
    "Action 2016-17"}``), so the next file with the same headers is mapped without asking again.
    """

    kind = models.CharField(max_length=40)
    columns = models.JSONField(default=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partnership", "kind"], name="one_import_mapping_per_kind")]

    def __str__(self) -> str:
        return f"{self.kind} mapping"
