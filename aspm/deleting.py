"""One shape for the views that delete through a service: the service refuses with a
ValidationError (something still depends on the object) or deletes and audits; the view says
which, as a message, and redirects."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect

from aspm.errors import in_words


def delete_then_redirect(
    request: HttpRequest,
    delete: Callable[[], object],
    *,
    done: str,
    back: str,
    then: str | None = None,
) -> HttpResponseRedirect:
    """Run `delete`; if the service refuses, show its reasons and go `back` (the object's page);
    otherwise say `done` and go to `then` (a list), or `back` when the object's page outlives it."""
    try:
        delete()
    except ValidationError as error:
        messages.error(request, in_words(error))
        return redirect(back)
    messages.success(request, done)
    return redirect(then or back)
