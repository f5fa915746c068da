"""The recommendations register: read it, and record the partnership's management response."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action as route
from rest_framework.response import Response

from actionplans import clock
from actionplans.learning import services
from actionplans.learning.models import Recommendation, RecommendationChange
from partnerships.access import Perm

from ..base import PartnershipViewSet, partnership_api
from ..serializers.learning import RecommendationSerializer, ResponseInputSerializer


@partnership_api
@extend_schema_view(
    list=extend_schema(summary="Recommendations made to the partnership, with responses, actions and history"),
    retrieve=extend_schema(summary="One recommendation, with its response, actions and history"),
)
@extend_schema(tags=["recommendations"])
class RecommendationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, PartnershipViewSet):
    """The recommendations register. Every member reads it; coordinators record the management response."""

    serializer_class = RecommendationSerializer
    ordering_fields = ("source_date", "due_date", "status_changed_at", "id")
    perms = {"respond": Perm.MANAGE_RECOMMENDATIONS}

    def get_base_queryset(self):
        history = RecommendationChange.objects.select_related("changed_by").order_by("changed_at", "id")
        return Recommendation.objects.select_related("owner_organisation").prefetch_related(
            "actions", Prefetch("history", queryset=history)
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": clock.today()}

    @extend_schema(
        summary="Record the management response: accept, partly or reject, with reasons (coordinators)",
        description="Reasons are needed unless the recommendation is fully accepted. The status follows.",
        request=ResponseInputSerializer,
        responses={201: RecommendationSerializer},
    )
    @route(detail=True, methods=["post"], url_path="response", url_name="response")
    def respond(self, request, *args, **kwargs):
        rec = self.get_object()  # 404 for another partnership's; 403 unless the role may
        data = ResponseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.recommendation_respond(
            actor=request.user,
            recommendation=rec,
            response=data.validated_data["response"],
            reasons=data.validated_data.get("reasons", ""),
        )
        fresh = self.get_base_queryset().get(pk=rec.pk)
        return Response(self.get_serializer(fresh).data, status=status.HTTP_201_CREATED)
