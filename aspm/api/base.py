"""Partnership scoping for API views, through the one access layer (``partnerships.access``).

Routes are ``/api/v1/p/<slug>/...``. For every request :class:`PartnershipPermission`:

1. answers 401 to an anonymous caller;
2. resolves the caller's membership with ``access.get_membership_for`` — 404 for a non-member,
   exactly as for a partnership that does not exist;
3. for actions on no single object (list, create) checks the action's ``Perm`` — 403 without it.

Actions on one object look the object up first, with ``access.get_object_for`` on the
partnership's scoped queryset (404 for anything of another partnership, whoever asks), and only
then check the right (403). A token acts with its owner's role in each partnership.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import models
from django.http import Http404
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, viewsets
from rest_framework.response import Response

from aspm import data_version
from partnerships import access
from partnerships.access import Perm
from partnerships.models import Membership, Organisation

from .filters import MAX_ID, StableOrderingFilter

SLUG_PARAMETER = OpenApiParameter(
    "slug",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    pattern=r"^[-a-zA-Z0-9_]+$",
    description="The partnership's short name: what follows /p/ in its web addresses (see GET /api/v1/partnerships/).",
)
OBJECT_ACTIONS = frozenset({"retrieve", "update", "partial_update", "destroy"})


class PartnershipPermission(permissions.BasePermission):
    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False  # 401 with WWW-Authenticate
        view.membership = access.get_membership_for(request.user, view.kwargs["slug"])
        view.partnership = view.membership.partnership
        if getattr(view, "action", None) in OBJECT_ACTIONS or getattr(view, "detail", False):
            return True  # checked after the object is found (get_object), also for extra routes on one object
        perm = view.perm_for_action()
        if perm in access.OWN_ORGANISATION_PERMS:
            # "own organisation" rights: the service call checks the organisation (view.require).
            return access.role_can(view.membership.role, perm) or access.can(view.membership, perm)
        access.require(view.membership, perm)
        return True


def partnership_api(viewset):
    """Class decorator for a partnership viewset: documents the ``slug`` path parameter."""
    return extend_schema(parameters=[SLUG_PARAMETER])(viewset)


class PartnershipMixin:
    """For every view under ``/api/v1/p/<slug>/``. Set ``perms`` (action -> Perm)."""

    permission_classes = [PartnershipPermission]
    perms: dict[str, Perm] = {}
    default_perm = Perm.VIEW
    membership: Membership
    partnership = None
    # For rights limited to the member's organisation: which organisation an object is of.
    organisation_of: Callable[[models.Model], Organisation | None] | None = None

    def perm_for_action(self) -> Perm:
        action = getattr(self, "action", None) or self.request.method.lower()
        return self.perms.get(action, self.default_perm)

    def require(self, perm: Perm, *, organisation: Organisation | None = None) -> None:
        """403 unless the member has ``perm`` (for ``organisation``, for "own organisation" rights)."""
        access.require(self.membership, perm, organisation=organisation)


class PartnershipViewSet(PartnershipMixin, viewsets.GenericViewSet):
    """A viewset of one kind of record of a partnership. Subclasses define ``get_base_queryset``
    (usually a selector) — it is scoped to the caller's partnership here, never by hand."""

    lookup_field = "pk"
    lookup_value_converter = "int"
    filter_backends = [DjangoFilterBackend, StableOrderingFilter]
    write_serializer_class = None  # the input of create/update, when it differs from the output

    def get_base_queryset(self) -> models.QuerySet:
        raise NotImplementedError

    def get_queryset(self) -> models.QuerySet:
        if getattr(self, "swagger_fake_view", False):  # building the schema: no request, no partnership
            return self.get_base_queryset().none()
        return access.scoped(self.partnership, self.get_base_queryset())

    def get_object(self):
        pk = self.kwargs[self.lookup_field]
        if int(pk) > MAX_ID:  # larger than any id the database can hold
            raise Http404("Not found.")
        organisation_of = type(self).organisation_of
        obj = access.get_object_for(
            self.membership,
            self.filter_queryset(self.get_queryset()),
            need=self.perm_for_action(),
            organisation_of=(lambda o: organisation_of(o)) if organisation_of else None,
            pk=pk,
        )
        return obj

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update") and self.write_serializer_class is not None:
            return self.write_serializer_class
        return super().get_serializer_class()

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["partnership"] = self.partnership
        context["membership"] = getattr(self, "membership", None)
        return context


CACHED_PARAMS = {"page", "page_size", "ordering"}  # a list read whole, page by page: kept in the cache


class CachedListMixin:
    """``list`` for a viewset whose rows read the same for every member: a page of the whole list is
    kept until the partnership's data changes (aspm/data_version.py) or the day does (progress and
    "overdue" are as at today). A filtered list is computed each time (any text, unbounded keys).
    The serializer must not depend on the person asking; ``list_data`` may be overridden to add
    context for a page of rows."""

    def list(self, request, *args, **kwargs):
        if set(request.query_params) - CACHED_PARAMS:
            return Response(self.list_data())
        key = [request.build_absolute_uri(), timezone.localdate()]
        return Response(data_version.cached(self.partnership, f"api-{self.basename}", self.list_data, parts=key))

    def list_data(self):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        rows = list(page if page is not None else queryset)
        serializer = self.get_serializer(rows, many=True, context=self.page_context(rows))
        return self.get_paginated_response(serializer.data).data if page is not None else serializer.data

    def page_context(self, rows: list) -> dict:
        return self.get_serializer_context()
