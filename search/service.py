"""The portal's one search: the search page, the header's autocomplete and any other caller
ask here. The backend (the database, or Elasticsearch when ELASTICSEARCH_URL is set) finds,
counts and facets only what portal.access lets the reader see; every hit shown is checked
once more with the access module before it is displayed."""

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F

from knowledge import clock
from portal.access import Access, access_for
from search import words as sv
from search.query import parse
from search.snippets import snippet

PAGE_SIZE = 10
SUGGESTIONS = 8
MIN_CORRECTED = 3
# Digits that could be a personal identity number or a phone number are never stored.
_PERSONAL = re.compile(r"\d[\d\s-]{5,}")


def cached_everyone(name, compute):
    return Access(None).cached_for_everyone(name, compute)


def backend():
    if settings.ELASTICSEARCH_URL:
        from search.elastic.backend import ElasticsearchBackend

        return ElasticsearchBackend()
    from search.engines.rows import DatabaseBackend

    return DatabaseBackend()


@dataclass
class Filters:
    kinds: list = field(default_factory=list)
    municipality: int | None = None
    topic: int | None = None


@dataclass
class Hit:
    kind: str
    kind_label: str
    title: str
    url: str
    place: str
    snippet: str
    date: datetime.date | None


@dataclass
class Results:
    text: str
    parsed: object = None
    page: object = None
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    corrected_to: str = ""
    # When no item has every word: the words the results were found by.
    found_by: str = ""
    total: int = 0

    @property
    def searched(self):
        return self.parsed is not None and not self.parsed.is_empty


class _Hits:
    """What Django's Paginator pages through: the count, and rows fetched per page."""

    def __init__(self, found, limit=None):
        self.found = found
        # Elasticsearch pages no further than its max_result_window.
        self.limit = limit

    def count(self):
        count = self.found.count
        return min(count, self.limit) if self.limit else count

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        if self.count() == 0 or stop <= start:
            return []
        return self.found.rows(start, stop - start)


def _kind_labels():
    from search.models.entries import Kind

    return dict(Kind.choices)


def still_visible(access, rows):
    """The rows the access module, asked about each object, still lets the reader see:
    pages by path, documents by collection, other things by their app's rule."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    page_ids = [r["page_id"] for r in rows if r["page_id"]]
    allowed = set()
    if page_ids:
        for page in Page.objects.filter(pk__in=page_ids).only("path", "live"):
            if access.can_view_page(page):
                allowed.add(("page", page.pk))
    others = {}
    for row in rows:
        if not row["page_id"]:
            others.setdefault(row["content_type_id"], []).append(row["object_id"])
    document_model = get_document_model()
    for content_type_id, ids in others.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is document_model:
            documents = document_model.objects.filter(pk__in=ids).only("collection_id")
            visible = [d.pk for d in documents if access.can_view_document(d)]
        else:
            queryset = access.visible(model._default_manager.filter(pk__in=ids))
            visible = list(queryset.values_list("pk", flat=True))
        allowed.update((content_type_id, pk) for pk in visible)
    return [
        r
        for r in rows
        if (("page", r["page_id"]) if r["page_id"] else (r["content_type_id"], r["object_id"]))
        in allowed
    ]


def _hits(access, rows, parsed):
    labels = _kind_labels()
    terms = parsed.highlight_terms()
    return [
        Hit(
            kind=r["kind"],
            kind_label=labels.get(r["kind"], r["kind"]),
            title=r["title"],
            url=r["url"],
            place=r["place"],
            snippet=snippet(r["text"], terms),
            date=r["date"],
        )
        for r in still_visible(access, rows)
    ]


def _correct(finder, access, parsed, today):
    """The search with its typos corrected (up to two per word, in every word not in the
    index) that finds something the reader may see: every unknown word at once first,
    then one at a time."""
    unknown = {}
    for word in dict.fromkeys(parsed.all_words()):
        if len(word) < MIN_CORRECTED or word.isdigit() or finder.is_known(word):
            continue
        candidates = finder.corrections(word)
        if candidates:
            unknown[word] = candidates
    if not unknown:
        return None
    from itertools import islice, product

    tries = []
    if len(unknown) > 1:
        # Every unknown word corrected, closest candidates first (at most MAX_TRIES).
        words = list(unknown)
        for choice in islice(product(*unknown.values()), MAX_TRIES):
            tries.append(dict(zip(words, choice, strict=True)))
    tries += [{word: c} for word, candidates in unknown.items() for c in candidates]
    for changes in tries:
        corrected = parsed.replaced_all(changes)
        if not corrected.is_empty and _finds_something(finder, access, corrected, today):
            return corrected
    return None


MAX_SUBSETS = 40
MAX_TRIES = 27


def _most_words(finder, access, parsed, today):
    """When no item has all the words: the search with as many of them as some item
    has (first the words that find something alone, then fewer), or None."""
    from itertools import combinations

    groups = parsed.groups
    if len(groups) < 2:
        return None
    alone = [g for g in groups if _finds_something(finder, access, parsed.keeping([g]), today)]
    tried = 0
    for size in range(len(alone), 0, -1):
        for subset in combinations(alone, size):
            if size == len(groups):
                continue
            candidate = parsed.keeping(subset)
            if size == 1 or _finds_something(finder, access, candidate, today):
                return candidate
            tried += 1
            if tried >= MAX_SUBSETS:
                break
    return None


def _finds_something(finder, access, parsed, today):
    if hasattr(finder, "exists"):
        return finder.exists(access, parsed, today)
    return bool(finder.count(access, parsed, Filters(), today))


def record_zero_result(text):
    """Count a search that found nothing, per week, without who searched."""
    from search.models import ZeroResultSearch

    normalised = " ".join(w.lower() for w in sv.words(text))[:100]
    if not normalised or _PERSONAL.search(text):
        return
    today = clock.today()
    week = today - datetime.timedelta(days=today.weekday())
    entry, _created = ZeroResultSearch.objects.get_or_create(week=week, query=normalised)
    ZeroResultSearch.objects.filter(pk=entry.pk).update(count=F("count") + 1)


def search(user, text, filters=None, page_number=1):
    filters = filters or Filters()
    access = access_for(user)
    parsed = parse(text)
    results = Results(text=parsed.text, parsed=parsed)
    if parsed.is_empty:
        return results
    finder = backend()
    today = clock.today()
    found = _find(finder, access, parsed, filters, today)
    if not found.anything:
        corrected = _correct(finder, access, parsed, today)
        if corrected is not None:
            parsed = corrected
            results.corrected_to = parsed.text
        else:
            fewer = _most_words(finder, access, parsed, today)
            if fewer is None:
                record_zero_result(parsed.text)
                results.page = Paginator([], PAGE_SIZE).get_page(1)
                return results
            parsed = fewer
            results.found_by = parsed.words_of(parsed.groups)
        results.parsed = parsed
        found = _find(finder, access, parsed, filters, today)
    hits = _Hits(found, limit=getattr(finder, "max_results", None))
    paginator = Paginator(hits, PAGE_SIZE)
    results.page = paginator.get_page(page_number)
    results.total = found.count
    results.hits = _hits(access, list(results.page.object_list), parsed)
    results.facets = found.facets
    return results


class _Summed:
    """A backend's separate answers (count, facets, rows) in the shape of `Found`."""

    def __init__(self, finder, access, parsed, filters, today):
        self.count = finder.count(access, parsed, filters, today)
        self.anything = finder.count(access, parsed, Filters(), today)
        self.facets = finder.facets(access, parsed, filters, today)
        self._args = (finder, access, parsed, filters, today)

    def rows(self, offset, limit):
        finder, access, parsed, filters, today = self._args
        return finder.rows(access, parsed, filters, today, offset, limit)


def _find(finder, access, parsed, filters, today):
    if hasattr(finder, "find"):
        return finder.find(access, parsed, filters, today)
    return _Summed(finder, access, parsed, filters, today)


def suggestions(user, text, limit=SUGGESTIONS):
    """Titles for the header's autocomplete: the last word as a prefix."""
    parsed = parse(text)
    if parsed.is_empty:
        return []
    access = access_for(user)
    labels = _kind_labels()
    rows = backend().suggest(access, parsed, clock.today(), limit)
    return [
        {"title": r["title"], "url": r["url"], "kind": labels.get(r["kind"], r["kind"])}
        for r in still_visible(access, rows)
    ]
