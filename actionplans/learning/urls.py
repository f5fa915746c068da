"""URLs of the recommendations register, under /p/<slug>/ (included in aspm/urls.py)."""

from django.urls import path

from . import views

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
]
