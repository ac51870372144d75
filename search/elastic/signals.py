"""Privacy records and the Elasticsearch index. An indexed page or document carries the ids
of the privacy records above it (its audience, portal.access.audience_of), so a record
added or removed changes the audience of its whole subtree: that subtree is indexed again
in the background. A change of a record's groups needs nothing here: the ids stay the
same and who passes them is worked out per search (`Access.denied_audience`). Until the
task has run, the service's check of every hit shown with portal.access still keeps a
newly restricted page from being shown."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save


def _enqueue(kind, path):
    from search.elastic.tasks import update_governed

    transaction.on_commit(lambda: update_governed.enqueue(kind, path))


def _page_restriction_changed(sender, instance, **kwargs):
    from wagtail.models import Page

    from search.elastic.tasks import PAGES

    if settings.ELASTICSEARCH_URL and instance.page_id:
        path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
        if path:
            _enqueue(PAGES, path)


def _collection_restriction_changed(sender, instance, **kwargs):
    from wagtail.models import Collection

    from search.elastic.tasks import COLLECTIONS

    if settings.ELASTICSEARCH_URL and instance.collection_id:
        path = (
            Collection.objects.filter(pk=instance.collection_id)
            .values_list("path", flat=True)
            .first()
        )
        if path:
            _enqueue(COLLECTIONS, path)


def connect():
    from wagtail.models import CollectionViewRestriction, PageViewRestriction

    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        signal.connect(
            _page_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-elastic-page-restriction-{name}",
        )
        signal.connect(
            _collection_restriction_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"search-elastic-collection-restriction-{name}",
        )
