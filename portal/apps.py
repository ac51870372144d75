from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import identity_numbers, lookups, uploads  # noqa: F401 (lookups registers)
        from portal.accounts import signals

        signals.connect()
        identity_numbers.install_form_check()
        uploads.configure_pillow()
