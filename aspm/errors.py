"""The one error that services raise when a change clashes with the current state of a record, and
the one way each interface says it.

``ConflictError`` (also importable as ``Conflict``) is a ``ValidationError``: the rule that decides
it lives in the service, under the row lock that makes the decision safe (a return already
submitted or approved, a locked period, a status someone changed meanwhile when the caller asked
for that to refuse the change, a token already revoked). Interfaces translate it, never re-check it:

* pages: ``in_words(error)`` — the sentence for a flash message; forms that use
  ``aspm.forms.call_service`` show the same words on the form;
* the API: ``aspm.api.exceptions`` answers 409 Conflict with ``in_words(error)`` as its ``detail``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError


class ConflictError(ValidationError):
    """The change clashes with the current state of the object (HTTP 409 in the API)."""


Conflict = ConflictError


def in_words(error: ValidationError) -> str:
    """A service's refusal as one plain sentence (or a few), the same on pages and in the API."""
    return " ".join(error.messages)
