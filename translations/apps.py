from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    label = "portal_translations"
    verbose_name = _("Translations and roles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import privacy, signal_handlers

        signal_handlers.register()
        privacy.guard_wagtail_localize()
