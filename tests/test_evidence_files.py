"""Evidence is accepted by content on an allow-list, HTML and SVG never; downloads take their type from content."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aspm.uploads import validate_upload
from reports.models import ReturnAttachment
from reports.returns.services.evidence import attachment_add

from .access_registry.returns import _return

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>fetch('/api/v1/')</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
XML_SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 64


def _odf(mimetype: str) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", HTML),
        ("notes.txt", HTML),
        ("report.pdf", HTML),
        ("chart.svg", SVG),
        ("chart.png", XML_SVG),
        ("data.csv", b"  <svg onload=alert(1)>,a,b"),
    ],
)
def test_html_and_svg_are_refused_as_evidence_whatever_their_name(name, content):
    with pytest.raises(ValidationError, match="This kind of file is not accepted"):
        validate_upload(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("scan.png", PNG, "png"),
        ("photo.webp", WEBP, "webp"),
        ("minutes.odt", _odf("application/vnd.oasis.opendocument.text"), "odt"),
        ("figures.ods", _odf("application/vnd.oasis.opendocument.spreadsheet"), "ods"),
        ("notes.txt", b"Met the council's team; 3 referrals discussed.", "text"),
        ("counts.csv", b"quarter,count\nQ1,3\n", "csv"),
    ],
)
def test_the_allowed_kinds_are_accepted_by_their_content(name, content, kind):
    assert validate_upload(SimpleUploadedFile(name, content)) == kind


def test_a_zip_that_calls_itself_opendocument_but_is_some_other_kind_is_refused():
    with pytest.raises(ValidationError):
        validate_upload(SimpleUploadedFile("x.odt", _odf("text/html")))


def test_an_html_file_is_refused_on_the_return_page(a, login):
    return_ = _return(a)
    url = reverse("reports:return_attachment_add", kwargs={"slug": a.slug, "pk": return_.pk})
    response = login(a.spoc_police).post(url, {"file": SimpleUploadedFile("evidence.html", HTML)}, follow=True)
    page = response.content.decode()
    assert response.status_code == 422 and "There is a problem" in page
    assert "This kind of file is not accepted." in page
    assert not ReturnAttachment.objects.filter(return_obj=return_).exists()


def test_a_download_takes_its_content_type_from_the_content_not_the_name(a, login):
    return_ = _return(a)
    attachment = attachment_add(
        actor=a.spoc_police, return_=return_, uploaded=SimpleUploadedFile("scan.png", PNG), description=""
    )
    # A stored name that says HTML (a file saved before the checks, or renamed in storage).
    attachment.file.save("evidence.html", ContentFile(PNG), save=False)
    ReturnAttachment.objects.filter(pk=attachment.pk).update(file=attachment.file.name, original_name="evidence.html")
    response = login(a.board).get(
        reverse("reports:return_attachment", kwargs={"slug": a.slug, "pk": return_.pk, "attachment_pk": attachment.pk})
    )
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="evidence.html.png"' in response["Content-Disposition"]
