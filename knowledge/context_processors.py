from django.utils.functional import SimpleLazyObject

from portal.access import access_for


def _shared_bank_url(request):
    from knowledge.models import KnowledgeIndexPage
    from portal.context_processors import live_page_url

    return live_page_url(KnowledgeIndexPage.objects.filter(depth=3), request)


def search_box(request):
    """The header's search box for members: the shared knowledge bank's word filter."""
    access = access_for(getattr(request, "user", None))
    if not access.is_authenticated:
        return {}
    return {
        "portal_search_url": SimpleLazyObject(
            lambda: access.cached_for_everyone(
                f"search-url:{request.get_host()}", lambda: _shared_bank_url(request)
            )
        )
    }
