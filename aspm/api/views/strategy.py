"""Strands, objectives and results chain entries: read-only lists and details."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins

from indicators.models import Objective, ResultsChainEntry, Strand
from partnerships.models import SubGroup

from ..base import PartnershipViewSet, partnership_api
from ..filters import ObjectiveFilter, ResultsChainEntryFilter, StrandFilter
from ..serializers.strategy import ObjectiveSerializer, ResultsChainEntrySerializer, StrandSerializer


class ReadOnlyPartnershipViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, PartnershipViewSet):
    """Every member of the partnership may read these, whatever their role."""


@partnership_api
@extend_schema_view(list=extend_schema(summary="Strands (the 4Ps)"), retrieve=extend_schema(summary="One strand"))
@extend_schema(tags=["strategy"])
class StrandViewSet(ReadOnlyPartnershipViewSet):
    """The strands of the strategy: the 4Ps (Pursue, Prevent, Protect, Prepare) and any the partnership added."""

    serializer_class = StrandSerializer
    filterset_class = StrandFilter
    ordering_fields = ("order", "name", "updated_at", "id")

    def get_base_queryset(self):
        return Strand.objects.prefetch_related(Prefetch("subgroups", queryset=SubGroup.objects.only("id")))


@partnership_api
@extend_schema_view(list=extend_schema(summary="SMART objectives"), retrieve=extend_schema(summary="One objective"))
@extend_schema(tags=["strategy"])
class ObjectiveViewSet(ReadOnlyPartnershipViewSet):
    """The partnership's SMART objectives, each under a strand and owned by an organisation or sub-group."""

    serializer_class = ObjectiveSerializer
    filterset_class = ObjectiveFilter
    ordering_fields = ("code", "updated_at", "id")

    def get_base_queryset(self):
        return Objective.objects.select_related("strand")


@partnership_api
@extend_schema_view(
    list=extend_schema(summary="Results chain entries (inputs to impact) of the objectives"),
    retrieve=extend_schema(summary="One results chain entry"),
)
@extend_schema(tags=["strategy"])
class ResultsChainEntryViewSet(ReadOnlyPartnershipViewSet):
    """The boxes of each objective's results chain (level 1 input, 2 activity, 3 output, 4 outcome,
    5 impact); ``leads_to`` is the entry one level up that this one produces."""

    serializer_class = ResultsChainEntrySerializer
    filterset_class = ResultsChainEntryFilter
    ordering_fields = ("level", "order", "updated_at", "id")

    def get_base_queryset(self):
        return ResultsChainEntry.objects.all()
