from django.apps import AppConfig


class ActionplansConfig(AppConfig):
    name = "actionplans"
    verbose_name = "Action plans"

    def ready(self) -> None:
        from .health_goals import register_goals

        register_goals()  # "actions completed on time" on the partnership health page
