"""Image renditions served through Django, after asking the access module.

Wagtail's `{% image %}` tag links straight to the media folder, which would hand a
restricted image to anyone with the URL. Templates use `{% image_url image "spec"
"portal_image" %}` instead; this view checks the signature (so nobody can ask for
arbitrary renditions) and then `can_view_image`, refusing like every other channel.
"""

import mimetypes
from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.models import SourceImageIOError
from wagtail.images.utils import verify_signature
from wagtail.images.views.serve import ServeView

from portal.access import access_for
from portal.file_responses import stored_file_response
from portal.views import refuse


class AccessCheckedImageServeView(ServeView):
    def get(self, request, signature, image_id, filter_spec, filename=None):
        # The signature first: unsigned guesses learn nothing, not even that an id exists.
        if not verify_signature(signature.encode(), image_id, filter_spec, key=self.key):
            raise Http404
        image = get_object_or_404(get_image_model(), id=image_id)
        if not access_for(request.user).can_view_image(image):
            return refuse(request)
        try:
            rendition = image.get_rendition(filter_spec)
        except (SourceImageIOError, InvalidFilterSpecError):
            raise Http404 from None
        return self.serve(rendition)

    def serve(self, rendition):
        content_type = None
        if not mimetypes.guess_type(rendition.file.name)[0]:
            with rendition.get_willow_image() as willow_image:
                content_type = willow_image.mime_type
        response = stored_file_response(self.request, rendition.file, content_type)
        # Kept an hour, but portal.cache_headers makes it `private, no-store` for logged-in
        # readers: only public images shown to visitors are cached.
        patch_cache_control(response, max_age=3600)
        return response


serve_image = AccessCheckedImageServeView.as_view(action="serve")


MEDIA_FILE_RESOLVERS_HOOK = "register_media_file_resolvers"


@dataclass(frozen=True)
class MediaFile:
    """What an app's resolver found behind a media path: the object whose privacy decides
    (asked through the access module), the stored file, and its content type."""

    owner: object
    field_file: object
    content_type: str | None = None


def _media_file_resolvers():
    """{path prefix: resolver(path) -> MediaFile | None} from every app's
    ``register_media_file_resolvers`` hook (e.g. news: films, captions, thumbnails)."""
    resolvers = {}
    for hook in hooks.get_hooks(MEDIA_FILE_RESOLVERS_HOOK):
        resolvers.update(hook())
    return resolvers


def _resolve_registered(path):
    for prefix, resolver in _media_file_resolvers().items():
        if path.startswith(prefix):
            found = resolver(path)
            if found is not None:
                return found
    return None


def serve_access_checked_media(request, path):
    """The media folder (MEDIA_URL), in every environment, behind the access check.

    Wagtail's admin links thumbnails and original images straight to the storage's URL,
    so this must exist, but it serves only what it can tie to an object the reader may
    see: an original image file or one of its renditions, or a file an app's
    ``register_media_file_resolvers`` hook ties to its object (a film, its captions, its
    thumbnail). Documents (they go through /dokument/) and anything else get the refusal
    every file address gives.
    """
    from wagtail.images.models import Rendition

    if path.startswith(("original_images/", "images/")):
        image, field_file = None, None
        if path.startswith("original_images/"):
            image = get_image_model().objects.filter(file=path).first()
            field_file = image.file if image else None
        else:
            rendition = Rendition.objects.filter(file=path).select_related("image").first()
            if rendition:
                image, field_file = rendition.image, rendition.file
        if image is None or not access_for(request.user).can_view_image(image):
            return refuse(request)
        return stored_file_response(request, field_file)

    found = _resolve_registered(path)
    if found is None or not access_for(request.user).can_view(found.owner):
        return refuse(request)
    response = stored_file_response(request, found.field_file, found.content_type)
    if access_for(None).can_view(found.owner):
        # Public: a visitor's copy may be kept (portal.cache_headers makes it private,
        # no-store for anyone logged in).
        patch_cache_control(response, max_age=3600)
    else:
        patch_cache_control(response, private=True)
    return response
