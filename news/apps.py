from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from news.models import Film, Testimonial
        from portal import cache_version

        # The start page keeps its selection of testimonials in the cache; cached page
        # bodies show films (title, transcript) to the reaches that may see them.
        cache_version.bump_on_change(Testimonial, Film)
