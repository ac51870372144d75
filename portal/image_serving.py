"""Image renditions served through Django, after asking the access module.

Wagtail's `{% image %}` tag links straight to the media folder, which would hand a
restricted image to anyone with the URL. Templates use `{% image_url image "spec"
"portal_image" %}` instead; this view checks the signature (so nobody can ask for
arbitrary renditions) and then `can_view_image`, refusing like every other channel.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control
from wagtail.images import get_image_model
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.models import SourceImageIOError
from wagtail.images.utils import verify_signature
from wagtail.images.views.serve import ServeView

from portal.access import access_for
from portal.views import refuse


class AccessCheckedImageServeView(ServeView):
    @method_decorator(cache_control(max_age=3600, private=True))
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


serve_image = AccessCheckedImageServeView.as_view(action="serve")


def serve_media_in_dev(request, path):
    """DEBUG only: the media folder for the admin's thumbnails, with the same access check.

    Documents are never served here (they go through /dokument/); image files and their
    renditions only to those who may see the image; anything else is not served.
    """
    from django.views.static import serve
    from wagtail.images.models import Rendition

    Image = get_image_model()
    if path.startswith("original_images/"):
        image = Image.objects.filter(file=path).first()
    elif path.startswith("images/"):
        rendition = Rendition.objects.filter(file=path).select_related("image").first()
        image = rendition.image if rendition else None
    else:
        raise Http404
    if image is None:
        raise Http404
    if not access_for(request.user).can_view_image(image):
        return refuse(request)
    return serve(request, path, document_root=settings.MEDIA_ROOT)
