"""Template helpers for the film player (templates/blocks/film_block.html)."""

from django import template

from news.film_serving import video_type

register = template.Library()


@register.filter
def film_video_type(film):
    """The `type` of the player's `<source>`: video/webm, video/mp4, video/ogg."""
    return video_type(film)
