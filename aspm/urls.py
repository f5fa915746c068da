"""URL map. Everything of a partnership lives under /p/<slug>/ and goes through partnerships.access."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from actionplans.learning import peer_review_views
from partnerships.forms_auth import EmailAuthenticationForm
from partnerships.views import account

tenant_patterns = [
    path("", include("partnerships.urls")),
    path("", include("indicators.strategy_urls")),  # namespace "strategy"
    path("", include("indicators.measurement_urls")),  # namespace "indicators"
    path("", include("actionplans.urls")),  # namespace "actions"
    path("", include("reports.urls")),  # namespace "reports"
    path("", include("partnerships.meetings_urls")),  # namespace "meetings"
    path("", include("partnerships.health_urls")),  # namespace "health"
    path("", include("actionplans.learning.urls")),  # namespace "learning"
]

urlpatterns = [
    path("", account.home, name="home"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password-reset/", account.PasswordResetRequestView.as_view(), name="password_reset"),
    path("accounts/password-reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("invitations/<str:token>/", account.invitation_accept, name="invitation_accept"),
    path("accessibility/", account.accessibility_statement, name="accessibility"),
    path("publishing-small-counts/", account.disclosure_rules, name="disclosure_rules"),
    # A coordinator reviewing another partnership's self-assessment round: its own door, not /p/<slug>/.
    path("peer-reviews/", peer_review_views.reviews, name="peer_reviews"),
    path("peer-reviews/<int:pk>/", peer_review_views.review, name="peer_review"),
    path("healthz", account.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("aspm.api.urls")),  # /api/v1/ and the API token page of one's account
    path("p/<slug:slug>/", include(tenant_patterns)),
]

handler403 = "aspm.error_pages.permission_denied"
handler404 = "aspm.error_pages.page_not_found"
handler500 = "aspm.error_pages.server_error"
