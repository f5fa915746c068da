from django.apps import AppConfig


class AspmConfig(AppConfig):
    name = "aspm"
    verbose_name = "ASPM"
