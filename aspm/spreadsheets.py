"""Spreadsheet safety for every export and import (django-import-export, openpyxl, csv).

* :func:`neutralise` stops formula injection: a cell that starts with ``=``, ``+``, ``-``, ``@``,
  tab, CR or LF is prefixed with an apostrophe, so a spreadsheet program shows it as text.
  (django-import-export's own escaping handles only a leading ``=``.) Numbers are left alone.
* :class:`SafeExportMixin` applies it to every exported cell of a resource, headers included.
* :func:`check_spreadsheet_upload` refuses files that are not .xlsx/.csv, too big, or zip bombs.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from .uploads import KIND_CSV, KIND_XLSX, validate_upload

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
IMPORT_MAX_BYTES = 10 * 1024 * 1024


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def neutralise_row(values) -> list:
    return [neutralise(v) for v in values]


class SafeExportMixin:
    """Mix into an import_export ``Resource``: every exported cell and header is neutralised."""

    def export_field(self, field, instance, **kwargs):
        return neutralise(super().export_field(field, instance, **kwargs))

    def get_export_headers(self, selected_fields=None):
        return neutralise_row(super().get_export_headers(selected_fields=selected_fields))


def check_spreadsheet_upload(uploaded, *, max_bytes: int = IMPORT_MAX_BYTES) -> str:
    """Return "xlsx" or "csv" for an acceptable upload, or raise a ValidationError saying why not."""
    kind = validate_upload(uploaded, allowed={KIND_XLSX, KIND_CSV}, max_bytes=max_bytes)
    if kind not in (KIND_XLSX, KIND_CSV):  # pragma: no cover - validate_upload already refuses
        raise ValidationError("Upload an Excel workbook (.xlsx) or a CSV file.")
    return kind
