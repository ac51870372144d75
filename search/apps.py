from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import cache_version
        from search import signals
        from search.elastic import signals as elastic_signals
        from search.models import Synonym

        signals.connect()
        elastic_signals.connect()
        # Parsed queries read the synonyms from the cache.
        cache_version.bump_on_change(Synonym)
