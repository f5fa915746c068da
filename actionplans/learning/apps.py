from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "actionplans.learning"
    label = "learning"
    verbose_name = "Learning and accountability"
