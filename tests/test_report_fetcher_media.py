"""The PDF renderer's URL fetcher serves only the job's own partnership's media files."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from reports.jobs.fetcher import BASE_URL, RefusedURL, ReportURLFetcher
from reports.returns.services.evidence import attachment_add

from .access_registry.returns import _return

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _media_url_of_a_southmoor_file(b) -> str:
    attachment = attachment_add(
        actor=b.spoc_police, return_=_return(b), uploaded=SimpleUploadedFile("scan.png", PNG), description=""
    )
    return BASE_URL + settings.MEDIA_URL.lstrip("/") + attachment.file.name


def test_a_northvale_report_cannot_fetch_a_southmoor_file(a, b):
    url = _media_url_of_a_southmoor_file(b)
    fetcher = ReportURLFetcher(partnership_id=a.partnership.pk)
    with pytest.raises(RefusedURL, match="Not a file of this partnership"):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_a_report_fetches_its_own_partnerships_file(b):
    url = _media_url_of_a_southmoor_file(b)
    assert ReportURLFetcher(partnership_id=b.partnership.pk).fetch(url).read() == PNG


def test_a_fetcher_without_a_partnership_fetches_no_media_at_all(b):
    with pytest.raises(RefusedURL):
        ReportURLFetcher().fetch(_media_url_of_a_southmoor_file(b))
