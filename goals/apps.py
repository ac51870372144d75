from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = _("Goals and follow-up")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from goals.models import Indicator, Target, Value
        from portal import cache_version

        # The start page keeps each reach's goal figures (goals/home.py) under the version.
        # Bulk writes of values (goals/entry.py, goals/kolada.py) bump it themselves.
        cache_version.bump_on_change(Indicator, Target, Value)
