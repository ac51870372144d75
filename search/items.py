"""What the search index holds, described once for both backends.

Each app says how its models become `SearchItem`s in its own ``search_items.py``, registered
with the ``register_search_items`` hook: ``{Model: provider}``, where a provider has
``items()`` (every object to index, as a queryset, for rebuilds and checks) and
``item(obj)`` (the `SearchItem`, or None when the object is not searchable: a draft, a
person who has left). The database backend writes items to `SearchEntry` rows, the
Elasticsearch backend to documents (search/elastic/documents.py)."""

import datetime
from dataclasses import dataclass, field

from wagtail import hooks

ITEMS_HOOK = "register_search_items"


@dataclass
class SearchItem:
    obj: object
    kind: str
    title: str
    text: str
    url: str
    # A short text that says what the item is about (weighs more than `text`).
    summary: str = ""
    page_id: int | None = None
    collection_id: int | None = None
    municipality_id: int | None = None
    place: str = ""
    topic_ids: list[int] = field(default_factory=list)
    date: datetime.date | None = None
    available_from: datetime.date | None = None


def providers():
    found = {}
    for hook in hooks.get_hooks(ITEMS_HOOK):
        found.update(hook())
    return found


def provider_for(model):
    registered = providers()
    for klass in model.__mro__:
        if klass in registered:
            return registered[klass]
    return None


def item_for(obj):
    provider = provider_for(type(obj))
    return provider.item(obj) if provider is not None else None


def searchable_text(obj, skip=("title",)):
    """The text of an object's modelsearch `search_fields` (StreamField blocks, related
    fields and callables included), as Wagtail's own index reads it, minus `skip`."""
    from django.db.models import Manager
    from modelsearch.index import RelatedFields, SearchField

    parts = []

    def add(value):
        if value is None:
            return
        if isinstance(value, list | tuple):
            for item in value:
                add(item)
        elif isinstance(value, dict):
            for item in value.values():
                add(item)
        else:
            text = str(value).strip()
            if text:
                parts.append(text)

    def walk(target, fields):
        for search_field in fields:
            if isinstance(search_field, SearchField):
                if search_field.field_name in skip and target is obj:
                    continue
                add(search_field.get_value(target))
            elif isinstance(search_field, RelatedFields):
                related = search_field.get_value(target)
                if related is None:
                    continue
                if isinstance(related, Manager):
                    related = related.all()
                elif callable(related):
                    related = [related()]
                else:
                    related = [related]
                for sub in related:
                    walk(sub, search_field.fields)

    walk(obj, obj.get_search_fields())
    return "\n".join(dict.fromkeys(parts))
