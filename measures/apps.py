from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasuresConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "measures"
    verbose_name = _("知识产权保护措施")

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
        from .selectors import _connect_invalidation

        _connect_invalidation()  # edits start a new generation of the search cache
