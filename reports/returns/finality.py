"""The returns' part of "provisional and final" (indicators.measurement.finality): a quarter is final
only once every return for it is approved. Named in ``aspm.hooks.ANSWERS["quarters_outstanding"]``."""

from __future__ import annotations

from partnerships.access import scoped
from partnerships.models import Partnership

from ..models.returns import Return, ReturnStatus


def quarters_with_returns_outstanding(*, partnership: Partnership, quarter_ids: list[int]) -> set[int]:
    """Of ``quarter_ids``, those with a return not approved yet (draft, submitted or sent back). One query."""
    return set(
        scoped(partnership, Return)
        .filter(period_id__in=quarter_ids)
        .exclude(status=ReturnStatus.APPROVED)
        .values_list("period_id", flat=True)
        .distinct()
    )
