"""The database backend behind search/service.py: `SearchEntry` rows the reader may see
(asked of portal.access in the same query), matched by search/engines/database.py."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL
from wagtail.models import Page

from search.engines.database import engine
from search.items import providers
from search.models import SearchEntry

ROW_FIELDS = (
    "kind",
    "title",
    "text",
    "url",
    "place",
    "date",
    "page_id",
    "collection_id",
    "content_type_id",
    "object_id",
    "municipality_id",
)


# A file ranks a little below the page that explains it (a routine before its signed
# PDF of the same title); the same weights on Elasticsearch (search/elastic/backend.py).
KIND_WEIGHTS = {"document": 0.8}


def visible_entries(access, today):
    """Entries of pages the reader may see, and of other things their app's access rule
    lets through; none dated after `today`. Pages by their path (the access module's
    condition, on the entry's page), documents by `visible_documents` as a subquery, other
    models by their rule (`_visible_ids`)."""
    from wagtail.documents import get_document_model

    condition = Q(page__isnull=False, page__live=True) & access.visible_page_paths("page__path")
    documents = get_document_model()
    for model in providers():
        if issubclass(model, Page):
            continue
        of_model = Q(page__isnull=True, content_type=ContentType.objects.get_for_model(model))
        if issubclass(model, documents):
            # By the document's collection now (a bulk move in the admin saves no
            # document, so the entry's own copy of it may be old).
            visible = access.visible_documents(model.objects.all()).values("pk")
            condition |= of_model & Q(object_id__in=visible)
            continue
        condition |= of_model & Q(object_id__in=_visible_ids(access, model))
    return SearchEntry.objects.filter(condition).filter(
        Q(available_from__isnull=True) | Q(available_from__lte=today)
    )


def _visible_ids(access, model):
    """The ids of `model` the reader may see, by its app's access rule. On PostgreSQL the
    list is kept per reach (the rule depends only on groups; the cache version retires it
    when organisations, contacts or privacy change) and sent as one array, so a search
    does not run the rule's subqueries again; elsewhere the rule is a subquery."""
    visible = access.visible(model._default_manager.all()).values("pk")
    ids = access.visible_ids(model) if connection.vendor == "postgresql" else None
    if ids is None:
        return visible
    return RawSQL("SELECT unnest(%s::bigint[])", [list(ids)])


class Found:
    """The matching entries of one search, summed up: the count with the filters, the
    count without them (`anything`), the facets (each with the other facets' filters)
    and the entries in order (rank, then newest)."""

    def __init__(self, matches, filters, topic_list):
        self.anything = len(matches)
        kinds, municipalities, topics, shown = {}, {}, {}, []
        for pk, kind, municipality, rank, date, topic_ids in matches:
            topic_ids = topic_list(topic_ids)
            by_kind = not filters.kinds or kind in filters.kinds
            by_municipality = not filters.municipality or municipality == filters.municipality
            by_topic = not filters.topic or filters.topic in topic_ids
            if by_municipality and by_topic:
                kinds[kind] = kinds.get(kind, 0) + 1
            if by_kind and by_topic and municipality is not None:
                municipalities[municipality] = municipalities.get(municipality, 0) + 1
            if by_kind and by_municipality:
                for topic in topic_ids:
                    topics[topic] = topics.get(topic, 0) + 1
                if by_topic:
                    weighed = (rank or 0) * KIND_WEIGHTS.get(kind, 1.0)
                    shown.append((-weighed, -(date.toordinal() if date else 0), pk))
        shown.sort()
        self.ids = [pk for _rank, _date, pk in shown]
        self.count = len(self.ids)
        self.facets = {"kind": kinds, "municipality": municipalities, "topic": topics}

    def rows(self, offset, limit):
        ids = self.ids[offset : offset + limit]
        if not ids:
            return []
        by_id = {
            row["pk"]: row
            for row in SearchEntry.objects.filter(pk__in=ids).values("pk", *ROW_FIELDS)
        }
        return [{f: by_id[pk][f] for f in ROW_FIELDS} for pk in ids if pk in by_id]


class DatabaseBackend:
    name = "database"

    def __init__(self):
        self.engine = engine()

    def _matching(self, access, parsed, today):
        return self.engine.match(visible_entries(access, today), parsed)

    def find(self, access, parsed, filters, today):
        """Everything a results page needs from one statement over the index: every
        matching entry the reader may see, as (id, kind, municipality, rank, date,
        topics); the count, the facets and the order are worked out from those."""
        matching = self.engine.ranked(self._matching(access, parsed, today), parsed)
        found = matching.annotate(topic_ids=self.engine.topic_ids()).values_list(
            "pk", "kind", "municipality_id", "rank", "date", "topic_ids"
        )
        return Found(list(found), filters, self.engine.topic_list)

    def exists(self, access, parsed, today):
        return self._matching(access, parsed, today).exists()

    def count(self, access, parsed, filters, today):
        return self.find(access, parsed, filters, today).count

    def rows(self, access, parsed, filters, today, offset, limit):
        return self.find(access, parsed, filters, today).rows(offset, limit)

    def facets(self, access, parsed, filters, today):
        return self.find(access, parsed, filters, today).facets

    def suggest(self, access, parsed, today, limit):
        matching = self.engine.match(visible_entries(access, today), parsed, prefix_last=True)
        ranked = self.engine.ranked(matching, parsed, prefix_last=True)
        return list(ranked.order_by("-rank", "pk").values(*ROW_FIELDS)[:limit])

    def corrections(self, word):
        return self.engine.corrections(word)

    def is_known(self, word):
        return self.engine.is_known(word)
