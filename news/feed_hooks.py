"""Wagtail hooks for feeds and the sitemap."""

from django.utils import timezone
from wagtail import hooks


@hooks.register("construct_sitemap_pages")
def leave_out_posts_not_yet_dated(pages, request):
    """A post whose publication date is still to come is nowhere before that day."""
    from news.models import NewsPostPage

    future = NewsPostPage.objects.filter(date__gt=timezone.localdate()).values("pk")
    return pages.exclude(pk__in=future)
