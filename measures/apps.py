from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "measures"
    verbose_name = "知识产权保护措施"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
