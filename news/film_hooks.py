"""Wagtail hooks for films: the access rule, the media folder's resolvers, the admin
chooser and usage view (Wagtail discovers news/wagtail_hooks.py, which imports this)."""

from django.urls import path
from wagtail import hooks

from news import film_serving
from news.models import Film
from portal.access import access_for


@hooks.register("register_access_rules")
def register_film_access_rules():
    return {Film: film_serving.films_rule}


@hooks.register("register_media_file_resolvers")
def register_film_files():
    return film_serving.MEDIA_FILE_RESOLVERS


@hooks.register("construct_media_chooser_queryset")
def only_visible_films(media, request):
    """On top of wagtailmedia's collection permissions: only films the editor may see."""
    return access_for(request.user).visible(media)


@hooks.register("register_admin_urls", order=-1)
def register_film_usage_view():
    # Ahead of wagtailmedia's own usage view, which shows any film's title by id.
    from news.film_admin import usage

    return [path("media/usage/<int:media_id>/", usage, name="news_film_usage")]
