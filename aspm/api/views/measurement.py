"""Indicators (with their targets and progress) and reporting periods: read-only lists and details."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response

from aspm import data_version
from indicators.models import Indicator, ReportingPeriod
from partnerships.models import Organisation

from ..base import partnership_api
from ..filters import IndicatorFilter, ReportingPeriodFilter
from ..progress import progress_of, targets_of
from ..serializers.measurement import IndicatorSerializer, ReportingPeriodSerializer
from .strategy import ReadOnlyPartnershipViewSet

CACHED_PARAMS = {"page", "page_size", "ordering"}  # a list read whole, page by page: kept in the cache


@partnership_api
@extend_schema_view(
    list=extend_schema(summary="Indicators, with their targets and progress"),
    retrieve=extend_schema(summary="One indicator, with its targets and progress"),
)
@extend_schema(tags=["indicators"])
class IndicatorViewSet(ReadOnlyPartnershipViewSet):
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

    def list(self, request, *args, **kwargs):
        if set(request.query_params) - CACHED_PARAMS:  # filtered: computed each time (any text, unbounded)
            return Response(self._list_data())
        # A page of the whole list is the same for every member: kept until the partnership's data
        # changes (aspm/data_version.py) or the day does (progress is "as at" today).
        key = [request.build_absolute_uri(), timezone.localdate()]
        return Response(data_version.cached(self.partnership, "api-indicators", self._list_data, parts=key))

    def _list_data(self):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        rows = list(page if page is not None else queryset)
        serializer = self.get_serializer(rows, many=True, context=self._with_progress(rows))
        return self.get_paginated_response(serializer.data).data if page is not None else serializer.data

    def retrieve(self, request, *args, **kwargs):
        indicator = self.get_object()
        return Response(self.get_serializer(indicator, context=self._with_progress([indicator])).data)

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
