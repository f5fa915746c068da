from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Returns and reports"

    def ready(self) -> None:
        from .returns import tasks  # noqa: F401 - registers the returns' Celery tasks with the worker
