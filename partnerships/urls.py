"""Partnership pages, all under /p/<slug>/ (see aspm/urls.py)."""

from django.urls import path

from .views import audit, members, organisations, partnership

app_name = "partnerships"

urlpatterns = [
    path("", partnership.home, name="home"),
    path("details/", partnership.edit, name="edit"),
    path("details/disclosure/", partnership.disclosure, name="disclosure"),
    path("organisations/", organisations.organisation_list, name="organisations"),
    path("organisations/new/", organisations.organisation_create, name="organisation_create"),
    path("organisations/import/", organisations.organisations_import, name="organisations_import"),
    path("organisations/<int:pk>/", organisations.organisation_edit, name="organisation_edit"),
    path("organisations/<int:pk>/delete/", organisations.organisation_delete, name="organisation_delete"),
    path("members/", members.member_list, name="members"),
    path("members/invite/", members.member_invite, name="member_invite"),
    path("members/<int:pk>/", members.member_edit, name="member_edit"),
    path("members/<int:pk>/remove/", members.member_remove, name="member_remove"),
    path("invitations/<int:pk>/withdraw/", members.invitation_revoke, name="invitation_revoke"),
    path("audit/", audit.audit_log, name="audit"),
]
