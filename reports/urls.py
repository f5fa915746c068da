"""URLs of this subject, under /p/<slug>/ (included in aspm/urls.py)."""

from django.urls import path

from .annual import views as annual

app_name = "reports"

urlpatterns: list = [
    path("annual-reports/", annual.annual_list, name="annual_list"),
    path("annual-reports/new/", annual.annual_start, name="annual_start"),
    path("annual-reports/jobs/<int:pk>/", annual.annual_job, name="annual_job"),
    path("annual-reports/jobs/<int:pk>/progress/", annual.annual_job_progress, name="annual_job_progress"),
    path("annual-reports/jobs/<int:pk>/retry/", annual.annual_job_retry, name="annual_job_retry"),
    path("annual-reports/jobs/<int:pk>/web/", annual.annual_job_web, name="annual_job_web"),
    path("annual-reports/versions/<int:pk>/", annual.annual_version, name="annual_version"),
    path("annual-reports/versions/<int:pk>/download/", annual.annual_version_download, name="annual_version_download"),
]
