"""Form helpers shared by every app."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError

from .errors import in_words


def add_service_errors(form: forms.Form, error: ValidationError, aliases: dict[str, str] | None = None) -> None:
    """Show a service's ValidationError on the form: on its field when the form has it. ``aliases``
    maps a service's key to the form's field where they differ (e.g. "email" to "user")."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            field = (aliases or {}).get(field, field)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def call_service(
    form: forms.Form, service: Callable[..., Any], /, aliases: dict[str, str] | None = None, **kwargs
) -> tuple[bool, Any]:
    """Run ``service(**kwargs)``; on a ValidationError put it on ``form`` and return (False, None)."""
    try:
        return True, service(**kwargs)
    except ValidationError as error:
        add_service_errors(form, error, aliases)
        return False, None


class DateInput(forms.DateInput):
    """A native date picker: the browser shows it in the reader's locale (en-GB here)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def call_and_say(request, service: Callable[..., Any], /, *, done, failed: str = "", **kwargs) -> tuple[bool, Any]:
    """A button's write (no form to show again): run ``service(**kwargs)``; its refusal becomes an
    error message (after ``failed``), else ``done`` (a sentence, or one made from the result) a
    success message. Returns (succeeded, result)."""
    try:
        result = service(**kwargs)
    except ValidationError as error:
        messages.error(request, failed + in_words(error))
        return False, None
    messages.success(request, done(result) if callable(done) else done)
    return True, result
