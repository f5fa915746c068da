"""Indicators (with their targets) and reporting periods: read-only lists and details."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view

from indicators.models import Indicator, ReportingPeriod, Target
from partnerships.models import Organisation

from ..base import partnership_api
from ..filters import IndicatorFilter, ReportingPeriodFilter
from ..serializers.measurement import IndicatorSerializer, ReportingPeriodSerializer
from .strategy import ReadOnlyPartnershipViewSet


@partnership_api
@extend_schema_view(
    list=extend_schema(summary="Indicators, with their targets"),
    retrieve=extend_schema(summary="One indicator, with its targets"),
)
@extend_schema(tags=["indicators"])
class IndicatorViewSet(ReadOnlyPartnershipViewSet):
    """What the partnership measures, with baseline and targets (per period; a null period is the
    target of the whole plan). Decimal values are strings, to keep them exact."""

    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilter
    ordering_fields = ("code", "name", "updated_at", "id")

    def get_base_queryset(self):
        targets = Target.objects.select_related("period").order_by("period__start", "id")
        return Indicator.objects.prefetch_related(
            Prefetch("targets", queryset=targets),
            Prefetch("reporting_organisations", queryset=Organisation.objects.only("id")),
        )


@partnership_api
@extend_schema_view(
    list=extend_schema(summary="Reporting periods (months, quarters, financial years)"),
    retrieve=extend_schema(summary="One reporting period"),
)
@extend_schema(tags=["indicators"])
class ReportingPeriodViewSet(ReadOnlyPartnershipViewSet):
    """The partnership's months, quarters and financial years; figures can be sent for open ones."""

    serializer_class = ReportingPeriodSerializer
    filterset_class = ReportingPeriodFilter
    ordering_fields = ("start", "updated_at", "id")

    def get_base_queryset(self):
        return ReportingPeriod.objects.all()
