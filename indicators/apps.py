from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = "Strategy and indicators"

    def ready(self) -> None:
        from .strategy.health_goals import register_goals

        register_goals()  # "information-sharing agreement in place" on the partnership health page
