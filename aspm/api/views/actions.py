"""Actions with their status history, and status changes with a note through ``action_set_status``."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action as route
from rest_framework.response import Response

from actionplans import clock, services
from actionplans.models import Action, ActionStatusChange
from partnerships.access import Perm

from ..base import CachedListMixin, PartnershipViewSet, partnership_api
from ..filters import ActionFilter
from ..serializers.actions import ActionSerializer, StatusChangeInputSerializer


@partnership_api
@extend_schema_view(
    list=extend_schema(summary="Actions of the action plan, with their status history"),
    retrieve=extend_schema(summary="One action, with its status history"),
)
@extend_schema(tags=["actions"])
class ActionViewSet(CachedListMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, PartnershipViewSet):
    """The action plan. Every member reads it; the owning organisation's SPOC and coordinators change
    an action's RAG status (red, amber, green, complete) with a note."""

    serializer_class = ActionSerializer
    filterset_class = ActionFilter
    ordering_fields = ("due_date", "status_changed_at", "updated_at", "id")
    perms = {"set_status": Perm.UPDATE_OWN_ACTIONS}

    @staticmethod
    def organisation_of(action):
        return action.owner_organisation

    def get_base_queryset(self):
        history = (
            ActionStatusChange.objects.select_related("changed_by")
            .only("id", "action_id", "status", "kind", "note", "changed_at", "changed_by__full_name")
            .order_by("changed_at", "id")
        )
        return Action.objects.select_related("owner_organisation").prefetch_related(
            Prefetch("history", queryset=history)
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": clock.today()}

    @extend_schema(
        summary="Change an action's status, with a note (its organisation's SPOC, coordinators)",
        description="Adds a line to the action's history. A note is needed for red. Send `expected_status` "
        "(the status you read) to be told with a 409 — and nothing written — if someone changed it since.",
        request=StatusChangeInputSerializer,
        responses={201: ActionSerializer},
    )
    @route(detail=True, methods=["post"], url_path="status", url_name="status")
    def set_status(self, request, *args, **kwargs):
        action = self.get_object()  # 404 for another partnership's action; 403 unless own organisation
        data = StatusChangeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.action_set_status(
            actor=request.user,
            action=action,
            status=data.validated_data["status"],
            note=data.validated_data.get("note", ""),
            expected_status=data.validated_data.get("expected_status"),
            if_changed="refuse",  # the service's rule, under its row lock: 409 and nothing written
        )
        fresh = self.get_base_queryset().get(pk=action.pk)
        return Response(self.get_serializer(fresh).data, status=status.HTTP_201_CREATED)
