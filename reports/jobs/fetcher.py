"""WeasyPrint's only way to fetch anything: our own static files and media, nothing else.

The report's HTML is rendered with ``base_url=BASE_URL``. A link such as ``/static/css/x.css``
becomes ``https://report.aspm.invalid/static/css/x.css``, which this fetcher answers from the
static files finders (or the collected files) and ``/media/...`` from the default storage — only
a file that belongs to the job's own partnership (a file field of one of its rows names it). Every
other URL — another host, ``http:``, ``file:``, ``data:``, a path that climbs out with ``..`` —
is refused, so a value typed by a user can never make the worker read a local file or call out.
"""

from __future__ import annotations

import mimetypes
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://report.aspm.invalid/"
_ORIGIN = urlsplit(BASE_URL)


class RefusedURL(ValueError):
    """WeasyPrint logs it and leaves the resource out; the report is still made."""


def belongs_to(partnership_id: int | None, name: str) -> bool:
    """Whether a stored file ``name`` is named by a file field of a row of this partnership."""
    from django.apps import apps
    from django.db import models

    from aspm.models import TenantModel

    if partnership_id is None:
        return False
    for model in apps.get_models():
        if not issubclass(model, TenantModel):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField) and (
                model._default_manager.filter(partnership_id=partnership_id, **{field.name: name}).exists()
            ):
                return True
    return False


class ReportURLFetcher(URLFetcher):
    def __init__(self, *, partnership_id: int | None = None):
        """``partnership_id``: the job's partnership, whose media files (and no one else's) may be used."""
        super().__init__(allowed_protocols=("https",), allow_redirects=False)
        self.partnership_id = partnership_id
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        try:
            path = self._local_path(url)
            if path.startswith(settings.STATIC_URL):
                body = self._static(path.removeprefix(settings.STATIC_URL))
            elif path.startswith(settings.MEDIA_URL):
                body = self._media(path.removeprefix(settings.MEDIA_URL))
            else:
                raise RefusedURL(f"Only static files and media may be used in a report: {url}")
        except RefusedURL:
            self.refused.append(url)
            raise
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})

    @staticmethod
    def _local_path(url: str) -> str:
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != (_ORIGIN.scheme, _ORIGIN.netloc) or parts.username or parts.port:
            raise RefusedURL(f"Outside the report's own files: {url}")
        path = unquote(parts.path)
        normal = posixpath.normpath(path)
        if normal != path.rstrip("/") or "\\" in path or "\x00" in path:
            raise RefusedURL(f"Not a plain path: {url}")
        return normal

    @staticmethod
    def _static(relative: str) -> bytes:
        found = finders.find(relative)
        if not found and settings.STATIC_ROOT:
            candidate = Path(settings.STATIC_ROOT) / relative
            found = str(candidate) if candidate.is_file() else None
        if not found:
            raise RefusedURL(f"No such static file: {relative}")
        return Path(found).read_bytes()

    def _media(self, relative: str) -> bytes:
        if not relative or not default_storage.exists(relative):
            raise RefusedURL(f"No such media file: {relative}")
        if not belongs_to(self.partnership_id, relative):
            raise RefusedURL(f"Not a file of this partnership: {relative}")
        with default_storage.open(relative, "rb") as handle:
            return handle.read()
