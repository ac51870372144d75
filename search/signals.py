"""Pages in and out of the index as they are published, unpublished, moved and deleted.
Other models are connected by their apps (``connect()`` in their search_items.py)."""

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import indexing
from search.models import SearchEntry


def reindex_subtree(page):
    for descendant in Page.objects.descendant_of(page, inclusive=True).live().specific():
        indexing.index_object(descendant)


def _published(sender, instance, **kwargs):
    page = instance.specific
    indexing.index_object(page)
    # A new slug or title of a section changes the URL and place shown under its pages.
    url = page.get_url() or ""
    stale = (
        SearchEntry.objects.filter(page__path__startswith=page.path, page__depth__gt=page.depth)
        .exclude(url__startswith=url)
        .exists()
    )
    if stale:
        reindex_subtree(page)


def _unpublished(sender, instance, **kwargs):
    indexing.remove_object(instance)


def _moved(sender, instance, **kwargs):
    reindex_subtree(instance)


def _deleted(sender, instance, **kwargs):
    indexing.remove_object(instance)


def connect():
    page_published.connect(_published, dispatch_uid="search-page-published")
    page_unpublished.connect(_unpublished, dispatch_uid="search-page-unpublished")
    post_page_move.connect(_moved, dispatch_uid="search-page-moved")
    post_delete.connect(_deleted, sender=Page, dispatch_uid="search-page-deleted")
