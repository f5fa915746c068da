"""OpenDocument spreadsheets (.ods) for the tests, written by hand as LibreOffice writes them: a zip
whose first part is the uncompressed ``mimetype`` and whose cells are in content.xml."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
)
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
# What LibreOffice writes after the last row of every sheet: one empty row, 1,024 cells wide, repeated
# to the sheet's million-row end.
LIBREOFFICE_TAIL = (
    '<table:table-row table:number-rows-repeated="1048571">'
    '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
)


def cell(value, *, repeat: int = 1) -> str:
    attrs = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if value is None:
        return f"<table:table-cell{attrs}/>"
    if isinstance(value, dt.date):
        return (
            f'<table:table-cell{attrs} office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{value:%d/%m/%Y}</text:p></table:table-cell>"
        )
    if isinstance(value, int | float):
        return (
            f'<table:table-cell{attrs} office:value-type="float" office:value={quoteattr(str(value))}>'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return f'<table:table-cell{attrs} office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def row(values, *, repeat: int = 1, tail: int = 1020) -> str:
    """A row of cells, ended as LibreOffice ends it: the empty rest of the row as one repeated cell."""
    attrs = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    cells = "".join(cell(v) for v in values) + (cell(None, repeat=tail) if tail else "")
    return f"<table:table-row{attrs}>{cells}</table:table-row>"


def table(name: str, rows: list[str], *, libreoffice_tail: bool = True) -> str:
    return (
        f"<table:table table:name={quoteattr(name)}>"
        '<table:table-column table:number-columns-repeated="1024"/>'
        + "".join(rows)
        + (LIBREOFFICE_TAIL if libreoffice_tail else "")
        + "</table:table>"
    )


def ods(tables: list[str], *, prologue: str = "") -> bytes:
    """The .ods file of these tables (see :func:`table`); ``prologue`` goes before the root element."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{prologue}<office:document-content {NAMESPACES} office:version="1.2">'
        f"<office:body><office:spreadsheet>{''.join(tables)}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("META-INF/manifest.xml", MANIFEST)
        archive.writestr("content.xml", content)
    return out.getvalue()


def sheet(name: str, rows: list[list], **kwargs) -> bytes:
    """A one-sheet .ods of these rows of values."""
    return ods([table(name, [row(values) for values in rows], **kwargs)])
