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
    lets through; none dated after `today`."""
    pages = access.visible_pages(Page.objects.all()).values("pk")
    condition = Q(page__isnull=False, page__in=pages)
    for model in providers():
        if issubclass(model, Page):
            continue
        content_type = ContentType.objects.get_for_model(model)
        visible = access.visible(model._default_manager.all()).values("pk")
        condition |= Q(page__isnull=True, content_type=content_type, object_id__in=visible)
    return SearchEntry.objects.filter(condition).filter(
        Q(available_from__isnull=True) | Q(available_from__lte=today)
    )


def _filtered(queryset, filters, skip=None):
    if filters.kinds and skip != "kind":
        queryset = queryset.filter(kind__in=filters.kinds)
    if filters.municipality and skip != "municipality":
        queryset = queryset.filter(municipality_id=filters.municipality)
    if filters.topic and skip != "topic":
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

    def facets(self, access, parsed, filters, today):
        """Counts per kind, municipality and topic; each with the other facets applied."""
        matching = self._matching(access, parsed, today)
        found = {}
        for name, column in (
            ("kind", "kind"),
            ("municipality", "municipality_id"),
            ("topic", "topics"),
        ):
            # filter(isnull=False), not exclude(isnull=True): for topics that is one inner
            # join, where exclude() added an anti-join subquery over the whole index that
            # PostgreSQL planned as a nested loop (4 s at 50 000 entries, bench/search.py).
            counts = (
                _filtered(matching, filters, skip=name)
                .filter(**{f"{column}__isnull": False})
                .order_by()
                .values(column)
                .annotate(n=Count("pk", distinct=True))
            )
            found[name] = {row[column]: row["n"] for row in counts}
        return found

    def suggest(self, access, parsed, today, limit):
        matching = self.engine.match(visible_entries(access, today), parsed, prefix_last=True)
        ranked = self.engine.ranked(matching, parsed, prefix_last=True)
        return list(ranked.order_by("-rank", "pk").values(*ROW_FIELDS)[:limit])

    def corrections(self, word):
        return self.engine.corrections(word)

    def is_known(self, word):
        return self.engine.is_known(word)
