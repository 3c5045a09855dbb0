from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "measures"
    verbose_name = "知识产权保护措施"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
        from .selectors import _connect_invalidation

        _connect_invalidation()  # edits start a new generation of the search cache
