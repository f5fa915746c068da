"""Indicators (with their targets and progress) and reporting periods: read-only lists and details."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response

from indicators.models import Indicator, ReportingPeriod
from partnerships.models import Organisation

from ..base import CachedListMixin, partnership_api
from ..filters import IndicatorFilter, ReportingPeriodFilter
from ..progress import progress_of, targets_of
from ..serializers.measurement import IndicatorSerializer, ReportingPeriodSerializer
from .strategy import ReadOnlyPartnershipViewSet


@partnership_api
@extend_schema_view(
    list=extend_schema(summary="Indicators, with their targets and progress"),
    retrieve=extend_schema(summary="One indicator, with its targets and progress"),
)
@extend_schema(tags=["indicators"])
class IndicatorViewSet(CachedListMixin, ReadOnlyPartnershipViewSet):
    """What the partnership measures, with baseline and targets (per period; a null period is the
    target of the whole plan) and progress (status, actual and target for the current quarter and
    the financial year to date, as on the results page). Decimal values are strings, to keep them exact."""

    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilter
    ordering_fields = ("code", "name", "updated_at", "id")

    def get_base_queryset(self):
        # Targets are read for the whole page at once as plain values (``_with_progress``): a page of 100
        # indicators has over a thousand, too many to build as model instances within the time budget.
        return Indicator.objects.prefetch_related(
            Prefetch("reporting_organisations", queryset=Organisation.objects.only("id")),
        )

    def retrieve(self, request, *args, **kwargs):
        indicator = self.get_object()
        return Response(self.get_serializer(indicator, context=self._with_progress([indicator])).data)

    def page_context(self, rows: list) -> dict:
        return self._with_progress(rows)

    def _with_progress(self, indicators: list) -> dict:
        targets = targets_of(self.partnership, indicators)
        return {
            **self.get_serializer_context(),
            "targets": targets,
            "progress": progress_of(self.partnership, indicators, targets=targets),
        }


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
