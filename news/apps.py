from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from news.models import Testimonial
        from portal import cache_version

        # The start page keeps its selection of testimonials in the cache.
        cache_version.bump_on_change(Testimonial)
