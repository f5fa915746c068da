from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = "Strategy and indicators"

    def ready(self):
        from .measurement import import_kinds  # noqa: F401 - registers the indicators, targets and figures imports
        from .strategy import plan_import_kinds  # noqa: F401 - registers the plan and objectives imports
