"""Writing the Elasticsearch index: one object at a time (the tasks in tasks.py), a whole
rebuild into a new versioned index behind the alias (no downtime: searches use the old
index until the alias moves), and reading back what is stored (`manage.py search_index
--check`)."""

from elasticsearch.helpers import bulk, scan

from search.elastic.documents import (
    alias_name,
    client,
    document_for,
    document_id,
    index_definition,
    versioned_name,
)

_READY = set()


def ensure_index(es=None):
    """Create a versioned index and its alias when there is none yet, so that a first
    write never makes Elasticsearch guess a mapping for an index named like the alias."""
    es = es or client()
    alias = alias_name()
    if alias in _READY:
        return
    if not es.indices.exists(index=alias):
        name = versioned_name()
        index_definition(name).create(using=es)
        es.indices.put_alias(index=name, name=alias)
    _READY.add(alias)


def index_item(item, es=None):
    es = es or client()
    ensure_index(es)
    document_for(item).save(using=es, index=alias_name())


def remove(content_type, pk, es=None):
    es = es or client()
    ensure_index(es)
    es.options(ignore_status=404).delete(index=alias_name(), id=document_id(content_type, pk))


def _actions(items, index):
    for item in items:
        action = document_for(item).to_dict(include_meta=True)
        action["_index"] = index
        yield action


def rebuild(items, es=None):
    """Fill a new versioned index with `items`, point the alias at it in one step, and
    delete the index it pointed at. Returns (index name, number of documents)."""
    es = es or client()
    alias = alias_name()
    name = versioned_name()
    index_definition(name).create(using=es)
    written, _errors = bulk(es, _actions(items, name), chunk_size=500, max_retries=2)
    es.indices.refresh(index=name)
    old = []
    if es.indices.exists_alias(name=alias):
        old = list(es.indices.get_alias(name=alias))
    elif es.indices.exists(index=alias):
        # A concrete index took the alias's name (written before any rebuild): replace it.
        es.indices.delete(index=alias)
    actions = [{"remove": {"index": index, "alias": alias}} for index in old]
    actions.append({"add": {"index": name, "alias": alias}})
    es.indices.update_aliases(actions=actions)
    for index in old:
        es.indices.delete(index=index)
    _READY.add(alias)
    return name, written


def stored(es=None):
    """{document id: (title, url, indexed_at)} of everything in the index."""
    es = es or client()
    if not es.indices.exists(index=alias_name()):
        return {}
    found = {}
    for hit in scan(es, index=alias_name(), _source=["title", "url", "indexed_at"]):
        source = hit["_source"]
        found[hit["_id"]] = (source.get("title"), source.get("url"), source.get("indexed_at"))
    return found
