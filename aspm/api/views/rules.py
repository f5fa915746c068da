"""Validation rules across indicators: a read-only list and details (every member may read them).
They are enforced where figures arrive (``figures/`` and ``returns/``): a "must hold" breach is a 400."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from indicators.models import ValidationRule

from ..base import partnership_api
from ..serializers.rules import ValidationRuleSerializer
from .strategy import ReadOnlyPartnershipViewSet


@partnership_api
@extend_schema_view(
    list=extend_schema(summary="Validation rules between indicators"),
    retrieve=extend_schema(summary="One validation rule"),
)
@extend_schema(tags=["indicators"])
class ValidationRuleViewSet(ReadOnlyPartnershipViewSet):
    """Rules that related figures keep, for each organisation and period: the sum of the left-hand
    indicators compared with the sum of the right-hand ones (or, for kind ``split_total``, each split
    of the indicator adds up to its figure). A figure sent to ``figures/`` or a return submitted
    through ``returns/`` that breaks a rule whose severity is ``must_hold`` is refused with a 400;
    a ``warning`` does not stop it. A rule with a figure missing on either side is not judged."""

    serializer_class = ValidationRuleSerializer
    ordering_fields = ("name", "updated_at", "id")

    def get_base_queryset(self):
        return ValidationRule.objects.prefetch_related("left", "right")
