"""Quarterly returns: read them (a SPOC only their organisation's), save a draft and submit, through
``reports.returns.services`` — the path the return's page takes."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.decorators import action as route
from rest_framework.response import Response

from partnerships.access import Perm
from reports.models import Return, ReturnFigure, ReturnTransition
from reports.returns import services
from reports.returns.selectors import returns_visible_to

from ..base import PartnershipViewSet, partnership_api
from ..filters import ReturnFilter
from ..serializers.returns import ReturnDraftSerializer, ReturnSerializer, ReturnSummarySerializer


@partnership_api
@extend_schema_view(
    list=extend_schema(
        summary="Quarterly returns, with their status (figures and history: on each return)",
        responses={200: ReturnSummarySerializer(many=True)},
        description="Coordinators, board members and viewers see every organisation's; a partner SPOC only "
        "their own organisation's (another's is a 404).",
    ),
    retrieve=extend_schema(summary="One quarterly return, with its figures and history"),
)
@extend_schema(tags=["returns"])
class ReturnViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, PartnershipViewSet):
    """Each organisation's quarterly return: figures and the Progress / Problems / Priorities /
    Points-for-action note. Its SPOC (or a coordinator) saves the draft and submits it; a
    coordinator approves it on the return's page, which records its figures."""

    serializer_class = ReturnSerializer
    filterset_class = ReturnFilter
    ordering_fields = ("due_date", "updated_at", "id")
    perms = {"partial_update": Perm.SUBMIT_OWN_RETURN, "submit": Perm.SUBMIT_OWN_RETURN}

    @staticmethod
    def organisation_of(return_):
        return return_.organisation

    def get_serializer_class(self):
        return ReturnSummarySerializer if self.action == "list" else ReturnSerializer

    def get_base_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Return.objects.all()
        if self.action == "list":
            return returns_visible_to(self.membership)
        figures = ReturnFigure.objects.select_related("indicator").order_by("indicator__code")
        transitions = ReturnTransition.objects.select_related("actor").order_by("at", "id")
        return returns_visible_to(self.membership).prefetch_related(
            Prefetch("figures", queryset=figures), Prefetch("transitions", queryset=transitions)
        )

    def _answer(self, return_) -> Response:
        return Response(self.get_serializer(self.get_base_queryset().get(pk=return_.pk)).data)

    @extend_schema(
        summary="Save the draft: narrative answers and figures (the organisation's SPOC, coordinators)",
        description="Only what is sent changes. Every figure is checked; on any error nothing is saved and the "
        "errors come back by field (`figure-<indicator id>` for a figure). A submitted or approved return is a 409.",
        request=ReturnDraftSerializer,
        responses={200: ReturnSerializer},
    )
    def partial_update(self, request, *args, **kwargs):
        return_ = self.get_object()
        data = ReturnDraftSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        figures = {row.pop("indicator"): row for row in values.pop("figures", [])}
        # a submitted or approved return: the service's ConflictError, decided under the row lock (409)
        services.return_save_draft(actor=request.user, return_=return_, narrative=values, figures=figures)
        return self._answer(return_)

    @extend_schema(
        summary="Submit the return to the coordinator (the organisation's SPOC, coordinators)",
        description="Refused (400, with what is missing) until every answer and figure is given; a return "
        "already submitted or approved is a 409.",
        request=None,
        responses={200: ReturnSerializer},
    )
    @route(detail=True, methods=["post"], url_path="submit", url_name="submit")
    def submit(self, request, *args, **kwargs):
        return_ = self.get_object()
        services.return_submit(actor=request.user, return_=return_)
        return self._answer(return_)
