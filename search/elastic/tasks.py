"""Keeping the Elasticsearch index current, in the background (django-tasks: immediate in
development and tests, `manage.py db_worker` in production). search/indexing.py enqueues
`update_document` after each committed change; search/elastic/signals.py enqueues
`update_governed` when a privacy record changes, since the record's id is part of the
audience of every page or document below it."""

from django.contrib.contenttypes.models import ContentType
from django_tasks import task

PAGES = "page"
COLLECTIONS = "collection"


@task()
def update_document(action, app_label, model, pk):
    """Index ("index") or remove ("remove") one object; an object that is gone or no
    longer searchable (a draft, a person who has left) is removed."""
    from search.elastic import index
    from search.items import item_for

    content_type = ContentType.objects.get_by_natural_key(app_label, model)
    obj = None
    if action == "index":
        model_class = content_type.model_class()
        obj = model_class._default_manager.filter(pk=pk).first() if model_class else None
    item = item_for(obj) if obj is not None else None
    if item is None:
        index.remove(content_type, pk)
    else:
        index.index_item(item)


def governed_by(kind, path):
    """The searchable objects under a page path (live pages) or a collection path
    (documents of that collection and the ones below it)."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    if kind == PAGES:
        return list(Page.objects.filter(path__startswith=path).live().specific())
    return list(
        get_document_model()
        .objects.filter(collection__path__startswith=path)
        .select_related("extracted_text")
    )


@task()
def update_governed(kind, path):
    """Index again what a privacy record at `path` governs (pages or documents)."""
    from search.elastic import index
    from search.items import item_for

    for obj in governed_by(kind, path):
        item = item_for(obj)
        if item is not None:
            index.index_item(item)
