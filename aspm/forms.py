"""Form helpers shared by every app."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError


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
