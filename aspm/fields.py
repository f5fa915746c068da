"""How long free text may be, and the text field that enforces it everywhere.

Django shows a ``TextField``'s ``max_length`` on the form's textarea but does not check it in
``full_clean``, so a service (or an import, or the admin) would store a 10 MB vision and every page
that shows it would carry it. ``LimitedTextField`` adds the check, so model forms, ``full_clean``
(every audited write) and DRF's model serializers all refuse longer text with a message.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

TITLE = 200  # a title or a name
SHORT = 2_000  # a note, a comment, a reason
NARRATIVE = 10_000  # a description, a vision, a summary, a quarter's progress
MINUTES = 100_000  # a meeting's minutes


class TooLongValidator(MaxLengthValidator):
    message = "Keep this to %(limit_value)s characters or fewer (it has %(show_value)s)."

    def __init__(self, limit_value, message=None):
        super().__init__(limit_value, message)

    def __call__(self, value):
        # Show the numbers with thousands separators: "10,000", not "10000".
        cleaned = self.clean(value)
        if self.compare(cleaned, self.limit_value):
            raise ValidationError(
                self.message,
                code=self.code,
                params={"limit_value": f"{self.limit_value:,}", "show_value": f"{cleaned:,}", "value": value},
            )


class LimitedTextField(models.TextField):
    """A ``TextField`` whose ``max_length`` (required) is enforced, not only shown on the form."""

    def __init__(self, *args, max_length: int = NARRATIVE, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)
        self.validators.append(TooLongValidator(max_length))

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        # The same message on the page as from the service.
        field.validators = [v for v in field.validators if type(v) is not MaxLengthValidator]
        field.validators.append(TooLongValidator(self.max_length))
        return field


def refuse_too_long(model: type[models.Model], values: dict) -> None:
    """Refuse any value longer than its field allows, before a service does more work with it.

    ``full_clean`` checks the same, at the end; a service that scans text first (for personal
    identifiers, say) calls this so that it never scans more than the field may hold.
    """
    errors = {}
    for name, value in values.items():
        field = next((f for f in model._meta.concrete_fields if f.name == name), None)
        limit = getattr(field, "max_length", None)
        if isinstance(field, models.TextField | models.CharField) and limit and isinstance(value, str):
            try:
                TooLongValidator(limit)(value)
            except ValidationError as error:
                errors[name] = error.messages
    if errors:
        raise ValidationError(errors)
