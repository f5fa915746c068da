from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Returns and reports"

    def ready(self) -> None:
        from .returns import (
            finality,
            tasks,  # noqa: F401 - registers the returns' Celery tasks with the worker
        )
        from .returns.health_goals import register_goals

        register_goals()  # "returns on time" on the partnership health page
        finality.register()  # a quarter is final only once its returns are approved
