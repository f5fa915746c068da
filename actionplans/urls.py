"""URLs of this subject, under /p/<slug>/ (included in aspm/urls.py)."""

app_name = "actions"

urlpatterns: list = []
