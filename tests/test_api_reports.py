"""Annual reports through the API: versions with download links that check access, and starting a
report through report_start (coordinators; 403 for board members and viewers)."""

import pytest

from reports.models import ReportJob

from .api_helpers import ApiClient, token_for
from .api_work import a_version, q1

pytestmark = pytest.mark.django_db


def _api(side, path=""):
    return f"/api/v1/p/{side.slug}/{path}"


def test_versions_come_with_a_download_link_that_gives_the_pdf(a):
    version = a_version(a)
    api = ApiClient(token_for(a.board))
    listed = api.get(_api(a, "report-versions/")).json()["results"]
    assert [v["id"] for v in listed] == [version.pk]
    link = listed[0]["download_url"]
    assert link == f"http://testserver/api/v1/p/{a.slug}/report-versions/{version.pk}/download/"
    pdf = api.get(link)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert version.download_name in pdf["Content-Disposition"]


def test_another_partnerships_version_cannot_be_downloaded(a, b):
    version = a_version(b)
    response = ApiClient(token_for(a.coordinator)).get(_api(a, f"report-versions/{version.pk}/download/"))
    assert response.status_code == 404


def test_a_coordinator_starts_a_report_and_gets_the_job_to_follow(a, django_capture_on_commit_callbacks):
    api = ApiClient(token_for(a.coordinator))
    with django_capture_on_commit_callbacks() as queued:
        response = api.post(_api(a, "report-jobs/"), {"year": q1(a).start.year, "foreword": "Our third year."})
    assert response.status_code == 201, response.content
    job = ReportJob.objects.get(pk=response.json()["id"])
    assert job.requested_by == a.coordinator and job.foreword == "Our third year." and job.sections
    assert response.json()["status"] == "queued" and response.json()["version"] is None
    handed = [c for c in queued if c.__module__ != "aspm.data_version"]  # not the cache's version bumps
    assert len(handed) == 1  # handed to the worker once the request's transaction commits
    assert api.get(_api(a, f"report-jobs/{job.pk}/")).json()["year_label"] == job.year_label


def test_a_year_not_begun_or_an_unknown_section_is_refused_by_field(a):
    response = ApiClient(token_for(a.coordinator)).post(
        _api(a, "report-jobs/"), {"year": q1(a).start.year + 1, "sections": ["gossip"]}
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"sections.0"} or "sections" in str(response.json()["errors"])


@pytest.mark.parametrize("role", ["board", "viewer", "spoc_police"])
def test_only_coordinators_start_reports(role, a):
    response = ApiClient(token_for(a.user(role))).post(_api(a, "report-jobs/"), {"year": q1(a).start.year})
    assert response.status_code == 403
    assert not ReportJob.objects.filter(partnership=a.partnership).exists()
