"""URLs of this subject, under /p/<slug>/ (included in aspm/urls.py)."""

from django.urls import path

from .returns import views as returns_views
from .returns import views_review as returns_review

app_name = "reports"

urlpatterns: list = [
    # Quarterly returns
    path("returns/", returns_views.return_list, name="returns"),
    path("returns/<int:pk>/", returns_views.return_detail, name="return_detail"),
    path("returns/<int:pk>/autosave/", returns_views.return_autosave, name="return_autosave"),
    path("returns/<int:pk>/evidence/", returns_views.return_attachment_add, name="return_attachment_add"),
    path(
        "returns/<int:pk>/evidence/<int:attachment_pk>/",
        returns_views.return_attachment_download,
        name="return_attachment",
    ),
    path(
        "returns/<int:pk>/evidence/<int:attachment_pk>/remove/",
        returns_views.return_attachment_delete,
        name="return_attachment_delete",
    ),
    path("returns/<int:pk>/approve/", returns_review.return_approve, name="return_approve"),
    path("returns/<int:pk>/send-back/", returns_review.return_send_back, name="return_send_back"),
    path("returns/<int:pk>/reopen/", returns_review.return_reopen, name="return_reopen"),
    path("returns/quarters/<int:period_pk>/due-date/", returns_review.period_deadline, name="return_deadline"),
    path("returns/quarters/<int:period_pk>/open/", returns_review.period_open_returns, name="return_open_period"),
]
