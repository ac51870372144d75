"""`/sitemap.xml`: every page of the site that a visitor may read, and `/robots.txt`.

The sitemap is what search engines see, so it is made for a visitor whoever asks: the
live pages of the request's site that `access_for(AnonymousUser())` may read. Apps take
out what a visitor cannot read even so with the ``construct_sitemap_pages`` hook:
``function(pages, request) -> pages`` (the partner directory asks every visitor to log
in; news posts with a publication date still to come). One query for the count and one
per page of 50 000 addresses, whatever the size of the site.
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponse
from wagtail import hooks
from wagtail.models import Page, Site

from portal.access import access_for

SITEMAP_HOOK = "construct_sitemap_pages"


def public_pages(request):
    """The pages of the request's site a visitor may read, for the sitemap."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return Page.objects.none(), None
    root = site.root_page
    pages = access_for(AnonymousUser()).visible_pages(
        Page.objects.filter(path__startswith=root.path, depth__gte=root.depth)
    )
    for construct in hooks.get_hooks(SITEMAP_HOOK):
        pages = construct(pages, request)
    return pages, root


class PublicPagesSitemap(Sitemap):
    def __init__(self, request):
        self.request = request
        self.pages, self.root = public_pages(request)

    def items(self):
        return self.pages.only("url_path", "last_published_at").order_by("path")

    def location(self, page):
        # Relative to the site's root page, without a query per page.
        return "/" + page.url_path[len(self.root.url_path) :]

    def lastmod(self, page):
        return page.last_published_at


def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": PublicPagesSitemap(request)})


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /konto/",
        "Disallow: /nyheter-flode/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
