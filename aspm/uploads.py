"""Uploaded files: checked by content (not by name), by size, and — for zip-based Office files —
by unpacked size and number of entries. Served only through views that check membership.

What is accepted is an allow-list of kinds recognised from the file's first bytes: PDF, PNG, JPEG,
GIF and WebP images, Word/Excel/PowerPoint and OpenDocument text/spreadsheet/presentation files,
old binary Office files, CSV and plain text. HTML, SVG and XML are refused even when they are
"text": a browser runs their scripts. A download's content type comes from the same sniffing of the
stored file, never from its name, and is always an attachment with ``nosniff``.
"""

from __future__ import annotations

import io
import mimetypes
import os
import re
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse

KIND_PDF = "pdf"
KIND_PNG = "png"
KIND_JPEG = "jpeg"
KIND_GIF = "gif"
KIND_WEBP = "webp"
KIND_DOCX = "docx"
KIND_XLSX = "xlsx"
KIND_PPTX = "pptx"
KIND_ODT = "odt"
KIND_ODS = "ods"
KIND_ODP = "odp"
KIND_XLS = "xls"
KIND_LEGACY_OFFICE = "legacy_office"
KIND_CSV = "csv"
KIND_TEXT = "text"

EVIDENCE_KINDS = frozenset(
    {
        KIND_PDF,
        KIND_PNG,
        KIND_JPEG,
        KIND_GIF,
        KIND_WEBP,
        KIND_DOCX,
        KIND_XLSX,
        KIND_PPTX,
        KIND_ODT,
        KIND_ODS,
        KIND_ODP,
        KIND_XLS,
        KIND_LEGACY_OFFICE,
        KIND_CSV,
        KIND_TEXT,
    }
)
CONTENT_TYPES = {
    KIND_PDF: "application/pdf",
    KIND_PNG: "image/png",
    KIND_JPEG: "image/jpeg",
    KIND_GIF: "image/gif",
    KIND_WEBP: "image/webp",
    KIND_DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    KIND_XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    KIND_PPTX: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    KIND_ODT: "application/vnd.oasis.opendocument.text",
    KIND_ODS: "application/vnd.oasis.opendocument.spreadsheet",
    KIND_ODP: "application/vnd.oasis.opendocument.presentation",
    KIND_XLS: "application/vnd.ms-excel",
    KIND_LEGACY_OFFICE: "application/octet-stream",
    KIND_CSV: "text/csv",
    KIND_TEXT: "text/plain",
}
LABELS = "PDF, Word, Excel, PowerPoint or OpenDocument files, images (PNG, JPEG, GIF, WebP), CSV or plain text"
EXTENSIONS = {
    KIND_PDF: ".pdf",
    KIND_PNG: ".png",
    KIND_JPEG: ".jpg",
    KIND_GIF: ".gif",
    KIND_WEBP: ".webp",
    KIND_DOCX: ".docx",
    KIND_XLSX: ".xlsx",
    KIND_PPTX: ".pptx",
    KIND_ODT: ".odt",
    KIND_ODS: ".ods",
    KIND_ODP: ".odp",
    KIND_XLS: ".xls",
    KIND_CSV: ".csv",
    KIND_TEXT: ".txt",
}
ODF_KINDS = {CONTENT_TYPES[k]: k for k in (KIND_ODT, KIND_ODS, KIND_ODP)}
# Markup a browser would render (and run scripts in) if it ever opened the file: refused as evidence.
MARKUP = re.compile(rb"<\s*(?:!doctype|html|head|body|svg|script|iframe|object|embed|\?xml|xml|meta|a\s|img\s)", re.I)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office files (.xls, .doc, .ppt)
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000


def zip_kind(uploaded) -> str:
    try:
        with zipfile.ZipFile(uploaded) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES:
                raise ValidationError("This file holds too many parts to be a normal document.")
            if sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
                raise ValidationError("This file unpacks to far more than its size: it cannot be accepted.")
            names = {e.filename for e in entries}
            odf_type = ""
            if "mimetype" in names and next(e for e in entries if e.filename == "mimetype").file_size < 100:
                odf_type = archive.read("mimetype").decode("ascii", errors="replace").strip()
    except zipfile.BadZipFile as exc:
        raise ValidationError("This file is damaged or is not a real Office document.") from exc
    finally:
        uploaded.seek(0)
    if "[Content_Types].xml" in names:
        for prefix, kind in (("word/", KIND_DOCX), ("xl/", KIND_XLSX), ("ppt/", KIND_PPTX)):
            if any(n.startswith(prefix) for n in names):
                return kind
    if odf_type in ODF_KINDS:
        return ODF_KINDS[odf_type]
    raise ValidationError("This zip file is not an Office document.")


def _ole_kind(uploaded) -> str:
    """An old binary Office file: an Excel workbook (.xls) when it holds a "Workbook" (or "Book") stream."""
    from xlrd import compdoc

    uploaded.seek(0)
    try:
        document = compdoc.CompDoc(uploaded.read(), logfile=io.StringIO())
        for name in ("Workbook", "Book"):
            if document.locate_named_stream(name)[0] is not None:
                return KIND_XLS
    except Exception:  # noqa: BLE001, S110 - a damaged compound file is still "some old Office file"
        pass
    finally:
        uploaded.seek(0)
    return KIND_LEGACY_OFFICE


def detect_kind(uploaded) -> str | None:
    """What the file really is, from its first bytes (and, for zips, its parts)."""
    uploaded.seek(0)
    head = uploaded.read(2048)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return KIND_PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return KIND_PNG
    if head.startswith(b"\xff\xd8\xff"):
        return KIND_JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return KIND_GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return KIND_WEBP
    if head.startswith(b"PK\x03\x04"):
        return zip_kind(uploaded)
    if head.startswith(OLE_MAGIC):
        return _ole_kind(uploaded)
    if b"\x00" in head or MARKUP.search(head):
        return None  # binary we do not know, or HTML / SVG / XML
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            head.decode("cp1252")
        except UnicodeDecodeError:
            return None
    name = (getattr(uploaded, "name", "") or "").lower()
    return KIND_CSV if name.endswith(".csv") or head.count(b",") >= 2 else KIND_TEXT


def validate_upload(uploaded, *, allowed=EVIDENCE_KINDS, max_bytes: int | None = None) -> str:
    """The file's kind if it is acceptable; otherwise a ValidationError in plain words."""
    limit = max_bytes or settings.UPLOAD_MAX_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            f"This file is {uploaded.size / 1024 / 1024:.1f} MB; the limit is {limit // (1024 * 1024)} MB."
        )
    if uploaded.size == 0:
        raise ValidationError("This file is empty.")
    kind = detect_kind(uploaded)
    if kind not in allowed:
        if allowed == {KIND_XLSX, KIND_XLS, KIND_ODS, KIND_CSV}:
            raise ValidationError(
                "This is not a spreadsheet: upload an Excel workbook (.xlsx or .xls), "
                "an OpenDocument spreadsheet (.ods) or a CSV file."
            )
        raise ValidationError(f"This kind of file is not accepted. Accepted: {LABELS}.")
    return kind


def _sniffed(handle) -> str | None:
    try:
        return detect_kind(handle)
    except ValidationError:
        return None


def download_name_for(name: str, kind: str | None) -> str:
    """``name`` with an extension that agrees with what the file is (``notes.html`` holding a PNG
    is sent as ``notes.html.png``), so the saved copy opens as what it really is."""
    if kind is None or kind not in EXTENSIONS:
        return name
    guessed = mimetypes.guess_type(name)[0]
    plain_text = {CONTENT_TYPES[KIND_TEXT], CONTENT_TYPES[KIND_CSV]}
    if guessed == CONTENT_TYPES[kind] or (guessed in plain_text and CONTENT_TYPES[kind] in plain_text):
        return name
    if kind == KIND_JPEG and os.path.splitext(name)[1].lower() in (".jpg", ".jpeg"):
        return name
    return name + EXTENSIONS[kind]


def file_response(field_file, *, download_name: str | None = None) -> FileResponse:
    """Send a stored file as a download. Call only after the access layer has allowed it.

    The content type is what the stored bytes are (sniffed as on upload), not what the name says.
    """
    handle = field_file.open("rb")
    kind = _sniffed(handle)
    handle.seek(0)
    name = download_name_for(download_name or field_file.name.rsplit("/", 1)[-1], kind)
    content_type = CONTENT_TYPES.get(kind, "application/octet-stream") if kind else "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
