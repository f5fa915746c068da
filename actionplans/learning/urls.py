"""URLs of the recommendations register, under /p/<slug>/ (included in aspm/urls.py)."""

from django.urls import path

from . import feedback_views, journal_views, self_assessment_views, views

app_name = "learning"

urlpatterns = [
    path("recommendations/", views.register, name="register"),
    path("recommendations/board/", views.board, name="board"),
    path("recommendations/new/", views.create, name="create"),
    path("recommendations/<int:pk>/", views.detail, name="detail"),
    path("recommendations/<int:pk>/edit/", views.edit, name="edit"),
    path("recommendations/<int:pk>/response/", views.respond, name="respond"),
    path("recommendations/<int:pk>/actions/", views.make_actions, name="make_actions"),
    path("recommendations/<int:pk>/note/", views.note, name="note"),
    path("recommendations/<int:pk>/delete/", views.delete, name="delete"),
    path("recommendations/<int:pk>/document/", views.document, name="document"),
    path("journals/", journal_views.journals, name="journals"),
    path("journals/new/", journal_views.partner_create, name="journal_create"),
    path("journals/<int:pk>/", journal_views.partner, name="journal"),
    path("journals/<int:pk>/edit/", journal_views.partner_edit, name="journal_edit"),
    path("journals/<int:pk>/delete/", journal_views.partner_delete, name="journal_delete"),
    path("journals/<int:pk>/markers/", journal_views.marker_add, name="journal_marker_add"),
    path("journals/<int:pk>/markers/<int:marker>/delete/", journal_views.marker_delete, name="journal_marker_delete"),
    path("journals/<int:pk>/entries/new/", journal_views.entry_create, name="journal_entry_create"),
    path("journals/<int:pk>/entries/<int:entry>/delete/", journal_views.entry_delete, name="journal_entry_delete"),
    path("self-assessment/", self_assessment_views.rounds, name="assessments"),
    path("self-assessment/new/", self_assessment_views.round_create, name="assessment_create"),
    path("self-assessment/<int:pk>/", self_assessment_views.round_detail, name="assessment"),
    path("self-assessment/<int:pk>/statements/", self_assessment_views.statement_add, name="assessment_statement_add"),
    path("self-assessment/<int:pk>/open/", self_assessment_views.round_open, name="assessment_open"),
    path("self-assessment/<int:pk>/close/", self_assessment_views.round_close, name="assessment_close"),
    path("self-assessment/<int:pk>/peer-reviews/", self_assessment_views.peer_invite, name="assessment_peer_invite"),
    path(
        "self-assessment/<int:pk>/peer-reviews/<int:review>/withdraw/",
        self_assessment_views.peer_withdraw,
        name="assessment_peer_withdraw",
    ),
    path(
        "self-assessment/<int:pk>/organisations/<int:org>/",
        self_assessment_views.organisation,
        name="assessment_organisation",
    ),
    path(
        "self-assessment/<int:pk>/organisations/<int:org>/statements/<int:statement>/",
        self_assessment_views.rate,
        name="assessment_rate",
    ),
    path(
        "self-assessment/<int:pk>/statements/<int:statement>/action/",
        self_assessment_views.raise_action,
        name="assessment_action",
    ),
    path("feedback/", feedback_views.feedback, name="feedback"),
    path("feedback/new/", feedback_views.form_create, name="feedback_create"),
    path("feedback/<int:pk>/", feedback_views.results, name="feedback_results"),
    path("feedback/<int:pk>/answer/", feedback_views.answer, name="feedback_answer"),
    path("feedback/<int:pk>/open/", feedback_views.set_open, name="feedback_open"),
    path("feedback/<int:pk>/indicators/", feedback_views.link_create, name="feedback_link_create"),
    path("feedback/<int:pk>/indicators/<int:link>/delete/", feedback_views.link_delete, name="feedback_link_delete"),
    path("feedback/<int:pk>/indicators/record/", feedback_views.record_indicators, name="feedback_record_indicators"),
    path("feedback/<int:pk>/print/", feedback_views.printable, name="feedback_print"),
    path("feedback/you-said/new/", feedback_views.you_said_create, name="you_said_create"),
    path("feedback/you-said/<int:pk>/delete/", feedback_views.you_said_delete, name="you_said_delete"),
]
