"""Image renditions served through Django, after asking the access module.

Wagtail's `{% image %}` tag links straight to the media folder, which would hand a
restricted image to anyone with the URL. Templates use `{% image_url image "spec"
"portal_image" %}` instead; this view checks the signature (so nobody can ask for
arbitrary renditions) and then `can_view_image`, refusing like every other channel.
"""

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


class AccessCheckedImageServeView(ServeView):
    @method_decorator(cache_control(max_age=3600, private=True))
    def get(self, request, signature, image_id, filter_spec, filename=None):
        image = get_object_or_404(get_image_model(), id=image_id)
        if not access_for(request.user).can_view_image(image):
            from portal.wagtail_hooks import _refuse

            response = _refuse(request)
            if response is not None:
                return response
            raise Http404
        if not verify_signature(signature.encode(), image_id, filter_spec, key=self.key):
            raise Http404
        try:
            rendition = image.get_rendition(filter_spec)
        except (SourceImageIOError, InvalidFilterSpecError):
            raise Http404 from None
        return self.serve(rendition)


serve_image = AccessCheckedImageServeView.as_view(action="serve")
