from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import identity_numbers, rich_text, uploads  # noqa: F401 - rich_text registers hooks
        from portal.accounts import signals

        signals.connect()
        identity_numbers.install_form_check()
        uploads.configure_pillow()
