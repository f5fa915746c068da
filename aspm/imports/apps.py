from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "aspm.imports"
    label = "imports"
    verbose_name = "Spreadsheet imports"
    default_auto_field = "django.db.models.BigAutoField"
