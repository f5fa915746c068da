"""Meeting pages under /p/<slug>/meetings/ (included in aspm/urls.py)."""

from django.urls import path

from .meetings import views

app_name = "meetings"

urlpatterns = [
    path("meetings/", views.meeting_list, name="list"),
    path("meetings/new/", views.meeting_create, name="create"),
    path("meetings/<int:pk>/", views.meeting_detail, name="detail"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("meetings/<int:pk>/delete/", views.meeting_delete, name="delete"),
    path("meetings/<int:pk>/minutes/", views.meeting_minutes, name="minutes"),
    path("meetings/<int:pk>/actions/", views.meeting_item_add, name="item_add"),
    path("meetings/actions/<int:pk>/delete/", views.meeting_item_delete, name="item_delete"),
]
