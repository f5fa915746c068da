"""The caller's partnerships, one partnership, and its organisations (read and write)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, mixins
from rest_framework.response import Response

from partnerships import services
from partnerships.access import Perm, memberships_of
from partnerships.models import Organisation

from ..base import PartnershipMixin, PartnershipViewSet, partnership_api
from ..filters import OrganisationFilter
from ..serializers.partnerships import (
    MembershipSerializer,
    OrganisationCreateSerializer,
    OrganisationSerializer,
    OrganisationUpdateSerializer,
)
from .writes import ServiceCreateMixin, ServiceDestroyMixin, ServiceUpdateMixin


@extend_schema(tags=["partnerships"], summary="Your partnerships, with your role and rights in each")
class MyPartnershipsView(generics.ListAPIView):
    serializer_class = MembershipSerializer

    def get_queryset(self):
        return memberships_of(self.request.user)


@partnership_api
@extend_schema(tags=["partnerships"], summary="One of your partnerships, with your role and rights")
class PartnershipDetailView(PartnershipMixin, generics.GenericAPIView):
    serializer_class = MembershipSerializer

    def get(self, request, *args, **kwargs):
        return Response(self.get_serializer(self.membership).data)


@partnership_api
@extend_schema_view(
    list=extend_schema(summary="Partner organisations"),
    retrieve=extend_schema(summary="One partner organisation"),
    create=extend_schema(
        summary="Add a partner organisation (coordinators)",
        request=OrganisationCreateSerializer,
        responses={201: OrganisationSerializer},
    ),
    update=extend_schema(
        summary="Change an organisation (coordinators)",
        request=OrganisationUpdateSerializer,
        responses={200: OrganisationSerializer},
    ),
    partial_update=extend_schema(
        summary="Change some details of an organisation (coordinators)",
        request=OrganisationUpdateSerializer,
        responses={200: OrganisationSerializer},
    ),
    destroy=extend_schema(summary="Delete an organisation nobody speaks for (coordinators)"),
)
@extend_schema(tags=["organisations"])
class OrganisationViewSet(
    ServiceCreateMixin,
    ServiceUpdateMixin,
    ServiceDestroyMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    PartnershipViewSet,
):
    """The partner organisations. Every member reads them; coordinators add, change and delete them."""

    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter
    ordering_fields = ("name", "updated_at", "id")
    perms = {
        "create": Perm.MANAGE_PARTNERSHIP,
        "update": Perm.MANAGE_PARTNERSHIP,
        "partial_update": Perm.MANAGE_PARTNERSHIP,
        "destroy": Perm.MANAGE_PARTNERSHIP,
    }

    def get_base_queryset(self):
        return Organisation.objects.order_by("name", "id")

    def get_serializer_class(self):
        if self.action == "create":
            return OrganisationCreateSerializer
        if self.action in ("update", "partial_update"):
            return OrganisationUpdateSerializer
        return OrganisationSerializer

    def create_with_service(self, data):
        return services.organisation_create(actor=self.request.user, partnership=self.partnership, **data)

    def update_with_service(self, organisation, data):
        return services.organisation_update(actor=self.request.user, organisation=organisation, **data)

    def destroy_with_service(self, organisation):
        services.organisation_delete(actor=self.request.user, organisation=organisation)
