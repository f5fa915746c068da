"""The uploaded file between the check and the confirmation: in storage under a random name.

The session keeps only a small note (token, path, chosen sheets, mapping), never the file. The file
is removed on confirmation, on cancel, and by :func:`sweep` a day after upload at the latest.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

ROOT = "imports"
KEEP_FOR = dt.timedelta(days=1)


def save(partnership, content: bytes) -> tuple[str, str]:
    """Store the upload; return (token, path). The token is what the page carries, not the path."""
    token = secrets.token_urlsafe(16)
    path = default_storage.save(f"{ROOT}/{partnership.pk}/{token}.bin", ContentFile(content))
    return token, path


def read(path: str) -> bytes | None:
    if not path.startswith(f"{ROOT}/") or not default_storage.exists(path):
        return None
    with default_storage.open(path, "rb") as handle:
        return handle.read()


def delete(path: str) -> None:
    if path.startswith(f"{ROOT}/") and default_storage.exists(path):
        default_storage.delete(path)


def sweep(*, now: dt.datetime | None = None) -> int:
    """Remove every stored upload older than :data:`KEEP_FOR`; return how many were removed."""
    cutoff = (now or timezone.now()) - KEEP_FOR
    removed = 0
    if not default_storage.exists(ROOT):
        return 0
    folders, _ = default_storage.listdir(ROOT)
    for folder in folders:
        for name in default_storage.listdir(f"{ROOT}/{folder}")[1]:
            path = f"{ROOT}/{folder}/{name}"
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
                removed += 1
    return removed
