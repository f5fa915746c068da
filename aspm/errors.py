"""Errors that services raise and every interface (pages, API) understands.

``ConflictError`` is a ``ValidationError``, so forms that use ``aspm.forms.call_service`` show its
message like any other; the API answers it with 409 Conflict instead of 400, because the request
was well formed but the thing is in a state that does not allow it (a return already approved, a
period already locked, a token already revoked).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError


class ConflictError(ValidationError):
    """The change clashes with the current state of the object (HTTP 409 in the API)."""
