"""Partnership health pages under /p/<slug>/health/ (included in aspm/urls.py)."""

from django.urls import path

from .health import views

app_name = "health"

urlpatterns = [
    path("health/", views.health_page, name="page"),
    path("health/targets/", views.targets_edit, name="targets"),
    path("health/survey/", views.survey_list, name="survey"),
    path("health/survey/open/", views.survey_open, name="survey_open"),
    path("health/survey/<int:pk>/", views.survey_round, name="survey_round"),
    path("health/survey/<int:pk>/answer/", views.survey_answer, name="survey_answer"),
    path("health/survey/<int:pk>/close/", views.survey_close, name="survey_close"),
]
