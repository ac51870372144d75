"""Finding the page for an address in one query, not two per level.

Wagtail's `Page.route` asks the database for each level of the address (the child by
slug, then its specific row), so a routine four levels down costs eight queries before any
of its content. The home page routes instead: one query reads every page on the address by
slug, the chain is checked level by level (each page a child of the one before, with the
slug the address names), and only the deepest page is loaded as its specific type. A page
whose type routes by itself (e.g. a `RoutablePageMixin` page) stops the walk and routes
the rest of the address, as it would have in Wagtail.
"""

from django.http import Http404
from wagtail.models import Page


def route_from(root, request, components):
    from portal import cache_version
    from portal.access import access_for

    # An address that names pages all the way down is the same page until a page is
    # saved, moved or deleted, all of which bump the cache version: kept, it costs no query.
    # Other addresses (a routable page's own paths, misspellings) are routed afresh.
    key = f"route:{root.pk}:{'/'.join(components)}"
    version = access_for(getattr(request, "user", None)).version
    page = cache_version.get(version, key)
    if page is not None:
        return page.route(request, [])
    page, routed = _walk(root, components)
    result = page.route(request, components[routed:])
    found = result.page
    if result.args or result.kwargs or not isinstance(found, Page):
        return result  # a routable page's own view: its arguments come from the address
    if found is not page and found.depth == page.depth + 1:
        # A child that a routable page (a news index) found by its slug, as Wagtail does.
        found._cached_parent_obj = page
        found._portal_route_chain = [*page._portal_route_chain, page]
    if found.depth == root.depth + len(components):
        cache_version.put(version, key, found)
    return result


def _walk(root, components):
    """The deepest page on the address as its own type, and how many components led to
    it."""
    candidates = Page.objects.filter(
        slug__in=set(components),
        path__startswith=root.path,
        depth__gt=root.depth,
        depth__lte=root.depth + len(components),
    )
    by_level = {(page.depth, page.slug, page.path[: -Page.steplen]): page for page in candidates}

    parent, chain = root, []
    for slug in components:
        page = by_level.get((parent.depth + 1, slug, parent.path))
        if page is None:
            break
        page._cached_parent_obj = parent
        chain.append(page)
        parent = page
        if _routes_itself(page):
            break
    if not chain:
        raise Http404
    page = _specific(chain[-1])
    page._cached_parent_obj = chain[-1]._cached_parent_obj
    # The ancestors read on the way, for breadcrumbs (see BasePortalPage.breadcrumb_pages).
    page._portal_route_chain = [root, *chain[:-1]]
    return page, len(chain)


def _specific(page):
    """The page as its own type, with what its template always shows joined in (a page
    type lists such foreign keys in `select_related_on_serve`)."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page.specific
    related = getattr(model, "select_related_on_serve", ())
    return model.objects.select_related(*related).get(pk=page.pk)


def _routes_itself(page):
    model = page.specific_class
    return model is None or model.route is not Page.route


class CachedSiteMiddleware:
    """The site for the request's host, with its home page, from the cache.

    Wagtail looks the site up (one query) and loads its root page as its own type (one
    more) on every page view; both change only with the site or the home page, which bump
    the portal's cache version."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from portal import cache_version

        host = request.get_host()  # validated against ALLOWED_HOSTS
        site = cache_version.cached(
            cache_version.current(), f"site:{host}", lambda: _site_with_home(request)
        )
        if site is not None:
            request._wagtail_site = site
        return self.get_response(request)


def _site_with_home(request):
    from wagtail.models import Site

    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site
