"""Feed links for a news index and Open Graph data for a post, for visitors' eyes only:
both describe what anyone may fetch and share, so a restricted index or post gets none."""

from django import template
from django.utils.text import Truncator
from wagtail.images.views.serve import generate_image_url

from news import feeds

register = template.Library()

OG_IMAGE_SPEC = "fill-1200x630"


@register.simple_tag(takes_context=True)
def news_feed_links(context, page):
    """[(type, title, url)] of a public news index's feeds; [] for any other page."""
    request = context.get("request")
    if request is None or not feeds.is_public_index(page):
        return []
    url = page.get_url(request)
    title = f"{page.title} – {feeds.SITE_NAME}"
    return [
        ("application/rss+xml", f"{title} (RSS)", url + page.reverse_subpage("news_rss")),
        ("application/atom+xml", f"{title} (Atom)", url + page.reverse_subpage("news_atom")),
    ]


@register.simple_tag(takes_context=True)
def news_open_graph(context, page):
    """What a public post tells link previews and search engines; None for a post that a
    visitor may not read (a restricted one, a draft in preview, a date still to come)."""
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False) or not feeds.is_public_post(page):
        return None
    description = page.search_description or feeds.plain_text(page.intro)
    site = getattr(request, "_wagtail_site", None)
    data = {
        "url": feeds.absolute_url(request, page),
        "title": page.seo_title or page.title,
        "description": Truncator(description).chars(200),
        "site_name": getattr(site, "site_name", "") or feeds.SITE_NAME,
        "published_time": page.date.isoformat(),
        "image": None,
    }
    image = page.main_image if page.main_image_id else None
    if image is not None and feeds.public_access().can_view_image(image):
        # The access-checked image address ({% image_url ... "portal_image" %}).
        data["image"] = request.build_absolute_uri(
            generate_image_url(image, OG_IMAGE_SPEC, "portal_image")
        )
        data["image_alt"] = page.main_image_alt
    return data
