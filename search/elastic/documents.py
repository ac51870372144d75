"""The Elasticsearch index of the portal's search: one document per `SearchItem`
(search/items.py), the same items the database backend writes to `SearchEntry` rows.

Swedish text analysis: lower case, compounds split with `dictionary_decompounder` over the
parts in search/data/compound-parts.txt (the list the database backend uses too, so
"samverkansöverenskommelse" is found by "överenskommelse"), Swedish stop words, the
Swedish Snowball stemmer. No ascii folding: å, ä and ö stay letters of their own ("får" is
not "far"). Titles also get an edge-n-gram subfield for the header's autocomplete, and
unstemmed `words` subfields for typo corrections.

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
    token_filter,
)

from search import words as sv

NGRAM_MAX = 30
SHARDS = {"number_of_shards": 1, "number_of_replicas": 0}

swedish_decompounder = token_filter(
    "portal_swedish_decompounder",
    type="dictionary_decompounder",
    word_list=list(sv.compound_parts()),
    min_subword_size=sv.MIN_PART,
    max_subword_size=40,
    only_longest_match=False,
)
swedish_stop = token_filter("portal_swedish_stop", type="stop", stopwords="_swedish_")
swedish_stemmer = token_filter("portal_swedish_stemmer", type="stemmer", language="swedish")
title_edge_ngram = token_filter(
    "portal_title_edge_ngram", type="edge_ngram", min_gram=1, max_gram=NGRAM_MAX
)

# Decompounding before stemming: the word list holds surface forms ("samverkans").
swedish = analyzer(
    "portal_swedish",
    tokenizer="standard",
    filter=["lowercase", swedish_decompounder, swedish_stop, swedish_stemmer],
)
# Queries are not split: "samverkansöverenskommelse" asks for the whole compound, while
# "överenskommelse" finds it through the part indexed with it.
swedish_query = analyzer(
    "portal_swedish_query",
    tokenizer="standard",
    filter=["lowercase", swedish_stop, swedish_stemmer],
)
# Typed word starts against every start of a title word ("rut" → "rutin för ...").
autocomplete = analyzer(
    "portal_autocomplete", tokenizer="standard", filter=["lowercase", title_edge_ngram]
)
plain_words = analyzer("portal_words", tokenizer="standard", filter=["lowercase"])


class SearchDocument(Document):
    kind = Keyword()
    title = Text(
        analyzer=swedish,
        search_analyzer=swedish_query,
        fields={
            "autocomplete": Text(analyzer=autocomplete, search_analyzer=plain_words),
            "words": Text(analyzer=plain_words),
        },
    )
    text = Text(
        analyzer=swedish,
        search_analyzer=swedish_query,
        fields={"words": Text(analyzer=plain_words)},
    )
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
    index.settings(**SHARDS)
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
        text=item.text,
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
