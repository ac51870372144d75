"""Keeping the index in step with the content: on the database backend at once (in the
request that changed it), on Elasticsearch through a django-tasks task
(search/elastic/tasks.py). Only *what* an item says is indexed; *who* may see it is asked
of portal.access at search time (database) or computed by it (Elasticsearch)."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from search import terms
from search import words as sv
from search.engines.database import engine
from search.items import item_for, providers
from search.models import SearchEntry, SearchWord

MIN_WORD = 4
MAX_WORD = 60


def _entry_fields(item):
    return {
        "kind": item.kind,
        "page_id": item.page_id,
        "collection_id": item.collection_id,
        "title": item.title[:400],
        "text": "\n".join(t for t in (item.summary, item.text) if t),
        "title_terms": terms.text_terms(item.title),
        "summary_terms": terms.text_terms(item.summary),
        "body_terms": terms.text_terms(item.text),
        "url": item.url[:500],
        "municipality_id": item.municipality_id,
        "place": item.place[:200],
        "date": item.date,
        "available_from": item.available_from,
    }


def _vocabulary(texts):
    found = set()
    for text in texts:
        for word in sv.words(text):
            if MIN_WORD <= len(word) <= MAX_WORD and not word.isdigit():
                found.add(word.lower())
    return found


def remember_words(texts):
    found = _vocabulary(texts)
    if found:
        SearchWord.objects.bulk_create(
            [SearchWord(word=w) for w in found], ignore_conflicts=True, batch_size=1000
        )


def _key(obj):
    from wagtail.models import Page

    if isinstance(obj, Page):  # its specific type, whichever class it was loaded as
        return ContentType.objects.get_for_id(obj.content_type_id), obj.pk
    return ContentType.objects.get_for_model(obj, for_concrete_model=True), obj.pk


_collecting = ContextVar("search_collecting", default=None)


@contextmanager
def collected():
    """Inside the block, objects to index are gathered and written in bulk at its end
    (knowledge.bulk's publishing of many pages at once)."""
    gathered = {}
    token = _collecting.set(gathered)
    try:
        yield
    finally:
        _collecting.reset(token)
    items, gone = [], []
    for obj in gathered.values():
        item = item_for(obj)
        (items if item is not None else gone).append(item or obj)
    index_items(items)
    for obj in gone:
        SearchEntry.objects.filter(content_type=_key(obj)[0], object_id=obj.pk).delete()
    for obj in gathered.values():
        tell_elasticsearch_about(obj)


def index_object(obj):
    """Write (or remove) the entry of one object, now; and tell Elasticsearch."""
    gathered = _collecting.get()
    if gathered is not None:
        gathered[_key(obj)] = obj
        return
    item = item_for(obj)
    content_type, pk = _key(obj)
    if item is None:
        SearchEntry.objects.filter(content_type=content_type, object_id=pk).delete()
    else:
        with transaction.atomic():
            entry, _created = SearchEntry.objects.update_or_create(
                content_type=content_type, object_id=pk, defaults=_entry_fields(item)
            )
            entry.topics.set(item.topic_ids)
            engine().write_vectors([entry.pk])
            remember_words([item.title, item.summary, item.text])
    _tell_elasticsearch("index", content_type, pk)


def remove_object(obj):
    content_type, pk = _key(obj)
    SearchEntry.objects.filter(content_type=content_type, object_id=pk).delete()
    _tell_elasticsearch("remove", content_type, pk)


def _tell_elasticsearch(action, content_type, pk):
    if not settings.ELASTICSEARCH_URL:
        return
    from search.elastic.tasks import update_document

    transaction.on_commit(
        lambda: update_document.enqueue(action, content_type.app_label, content_type.model, pk)
    )


def tell_elasticsearch_about(obj):
    """After a bulk write of the database index: the same object for Elasticsearch."""
    _tell_elasticsearch("index", *_key(obj))


def index_items(items, batch_size=500):
    """Bulk-write many items (rebuilds, the benchmark): a few queries per batch."""
    items = list(items)
    for start in range(0, len(items), batch_size):
        batch = items[start : start + batch_size]
        with transaction.atomic():
            keys = [_key(item.obj) for item in batch]
            entries = [
                SearchEntry(content_type=ct, object_id=pk, **_entry_fields(item))
                for (ct, pk), item in zip(keys, batch, strict=True)
            ]
            SearchEntry.objects.bulk_create(
                entries,
                update_conflicts=True,
                unique_fields=["content_type", "object_id"],
                update_fields=list(_entry_fields(batch[0]).keys()),
            )
            # bulk_create with update_conflicts does not return ids on every database.
            ids = {}
            for ct, pk, entry_id in SearchEntry.objects.filter(
                object_id__in=[pk for _ct, pk in keys]
            ).values_list("content_type_id", "object_id", "pk"):
                ids[(ct, pk)] = entry_id
            through = SearchEntry.topics.through
            entry_ids = [ids[(ct.pk, pk)] for ct, pk in keys]
            through.objects.filter(searchentry_id__in=entry_ids).delete()
            through.objects.bulk_create(
                [
                    through(searchentry_id=ids[(ct.pk, pk)], topic_id=topic_id)
                    for (ct, pk), item in zip(keys, batch, strict=True)
                    for topic_id in item.topic_ids
                ]
            )
            engine().write_vectors(entry_ids)
            remember_words(t for item in batch for t in (item.title, item.summary, item.text))


def all_items():
    """Every item that should be in the index now: live pages in one pass (each as its
    specific type), then every other registered model."""
    from wagtail.models import Page

    from search.items import provider_for
    from search.page_items import _places

    places = _places()
    for page in Page.objects.live().specific().iterator(chunk_size=200):
        provider = provider_for(type(page))
        item = provider.item(page, places=places) if provider is not None else None
        if item is not None:
            yield item
    for model, provider in providers().items():
        if issubclass(model, Page):
            continue
        for obj in provider.items().iterator(chunk_size=500):
            item = provider.item(obj)
            if item is not None:
                yield item


def rebuild():
    """The database index from scratch; returns the number of entries."""
    SearchEntry.objects.all().delete()
    items = list(all_items())
    index_items(items)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_entry_fts(search_entry_fts) VALUES ('optimize')")
    return len(items)
