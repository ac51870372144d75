"""The database backend behind search/service.py: `SearchEntry` rows the reader may see
(asked of portal.access in the same query), matched by search/engines/database.py."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
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


def visible_entries(access, today):
    """Entries of pages the reader may see, and of other things their app's access rule
    lets through; none dated after `today`. Pages by their path (the access module's
    condition, on the entry's page), documents by their collection (the entry's own
    column), other models by their rule's queryset."""
    from wagtail.documents import get_document_model

    condition = Q(page__isnull=False, page__live=True) & access.visible_page_paths("page__path")
    documents = get_document_model()
    for model in providers():
        if issubclass(model, Page):
            continue
        of_model = Q(page__isnull=True, content_type=ContentType.objects.get_for_model(model))
        if issubclass(model, documents):  # visible_documents: by collection privacy
            denied = access.denied_collection_ids
            if denied:
                of_model &= ~Q(collection_id__in=sorted(denied))
            condition |= of_model
            continue
        visible = access.visible(model._default_manager.all()).values("pk")
        condition |= of_model & Q(object_id__in=visible)
    return SearchEntry.objects.filter(condition).filter(
        Q(available_from__isnull=True) | Q(available_from__lte=today)
    )


def _filtered(queryset, filters, skip=""):
    if filters.kinds and "kind" not in skip:
        queryset = queryset.filter(kind__in=filters.kinds)
    if filters.municipality and "municipality" not in skip:
        queryset = queryset.filter(municipality_id=filters.municipality)
    if filters.topic and "topic" not in skip:
        queryset = queryset.filter(topics=filters.topic)
    return queryset


class DatabaseBackend:
    name = "database"

    def __init__(self):
        self.engine = engine()

    def _matching(self, access, parsed, today):
        return self.engine.match(visible_entries(access, today), parsed)

    def count(self, access, parsed, filters, today):
        return _filtered(self._matching(access, parsed, today), filters).count()

    def rows(self, access, parsed, filters, today, offset, limit):
        matching = _filtered(self._matching(access, parsed, today), filters)
        ranked = self.engine.ranked(matching, parsed).order_by("-rank", "-date", "pk")
        return list(ranked.values(*ROW_FIELDS)[offset : offset + limit])

    def summary(self, access, parsed, filters, today):
        """The count and the facets in two statements: one grouped by kind and municipality
        (with the topic filter), from which the count and both facets are added up (each
        facet with the other's filter applied), and one for the topic facet."""
        matching = self._matching(access, parsed, today)
        cells = (
            _filtered(matching, filters, skip="kind_and_municipality")
            .order_by()
            .values_list("kind", "municipality_id")
            .annotate(n=Count("pk", distinct=bool(filters.topic)))
        )
        kinds, municipalities, count, anything = {}, {}, 0, 0
        for kind, municipality, n in cells:
            anything += n
            kind_passes = not filters.kinds or kind in filters.kinds
            municipality_passes = not filters.municipality or municipality == filters.municipality
            if municipality_passes:
                kinds[kind] = kinds.get(kind, 0) + n
            if kind_passes and municipality is not None:
                municipalities[municipality] = municipalities.get(municipality, 0) + n
            if kind_passes and municipality_passes:
                count += n
        topics = {}
        if anything:
            rows = (
                _filtered(matching, filters, skip="topic")
                .filter(topics__isnull=False)
                .order_by()
                .values_list("topics")
                .annotate(n=Count("pk", distinct=True))
            )
            topics = dict(rows)
        facets = {"kind": kinds, "municipality": municipalities, "topic": topics}
        return count, anything, facets

    def facets(self, access, parsed, filters, today):
        return self.summary(access, parsed, filters, today)[2]

    def suggest(self, access, parsed, today, limit):
        matching = self.engine.match(visible_entries(access, today), parsed, prefix_last=True)
        ranked = self.engine.ranked(matching, parsed, prefix_last=True)
        return list(ranked.order_by("-rank", "pk").values(*ROW_FIELDS)[:limit])

    def corrections(self, word):
        return self.engine.corrections(word)

    def is_known(self, word):
        return self.engine.is_known(word)
