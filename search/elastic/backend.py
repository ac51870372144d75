"""The Elasticsearch backend behind search/service.py, with the interface of
`search.engines.rows.DatabaseBackend`.

The query itself leaves out what the reader may not see, so counts and facets are the
reader's own: pages and documents carrying a privacy record the reader does not pass
(`Access.denied_audience` against the indexed `audience`, see portal.access.audience_of),
other kinds (partner organisations, contact people) by the ids their app's access rule
lets through, and nothing dated after today. The service checks every hit shown with
portal.access once more.

The query building is in plain functions returning elasticsearch-dsl `Search` objects, so
tests can read what would be sent (`to_dict()`) without a cluster."""

import datetime

from django.contrib.contenttypes.models import ContentType
from elasticsearch_dsl import Q, Search

from search.elastic.documents import MAX_RESULT_WINDOW, alias_name, client
from search.engines.database import WEIGHTS, allowed_edits, expression
from search.engines.rows import KIND_WEIGHTS, ROW_FIELDS

# The terms fields (search/terms.py), weighed as on the database.
TERMS_FIELDS = [
    f"title_terms^{WEIGHTS['title']:g}",
    f"summary_terms^{WEIGHTS['summary']:g}",
    f"body_terms^{WEIGHTS['body']:g}",
]
FACET_FIELDS = {"kind": "kind", "municipality": "municipality_id", "topic": "topic_ids"}
FACET_SIZE = 500
CORRECTIONS = 3
MIN_CORRECTED = 4


# --- who reads -----------------------------------------------------------------------------


def _rule_models():
    """Models found by their app's access rule, not by privacy records: every registered
    search model that is neither a page nor a document."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    from search.items import providers

    return [
        model
        for model in providers()
        if not issubclass(model, Page) and not issubclass(model, get_document_model())
    ]


def visible_object_ids(access):
    """{content type id: ids the reader may see} for the rule-governed models, computed
    by portal.access and shared by everyone with the same reach."""
    found = {}
    for model in _rule_models():
        content_type = ContentType.objects.get_for_model(model)

        def compute(model=model):
            return sorted(access.visible(model._default_manager.all()).values_list("pk", flat=True))

        found[content_type.pk] = access.cached_for_reach(
            f"search-visible-ids:{content_type.pk}", compute
        )
    return found


def reader_filter(access, today):
    """What this reader may find today: pages and documents none of whose privacy records
    deny the reader, other kinds by id, and nothing available only after `today`."""
    from wagtail.documents import get_document_model

    document_type = ContentType.objects.get_for_model(get_document_model())
    by_privacy = {
        "filter": [Q("exists", field="page_id") | Q("term", content_type_id=document_type.pk)]
    }
    denied = sorted(access.denied_audience)
    if denied:
        by_privacy["must_not"] = [Q("terms", audience=denied)]
    allowed = [Q("bool", **by_privacy)]
    for content_type_id, ids in visible_object_ids(access).items():
        if ids:
            allowed.append(
                Q(
                    "bool",
                    filter=[
                        Q("term", content_type_id=content_type_id),
                        Q("terms", object_id=list(ids)),
                    ],
                )
            )
    return Q(
        "bool",
        should=allowed,
        minimum_should_match=1,
        must_not=[Q("range", available_from={"gt": today.isoformat()})],
    )


# --- what was asked ------------------------------------------------------------------------


def _term(term):
    return Q("multi_match", query=term, fields=TERMS_FIELDS, analyzer="whitespace")


def _phrase(phrase):
    return Q(
        "multi_match",
        query=" ".join(phrase),
        type="phrase",
        fields=TERMS_FIELDS,
        analyzer="whitespace",
    )


def _either(items):
    items = list(items)
    return items[0] if len(items) == 1 else Q("bool", should=items, minimum_should_match=1)


def _both(items):
    items = list(items)
    return items[0] if len(items) == 1 else Q("bool", must=items)


def _title_start(start):
    return Q("prefix", title_terms=start)


def text_query(parsed, prefix_last=False):
    """The parsed query over the terms fields, as the database engines build it
    (search/engines/database.expression): AND of groups, OR of alternatives, a compound
    word whole or all its parts. Autocomplete (`prefix_last`) looks in titles only, the
    last word as a start."""
    if prefix_last:
        return expression(
            parsed,
            term=lambda t: Q("term", title_terms=t),
            both=_both,
            either=_either,
            phrase=lambda p: Q(
                "match_phrase", title_terms={"query": " ".join(p), "analyzer": "whitespace"}
            ),
            prefix_last=True,
            prefix=_title_start,
        )
    return expression(parsed, term=_term, both=_both, either=_either, phrase=_phrase)


def facet_filters(filters, skip=None):
    found = []
    if filters.kinds and skip != "kind":
        found.append(Q("terms", kind=list(filters.kinds)))
    if filters.municipality and skip != "municipality":
        found.append(Q("term", municipality_id=filters.municipality))
    if filters.topic and skip != "topic":
        found.append(Q("term", topic_ids=filters.topic))
    return found


def _base():
    return Search(index=alias_name())


def matching_search(access, parsed, today, prefix_last=False):
    """What the reader may see that matches, without the facet filters."""
    matching = Q(
        "bool",
        must=[text_query(parsed, prefix_last=prefix_last)],
        filter=[reader_filter(access, today)],
    )
    if prefix_last:
        return _base().query(matching)
    # Kinds weighed as on the database (search/engines/rows.KIND_WEIGHTS).
    functions = [
        {"filter": {"term": {"kind": kind}}, "weight": weight}
        for kind, weight in KIND_WEIGHTS.items()
    ]
    return _base().query(
        Q("function_score", query=matching, functions=functions, boost_mode="multiply")
    )


def results_search(access, parsed, filters, today):
    search = matching_search(access, parsed, today)
    for condition in facet_filters(filters):
        search = search.filter(condition)
    return search.sort("_score", {"date": {"order": "desc", "missing": "_last"}}).source(
        list(ROW_FIELDS)
    )


def facets_search(access, parsed, filters, today):
    """Counts per kind, municipality and topic, each with the other facets' filters
    applied (a filter aggregation per facet), in one request without hits."""
    search = matching_search(access, parsed, today).extra(size=0)
    for name, field in FACET_FIELDS.items():
        others = facet_filters(filters, skip=name)
        search.aggs.bucket(name, "filter", Q("bool", filter=others)).bucket(
            "values", "terms", field=field, size=FACET_SIZE
        )
    return search


def suggest_search(access, parsed, today, limit):
    return (
        matching_search(access, parsed, today, prefix_last=True)
        .sort("_score")
        .source(list(ROW_FIELDS))[:limit]
    )


def corrections_search(word):
    """Words of titles and texts up to two typos away (one for short words), by
    Elasticsearch's term suggester over the words as written."""
    options = {
        "suggest_mode": "always",
        "max_edits": allowed_edits(word),
        "min_word_length": MIN_CORRECTED,
        "size": CORRECTIONS,
    }
    return (
        _base()
        .extra(size=0)
        .suggest("title", word, term={"field": "title", **options})
        .suggest("text", word, term={"field": "text", **options})
    )


def known_search(word):
    return (
        _base()
        .query(
            Q(
                "bool",
                should=[Q("term", title=word), Q("term", text=word)],
                minimum_should_match=1,
            )
        )
        .extra(size=0, terminate_after=1, track_total_hits=True)
    )


# --- answers -------------------------------------------------------------------------------


def _date(value):
    return datetime.date.fromisoformat(value[:10]) if value else None


def row_of(source):
    row = {name: source.get(name) for name in ROW_FIELDS}
    row["date"] = _date(row["date"])
    row["text"] = row["text"] or ""
    row["place"] = row["place"] or ""
    return row


class ElasticsearchBackend:
    name = "elasticsearch"
    # Results are paged no further than the index's window (a deeper page is empty, not
    # an error).
    max_results = MAX_RESULT_WINDOW

    def __init__(self, using=None):
        self.using = using or client()

    def _run(self, search):
        return search.using(self.using).execute()

    def count(self, access, parsed, filters, today):
        search = matching_search(access, parsed, today)
        for condition in facet_filters(filters):
            search = search.filter(condition)
        return search.using(self.using).count()

    def rows(self, access, parsed, filters, today, offset, limit):
        limit = min(limit, MAX_RESULT_WINDOW - offset)
        if limit <= 0:
            return []
        search = results_search(access, parsed, filters, today)[offset : offset + limit]
        return [row_of(hit.to_dict()) for hit in self._run(search)]

    def facets(self, access, parsed, filters, today):
        response = self._run(facets_search(access, parsed, filters, today))
        return {
            name: {
                bucket["key"]: bucket["doc_count"]
                for bucket in response.aggregations.to_dict()[name]["values"]["buckets"]
            }
            for name in FACET_FIELDS
        }

    def suggest(self, access, parsed, today, limit):
        return [
            row_of(hit.to_dict()) for hit in self._run(suggest_search(access, parsed, today, limit))
        ]

    def corrections(self, word):
        from search.engines.database import _edits

        response = self._run(corrections_search(word))
        scored = {}
        for name in ("title", "text"):
            for entry in getattr(response.suggest, name, []):
                for option in entry.options:
                    candidate = option.text
                    scored[candidate] = max(scored.get(candidate, 0), option.freq)
        found = [c for c in scored if c != word and _edits(word, c) <= allowed_edits(word)]
        return sorted(found, key=lambda c: -scored[c])[:CORRECTIONS]

    def is_known(self, word):
        return self._run(known_search(word)).hits.total.value > 0
