"""Films, their captions and thumbnails: who may see them and how their files are served.

A film lives in a collection like a document or an image, so the same collection privacy
(`CollectionViewRestriction`, read by portal.access) decides who may see it. The files sit
in the media folder (`media/`, `media_captions/`, `media_thumbnails/`), whose only view,
`portal.image_serving.serve_access_checked_media`, asks the resolvers registered here which
film a path belongs to, and then the access module whether the reader may see that film.
"""

import os

from portal.image_serving import MediaFile

# Not left to the `mimetypes` table of the host: a browser plays only what it is told.
CONTENT_TYPES = {
    "webm": "video/webm",
    "mp4": "video/mp4",
    "m4v": "video/mp4",
    "ogv": "video/ogg",
    "vtt": "text/vtt; charset=utf-8",
}


def content_type_of(name):
    extension = os.path.splitext(name or "")[1].lower().lstrip(".")
    return CONTENT_TYPES.get(extension)


def video_type(film):
    """The `type` of the player's `<source>` (without parameters)."""
    return (content_type_of(film.file.name) or "video/mp4").split(";")[0]


# --- the access rule -------------------------------------------------------------------


def films_rule(access, queryset):
    """A film is visible when its collection is (as documents and images)."""
    denied = access.denied_collection_ids
    return queryset.exclude(collection__in=list(denied)) if denied else queryset


def _film_visible(access, film):
    # By id, as for documents and images: no query per film.
    return film.collection_id not in access.denied_collection_ids


films_rule.for_one = _film_visible


# --- the media folder ------------------------------------------------------------------


def _film_model():
    from wagtailmedia import get_media_model

    return get_media_model()


def _film_file(path):
    film = _film_model().objects.filter(file=path).first()
    return MediaFile(film, film.file, content_type_of(path)) if film else None


def _captions_file(path):
    film = _film_model().objects.filter(captions=path).first()
    return MediaFile(film, film.captions, content_type_of(path)) if film else None


def _thumbnail_file(path):
    film = _film_model().objects.filter(thumbnail=path).first()
    return MediaFile(film, film.thumbnail) if film else None


MEDIA_FILE_RESOLVERS = {
    "media/": _film_file,
    "media_captions/": _captions_file,
    "media_thumbnails/": _thumbnail_file,
}
