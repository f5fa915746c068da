"""Every API error has one body: ``{"detail": "<a sentence>", "errors": {"<field>": ["<message>", …]}}``.

``errors`` is empty unless values were refused (400); refusals that concern no single field are under
``non_field_errors``. Status codes: 400 bad values, 401 no or bad credentials, 403 the role does
not allow it, 404 not found (or not yours to know about), 405 method, 409 the object's state does
not allow it (``aspm.errors.ConflictError`` from a service), 429 too many requests.
"""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404
from rest_framework import exceptions, serializers, status
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from aspm.errors import ConflictError, in_words

INVALID = "Some of the values sent are not valid: see “errors”."


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "This clashes with the current state of the record."
    default_code = "conflict"


class ErrorSerializer(serializers.Serializer):
    """The body of every error response."""

    detail = serializers.CharField(help_text="What went wrong, in a sentence.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="For refused values: messages by field name (``non_field_errors`` for the whole request).",
    )


def _flatten(detail, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail as ``{"field": [...], "targets.0.value": [...]}``."""
    out: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = api_settings.NON_FIELD_ERRORS_KEY if key == NON_FIELD_ERRORS else str(key)
            out.update(_flatten(value, f"{prefix}.{name}" if prefix else name))
    elif isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            out.setdefault(prefix or api_settings.NON_FIELD_ERRORS_KEY, []).extend(str(item) for item in detail)
        else:
            for index, item in enumerate(detail):
                if item:
                    out.update(_flatten(item, f"{prefix}.{index}" if prefix else str(index)))
    else:
        out.setdefault(prefix or api_settings.NON_FIELD_ERRORS_KEY, []).append(str(detail))
    return out


def _from_django(error: DjangoValidationError) -> exceptions.APIException:
    """A service's ValidationError as the API's: field errors kept on their fields."""
    if isinstance(error, ConflictError):
        return Conflict(in_words(error))
    if hasattr(error, "error_dict"):
        return exceptions.ValidationError({field: [str(m) for m in errs] for field, errs in error.message_dict.items()})
    return exceptions.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: error.messages})


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(*exc.args)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    elif isinstance(exc, DjangoValidationError):
        exc = _from_django(exc)
    elif isinstance(exc, IntegrityError):
        # A unique constraint lost a race with another request: the service's own check passed.
        exc = Conflict("Another change to the same record happened at the same time. Read it again and retry.")
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # a server error: Django logs it and answers 500
    errors: dict[str, list[str]] = {}
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        only_general = set(errors) == {api_settings.NON_FIELD_ERRORS_KEY}
        detail = " ".join(errors[api_settings.NON_FIELD_ERRORS_KEY]) if only_general else INVALID
    elif isinstance(exc, exceptions.Throttled):
        wait = f" Try again in {int(exc.wait) + 1} seconds." if exc.wait else ""
        detail = "Too many requests for this token." + wait
    else:
        detail = str(exc.detail) if not isinstance(exc.detail, list | dict) else INVALID
    response.data = {"detail": detail, "errors": errors}
    return response
