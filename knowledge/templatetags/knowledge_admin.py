"""Template filters for the knowledge bank's editing links on the site."""

from django import template

register = template.Library()


@register.filter
def review_markable(page):
    """Whether the editor bar offers "Mark as reviewed" on `page`. The bar is given a page
    only where the access module lets the reader edit it (portal.templatetags.access_tags:
    `works_on_page`), and editors hold publish rights there, so this asks no more of the
    database; the view itself checks the page permissions again and answers 404 otherwise."""
    from knowledge.models import KnowledgePage

    return isinstance(page, KnowledgePage) and page.live
