"""Writes of the import pipeline: the remembered column mapping (audited)."""

from __future__ import annotations

from django.db import transaction

from partnerships import audit

from .models import ImportMapping


@transaction.atomic
def mapping_remember(*, actor, partnership, kind: str, columns: dict[str, str]) -> ImportMapping:
    """Remember which header holds which field for the partnership's next file of this kind."""
    columns = {str(k)[:80]: str(v)[:200] for k, v in columns.items() if v}
    mapping = ImportMapping.objects.filter(partnership=partnership, kind=kind).first()
    if mapping is None:
        return audit.create(actor=actor, obj=ImportMapping(partnership=partnership, kind=kind, columns=columns))
    if mapping.columns == columns:
        return mapping
    return audit.update(actor=actor, obj=mapping, values={"columns": columns})
