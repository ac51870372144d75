"""wagtailmedia's usage view answers for any film id to anyone who may add media; ours
answers only for films the editor may see (the same 404 as a missing id otherwise)."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtailmedia.views.media import usage as wagtailmedia_usage

from news.models import Film
from portal.access import access_for


def usage(request, media_id):
    film = get_object_or_404(Film, id=media_id)
    if not access_for(request.user).can_view(film):
        raise Http404
    return wagtailmedia_usage(request, media_id)
