"""URLs of this subject, under /p/<slug>/ (included in aspm/urls.py)."""

from django.urls import path

from .annual import views as annual
from .funder import views as funder
from .jobs import views as job_views
from .jobs import views_review as publication
from .monitoring import views as monitoring_views
from .returns.views import autosave as returns_autosave
from .returns.views import evidence as returns_evidence
from .returns.views import page as returns_views
from .returns.views import quarterly as returns_quarterly
from .returns.views import review as returns_review
from .returns.views import sections as returns_sections
from .returns.views import spreadsheet as returns_sheet

app_name = "reports"

urlpatterns: list = [
    # Funding agreements' monitoring reports (their pages are the returns' pages)
    path("monitoring/<int:agreement_pk>/open/", monitoring_views.monitoring_reports_open, name="monitoring_open"),
    # Quarterly returns
    path("returns/", returns_views.return_list, name="returns"),
    path("returns/<int:pk>/", returns_views.return_detail, name="return_detail"),
    path("returns/<int:pk>/autosave/", returns_autosave.return_autosave, name="return_autosave"),
    path("returns/<int:pk>/check/", returns_sections.return_check, name="return_check"),
    path("returns/<int:pk>/sections/<slug:section>/", returns_sections.return_section, name="return_section"),
    path("returns/<int:pk>/evidence/", returns_evidence.return_attachment_add, name="return_attachment_add"),
    path(
        "returns/<int:pk>/evidence/<int:attachment_pk>/",
        returns_evidence.return_attachment_download,
        name="return_attachment",
    ),
    path(
        "returns/<int:pk>/evidence/<int:attachment_pk>/remove/",
        returns_evidence.return_attachment_delete,
        name="return_attachment_delete",
    ),
    path("returns/<int:pk>/spreadsheet/", returns_sheet.return_spreadsheet_upload, name="return_spreadsheet"),
    path(
        "returns/<int:pk>/spreadsheet/template/",
        returns_sheet.return_spreadsheet_template,
        name="return_spreadsheet_template",
    ),
    path("returns/<int:pk>/approve/", returns_review.return_approve, name="return_approve"),
    path("returns/<int:pk>/send-back/", returns_review.return_send_back, name="return_send_back"),
    path("returns/<int:pk>/reopen/", returns_review.return_reopen, name="return_reopen"),
    path("returns/quarters/<int:period_pk>/due-date/", returns_review.period_deadline, name="return_deadline"),
    path("returns/quarters/<int:period_pk>/open/", returns_review.period_open_returns, name="return_open_period"),
    path("returns/quarters/<int:period_pk>/report/", returns_quarterly.quarterly_report_page, name="quarterly_report"),
    path("returns/quarters/<int:period_pk>/report/pdf/", returns_quarterly.quarterly_report_pdf, name="quarterly_pdf"),
    path("annual-reports/", annual.annual_list, name="annual_list"),
    path("annual-reports/new/", annual.annual_start, name="annual_start"),
    path("annual-reports/jobs/<int:pk>/", job_views.annual_job, name="annual_job"),
    path("annual-reports/jobs/<int:pk>/progress/", job_views.annual_job_progress, name="annual_job_progress"),
    path("annual-reports/jobs/<int:pk>/retry/", job_views.annual_job_retry, name="annual_job_retry"),
    path("annual-reports/jobs/<int:pk>/web/", annual.annual_job_web, name="annual_job_web"),
    path("annual-reports/jobs/<int:pk>/review/", publication.publication_review, name="publication_review"),
    path(
        "annual-reports/jobs/<int:pk>/review/decide/",
        publication.publication_review_decide,
        name="publication_review_decide",
    ),
    path(
        "annual-reports/jobs/<int:pk>/review/finish/",
        publication.publication_review_finish,
        name="publication_review_finish",
    ),
    path("annual-reports/versions/<int:pk>/", job_views.annual_version, name="annual_version"),
    path(
        "annual-reports/versions/<int:pk>/download/", job_views.annual_version_download, name="annual_version_download"
    ),
    # A funding agreement's report for its funder (a report job; its pages are the jobs' above)
    path("funder-reports/agreements/<int:pk>/new/", funder.funder_report_start, name="funder_report_start"),
]
