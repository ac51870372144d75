"""The Elasticsearch index of the portal's search: one document per `SearchItem`
(search/items.py), the same items the database backend writes to `SearchEntry` rows.

Text analysis is done before sending, by search/terms.py, the same for every engine:
the `*_terms` fields hold each field's terms (normal forms, compound parts, numbers
joined), which Elasticsearch only splits on spaces, so it finds what the database finds.
`title` and `text` are kept as written, split into words as search/words.py splits them
(letters and digits; "mottagande.pdf" and "lisa.berg" are two words each), for typo
corrections.

`audience` holds the privacy records that govern the item (portal.access.audience_of);
the query leaves out items carrying a record the reader does not pass.

Writes and reads go through an alias (`<ELASTICSEARCH_INDEX_PREFIX>-search`) that points
at one versioned index, so a rebuild fills a new index and swaps the alias at once."""

import datetime
from functools import cache

from django.conf import settings
from django.utils import timezone
from elasticsearch_dsl import (
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Long,
    Text,
    analyzer,
    tokenizer,
)

from search import terms

SHARDS = {"number_of_shards": 1, "number_of_replicas": 0}
# Elasticsearch's index.max_result_window: no page of results beyond it.
MAX_RESULT_WINDOW = 10_000

# Words as search/words.py reads them: runs of letters and digits.
words_tokenizer = tokenizer("portal_words_tokenizer", type="pattern", pattern="[^\\p{L}\\p{N}]+")
plain_words = analyzer("portal_words", tokenizer=words_tokenizer, filter=["lowercase"])
# The terms are computed already: split on spaces only.
terms_analyzer = analyzer("portal_terms", tokenizer="whitespace")


class SearchDocument(Document):
    kind = Keyword()
    title = Text(analyzer=plain_words)
    text = Text(analyzer=plain_words)
    title_terms = Text(analyzer=terms_analyzer)
    summary_terms = Text(analyzer=terms_analyzer)
    body_terms = Text(analyzer=terms_analyzer)
    url = Keyword(index=False)
    place = Keyword()
    municipality_id = Integer()
    topic_ids = Integer(multi=True)
    date = Date(format="date")
    available_from = Date(format="date")
    content_type_id = Integer()
    object_id = Long()
    page_id = Integer()
    collection_id = Integer()
    audience = Keyword(multi=True)
    indexed_at = Date()

    class Index:
        # Replaced by the settings' name wherever the index is used (see alias_name()).
        name = "portal-search"


def alias_name():
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-search"


def versioned_name(now=None):
    now = now or timezone.now()
    return f"{alias_name()}-{now.strftime('%Y%m%d%H%M%S%f')}"


def index_definition(name):
    """The index (settings, analysis, mapping) under `name`, ready to create."""
    index = Index(name)
    index.settings(**SHARDS, max_result_window=MAX_RESULT_WINDOW)
    index.document(SearchDocument)
    return index


@cache
def _client(url):
    from elasticsearch import Elasticsearch

    return Elasticsearch(url, request_timeout=10)


def client():
    return _client(settings.ELASTICSEARCH_URL)


def document_id(content_type, pk):
    """Stable across rebuilds: the model's natural key and the object's id."""
    return f"{content_type.app_label}.{content_type.model}.{pk}"


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def document_for(item):
    """The `SearchDocument` of one `SearchItem`, with its audience."""
    from portal.access import audience_of_collection, audience_of_page
    from search.indexing import _key

    content_type, pk = _key(item.obj)
    if item.page_id:
        audience = audience_of_page(item.obj)
    elif item.collection_id:
        audience = audience_of_collection(item.collection_id)
    else:
        audience = []
    return SearchDocument(
        meta={"id": document_id(content_type, pk)},
        kind=item.kind,
        title=item.title,
        text="\n".join(t for t in (item.summary, item.text) if t),
        title_terms=terms.text_terms(item.title),
        summary_terms=terms.text_terms(item.summary),
        body_terms=terms.text_terms(item.text),
        url=item.url,
        place=item.place,
        municipality_id=item.municipality_id,
        topic_ids=list(item.topic_ids),
        date=_date(item.date),
        available_from=_date(item.available_from),
        content_type_id=content_type.pk,
        object_id=pk,
        page_id=item.page_id,
        collection_id=item.collection_id,
        audience=audience,
        indexed_at=timezone.now(),
    )
