"""Any address under /api/v1/ that is not an endpoint: the API's own 404 body, not an HTML page."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, authentication_classes, permission_classes, throttle_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny

from ..throttling import TokenRateThrottle


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@authentication_classes([])
@permission_classes([AllowAny])
@throttle_classes([TokenRateThrottle])
def not_found(request, *args, **kwargs):
    raise NotFound("There is no such address in the API. See /api/v1/docs/ for the list.")
