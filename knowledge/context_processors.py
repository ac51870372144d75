from django.urls import reverse

from portal.access import access_for


def search_box(request):
    """The header's search box for members: the portal's search page (/sok/). Visitors
    find it through the footer."""
    access = access_for(getattr(request, "user", None))
    if not access.is_authenticated:
        return {}
    return {"portal_search_url": reverse("search")}
