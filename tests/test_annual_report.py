"""The annual M&E report: what the PDF says, who may get it, and how the job behaves."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError
from pypdf import PdfReader

from partnerships.models import AuditEvent
from reports.annual import forms as annual_forms
from reports.annual import services as annual_services
from reports.annual.registry import default_section_keys
from reports.annual.years import year_containing, year_starting
from reports.jobs import selectors, services
from reports.jobs.fetcher import BASE_URL, RefusedURL, ReportURLFetcher
from reports.jobs.services import engine as jobs
from reports.models import ReportJob, ReportJobStatus, ReportVersion
from reports.tasks import render_annual_report, sweep_report_jobs

from .access_registry.reports import make_job
from .annual_plan import load_plan
from .query_sizes import flat_queries, ok

pytestmark = pytest.mark.django_db


def this_year(side):
    return year_containing(side.partnership, timezone.localdate())


def start(side, capture, **options):
    options.setdefault("sections", default_section_keys())
    with capture(execute=True):
        job = annual_services.report_start(
            actor=side.coordinator, partnership=side.partnership, year=this_year(side), **options
        )
    job.refresh_from_db()
    return job


def pdf_text(version) -> tuple[PdfReader, str]:
    with version.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def planned(a):
    load_plan(a.partnership, this_year(a).start, objectives=4)
    return a


def test_the_report_has_its_sections_and_the_plan_figures(planned, django_capture_on_commit_callbacks):
    job = start(planned, django_capture_on_commit_callbacks, foreword="Thanks to every partner.")
    assert job.status == ReportJobStatus.DONE and job.percent == 100
    version = job.version
    reader, text = pdf_text(version)
    for heading in (
        "Contents",
        "About this report",
        "Foreword",
        "The partnership and its organisations",
        "Objectives, SMART check and results chains",
        "Indicators: results against targets",
        "Annex: definitions and data sources",
    ):
        assert heading in text, heading
    assert "Northvale" in text and this_year(planned).label in text
    assert "OBJ1 · Disrupt exploiters through joint operations" in text
    # OBJ1-01 is a count with baseline 7, plan target 17 and year target 11 (tests/annual_plan.py)
    assert "OBJ1-01" in text and "17" in text and "11" in text
    assert reader.metadata.title.startswith("Northvale: annual monitoring")
    assert version.pages == len(reader.pages) > 5
    with version.file.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == version.sha256


def test_the_pdf_is_tagged_for_accessibility_in_british_english(planned, django_capture_on_commit_callbacks):
    reader, _ = pdf_text(start(planned, django_capture_on_commit_callbacks).version)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]


def test_the_publication_version_shows_small_counts_as_less_than_five(planned, django_capture_on_commit_callbacks):
    internal = start(planned, django_capture_on_commit_callbacks)
    public = start(planned, django_capture_on_commit_callbacks, for_publication=True)
    assert public.status == ReportJobStatus.REVIEW  # its words are reviewed first (test_publication_review.py)
    for item in selectors.publication_review(public).items:
        services.text_decision_record(
            actor=planned.coordinator, job=public, source=item.source, digest=item.digest, decision="approved"
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.publication_review_finish(actor=planned.coordinator, job=public)
    public.refresh_from_db()
    _, internal_text = pdf_text(internal.version)
    _, public_text = pdf_text(public.version)
    assert "<5" not in internal_text
    assert "<5" in public_text and "Small counts are protected" in public_text
    assert public.version.number == internal.version.number + 1


def test_a_year_with_no_data_gives_a_report_that_says_so(a, django_capture_on_commit_callbacks):
    job = start(a, django_capture_on_commit_callbacks)
    _, text = pdf_text(job.version)
    assert "No plan data for this year" in text
    assert "No objectives were recorded" in text


def test_the_task_skips_a_job_already_done_and_keeps_one_version(planned, django_capture_on_commit_callbacks):
    job = start(planned, django_capture_on_commit_callbacks)
    first = job.version
    assert render_annual_report.delay(job.pk).get() == "already done"
    assert ReportVersion.objects.filter(job=job).count() == 1
    _dirs, files = default_storage.listdir(jobs.job_folder(job))
    assert [f"{jobs.job_folder(job)}/{f}" for f in files] == [first.file.name]


def test_a_second_run_that_finishes_late_deletes_its_own_file(planned, django_capture_on_commit_callbacks):
    job = start(planned, django_capture_on_commit_callbacks)
    stray = jobs.store_pdf(job, b"%PDF-late copy")
    with django_capture_on_commit_callbacks(execute=True):
        kept = jobs.finalise(job.pk, name=stray, content=b"%PDF-late copy", pages=1, as_of=timezone.now(), note="")
    assert kept == job.version and not default_storage.exists(stray)


def test_files_left_by_a_killed_run_are_removed_when_the_job_finishes(planned, django_capture_on_commit_callbacks):
    job = make_job(planned, status=ReportJobStatus.QUEUED)
    half = default_storage.save(f"{jobs.job_folder(job)}/half.pdf", io.BytesIO(b"%PDF-1.7 half"))
    with django_capture_on_commit_callbacks(execute=True):
        assert render_annual_report.delay(job.pk).get() == "done"
    assert not default_storage.exists(half)
    _dirs, files = default_storage.listdir(jobs.job_folder(job))
    assert len(files) == 1


def test_a_failure_is_shown_with_its_log_and_can_be_tried_again(a, login, django_capture_on_commit_callbacks):
    with mock.patch("reports.jobs.services.engine.render_pdf", side_effect=RuntimeError("fonts are missing")):
        job = start(a, django_capture_on_commit_callbacks)
    assert job.status == ReportJobStatus.FAILED and "fonts are missing" in job.message
    client = login(a.coordinator)
    page = client.get(reverse("reports:annual_job", kwargs={"slug": a.slug, "pk": job.pk})).content.decode()
    assert "fonts are missing" in page and "Try again" in page and "Attempt 1 started" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:annual_job_retry", kwargs={"slug": a.slug, "pk": job.pk}))
    job.refresh_from_db()
    assert job.status == ReportJobStatus.DONE and job.attempts == 2
    assert AuditEvent.objects.filter(action="reportjob.retry").count() == 1


def test_when_the_broker_is_down_the_request_is_kept_and_the_sweeper_queues_it(
    a, login, django_capture_on_commit_callbacks
):
    client = login(a.coordinator)
    data = {"year": this_year(a).start.year, "sections": ["partnership"]}
    refused = mock.patch.object(render_annual_report, "apply_async", side_effect=OperationalError("Connection refused"))
    with refused, django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:annual_start", kwargs={"slug": a.slug}), data)
    assert response.status_code == 302
    response = client.get(response.url)
    assert "could not be reached" in response.content.decode()
    job = ReportJob.objects.get(partnership=a.partnership)
    assert job.status == ReportJobStatus.QUEUED and job.enqueued_at is None
    assert sweep_report_jobs.delay().get() == 1
    job.refresh_from_db()
    assert job.status == ReportJobStatus.DONE and job.enqueue_error == ""


def test_board_and_viewer_download_but_cannot_start(a, login, django_capture_on_commit_callbacks):
    version = start(a, django_capture_on_commit_callbacks).version
    for person in (a.board, a.viewer):
        client = login(person)
        download = client.get(reverse("reports:annual_version_download", kwargs={"slug": a.slug, "pk": version.pk}))
        assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
        assert client.get(reverse("reports:annual_start", kwargs={"slug": a.slug})).status_code == 403
        assert client.post(reverse("reports:annual_start", kwargs={"slug": a.slug}), {}).status_code == 403


def test_the_version_page_shows_date_requester_as_of_and_checksum(a, login, django_capture_on_commit_callbacks):
    version = start(a, django_capture_on_commit_callbacks).version
    page = login(a.board).get(reverse("reports:annual_version", kwargs={"slug": a.slug, "pk": version.pk}))
    text = page.content.decode()
    assert version.sha256 in text and "Cora Coordinator" in text and "Data as of" in text


def test_nobody_outside_gets_the_file_not_even_by_guessing_its_path(world, login, django_capture_on_commit_callbacks):
    version = start(world.a, django_capture_on_commit_callbacks).version
    url = reverse("reports:annual_version_download", kwargs={"slug": world.a.slug, "pk": version.pk})
    assert login(world.b.coordinator).get(url).status_code == 404
    assert login(world.outsider).get(url).status_code == 404
    other = reverse("reports:annual_version_download", kwargs={"slug": world.b.slug, "pk": version.pk})
    assert login(world.b.coordinator).get(other).status_code == 404
    guessed = f"/media/{version.file.name}"
    assert login(world.a.coordinator).get(guessed).status_code == 404
    assert login(world.a.coordinator).get(f"/p/{world.a.slug}/{version.file.name}").status_code == 404


def test_rerunning_a_year_makes_a_new_version_and_never_overwrites(a, django_capture_on_commit_callbacks):
    first = start(a, django_capture_on_commit_callbacks).version
    second = start(a, django_capture_on_commit_callbacks).version
    assert (first.number, second.number) == (1, 2) and first.file.name != second.file.name
    with pytest.raises(ValueError):
        first.save()
    with pytest.raises(ValueError):
        first.delete()


def test_a_report_for_a_year_not_yet_started_is_refused(a, login):
    next_year = year_starting(a.partnership, this_year(a).start.year + 1)
    with pytest.raises(Exception, match="not started"):
        annual_services.report_start(actor=a.coordinator, partnership=a.partnership, year=next_year, sections=["annex"])


def test_the_start_form_says_what_is_wrong_in_plain_words(a, login):
    response = login(a.coordinator).post(reverse("reports:annual_start", kwargs={"slug": a.slug}), {"year": "1999"})
    text = response.content.decode()
    assert response.status_code == 200 and "Select a valid choice" in text and "This field is required" in text
    assert not ReportJob.objects.exists()


def test_the_url_fetcher_refuses_everything_but_our_static_files():
    fetcher = ReportURLFetcher()
    response = fetcher.fetch(BASE_URL + "static/css/annual_report.css")
    assert b"@page" in response.read()
    for url in (
        "file:///etc/passwd",
        "http://example.org/logo.png",
        "https://example.org/static/css/annual_report.css",
        BASE_URL + "static/../../etc/passwd",
        BASE_URL + "etc/passwd",
        BASE_URL + "static/css/no-such-file.css",
        "data:image/png;base64,AAAA",
    ):
        with pytest.raises((RefusedURL, ValueError)):
            fetcher.fetch(url)


def test_an_address_typed_into_the_report_is_never_fetched(a, django_capture_on_commit_callbacks):
    from reports.jobs.pdf import render_pdf

    html = (
        '<html lang="en-GB"><title>x</title><img src="file:///etc/passwd" alt="x">'
        '<img src="http://example.org/a.png" alt="y"></html>'
    )
    result = render_pdf(html)
    assert result.refused_urls == ["file:///etc/passwd", "http://example.org/a.png"]


def test_the_report_pages_keep_a_constant_number_of_queries(a, login, django_capture_on_commit_callbacks):
    def grow(n):
        for _ in range(n):
            start(a, django_capture_on_commit_callbacks)

    client = login(a.board)
    url = reverse("reports:annual_list", kwargs={"slug": a.slug})
    flat_queries(grow=grow, measure=lambda: ok(client.get(url)), pinned=10, small=1, big=3)


def test_gathering_the_report_data_takes_a_constant_number_of_queries(a, django_assert_max_num_queries):
    from reports.annual.kind import context_for
    from reports.annual.render import build_sections

    load_plan(a.partnership, this_year(a).start, objectives=8)
    job = make_job(a, status=ReportJobStatus.QUEUED)
    job.sections = default_section_keys()
    # 16 sections; the indicator results take 10, the action plan one per quarter end, the process goals one
    # per registered goal (five since the health work merged), the figures' finality two (the year's periods, and
    # the returns outstanding once a quarter is locked), one read of the disclosure policy (the survey's minimum
    # of answers); the action plan's movement in the year three, the partners' organisations one, and
    # "At a glance" last year's (its year, its results table, its action counts: seven); the self-assessment's
    # rounds one, the feedback's answers and log two; test_annual_content checks it is flat as data grows.
    with django_assert_max_num_queries(55):
        build_sections(context_for(job))


def test_the_start_form_offers_the_year_just_ended_until_the_last_quarter_of_this_one(a, monkeypatch):
    for today, expected in ((date(2026, 11, 26), 2025), (date(2027, 2, 10), 2026), (date(2026, 4, 2), 2025)):
        monkeypatch.setattr(annual_forms.timezone, "localdate", lambda today=today: today)
        form = annual_forms.StartReportForm(partnership=a.partnership)
        assert form.fields["year"].initial == expected, today
