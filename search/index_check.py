"""Is the search index in step with the content? Compares every item that should be
indexed now (search.indexing.all_items) with what the backend stores: missing items,
stale ones (another title or URL, or content changed after it was indexed) and extra ones
(no longer searchable). Used by `manage.py search_index --check`."""

import datetime
from dataclasses import dataclass, field

from django.utils.dateparse import parse_datetime

from search.indexing import _key, all_items


@dataclass
class Report:
    missing: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    extra: list = field(default_factory=list)

    @property
    def ok(self):
        return not (self.missing or self.stale or self.extra)


def changed_at(obj):
    """When what the object shows in search last changed, where the object says so: a
    page's last publication, a document's extracted text."""
    times = [
        getattr(obj, "last_published_at", None),
        getattr(getattr(obj, "extracted_text", None), "extracted_at", None),
    ]
    return max((t for t in times if isinstance(t, datetime.datetime)), default=None)


def _describe(item):
    return f"{item.kind} {item.title!r} ({item.url})"


def compare(stored, key_of, title_length=None, url_length=None):
    """`stored`: {key: (title, url, indexed_at)}; `key_of(content_type, pk)` makes the key."""
    report = Report()
    expected = set()
    for item in all_items():
        content_type, pk = _key(item.obj)
        key = key_of(content_type, pk)
        expected.add(key)
        found = stored.get(key)
        if found is None:
            report.missing.append(_describe(item))
            continue
        title, url, indexed_at = found
        if isinstance(indexed_at, str):
            indexed_at = parse_datetime(indexed_at)
        changed = changed_at(item.obj)
        if (
            title != item.title[:title_length]
            or url != item.url[:url_length]
            or (changed and indexed_at and changed > indexed_at)
        ):
            report.stale.append(_describe(item))
    for key, (title, url, _indexed_at) in stored.items():
        if key not in expected:
            report.extra.append(f"{title!r} ({url})")
    return report


def check_database():
    from search.models import SearchEntry

    stored = {
        (ct, pk): (title, url, updated_at)
        for ct, pk, title, url, updated_at in SearchEntry.objects.values_list(
            "content_type_id", "object_id", "title", "url", "updated_at"
        )
    }
    return compare(stored, lambda content_type, pk: (content_type.pk, pk), 400, 500)


def check_elasticsearch(es=None):
    from search.elastic.documents import document_id
    from search.elastic.index import stored

    return compare(stored(es), document_id)
