"""What the Elasticsearch backend would send, read without a cluster (`to_dict()`): the
Swedish analysis of the index, and a search by a member of Kalmar's staff that leaves out
what they may not see before anything is counted or faceted."""

import datetime
import json
from types import SimpleNamespace
from unittest.mock import patch

import pytest
from django.test import override_settings

from partners.models import ContactPerson, PartnerOrganisation
from portal.access import access_for, audience_of
from search import terms
from search.elastic import backend as es
from search.elastic.documents import (
    MAX_RESULT_WINDOW,
    alias_name,
    document_for,
    index_definition,
    versioned_name,
)
from search.items import SearchItem
from search.query import parse
from search.service import Filters
from tests.partners.factories import ContactPersonFactory, organisation

# What is sent to Elasticsearch does not depend on the database engine.
pytestmark = pytest.mark.once

TODAY = datetime.date(2026, 3, 2)


def _clauses(query, kind):
    """Every clause of `kind` (e.g. "terms") anywhere in a query dict."""
    found = []
    if isinstance(query, dict):
        for key, value in query.items():
            if key == kind:
                found.append(value)
            found += _clauses(value, kind)
    elif isinstance(query, list):
        for value in query:
            found += _clauses(value, kind)
    return found


def test_index_splits_words_as_the_database_does_and_takes_terms_as_computed():
    with override_settings(ELASTICSEARCH_INDEX_PREFIX="samverkan"):
        assert alias_name() == "samverkan-search"
        assert versioned_name().startswith("samverkan-search-")
    body = index_definition("samverkan-search-1").to_dict()
    analysis = body["settings"]["analysis"]
    assert "asciifolding" not in json.dumps(body)
    # Words as search/words.py reads them: "mottagande.pdf" and "lisa.berg" are two each.
    words = analysis["analyzer"]["portal_words"]
    assert analysis["tokenizer"][words["tokenizer"]]["pattern"] == "[^\\p{L}\\p{N}]+"
    assert words["filter"] == ["lowercase"]
    assert analysis["analyzer"]["portal_terms"]["tokenizer"] == "whitespace"
    assert body["settings"]["max_result_window"] == MAX_RESULT_WINDOW

    fields = body["mappings"]["properties"]
    for name in ("title_terms", "summary_terms", "body_terms"):
        assert fields[name]["analyzer"] == "portal_terms"
    assert fields["title"]["analyzer"] == "portal_words"
    assert fields["url"] == {"type": "keyword", "index": False}
    assert fields["audience"]["type"] == "keyword"
    assert {"kind", "place", "municipality_id", "topic_ids", "date", "available_from"} <= set(
        fields
    )


def test_a_document_carries_the_terms_the_database_index_holds():
    item = SearchItem(
        obj=None,
        kind="document",
        title="Checklista mottagande.pdf",
        summary="",
        text="Ring Lisa Berg på 070-174 06 12 eller lisa.berg@integra.se om skolfrånvaro.",
        url="/d/1/",
    )
    with patch(
        "search.indexing._key",
        return_value=(SimpleNamespace(pk=3, app_label="wagtaildocs", model="document"), 1),
    ):
        document = document_for(item).to_dict()
    assert document["title_terms"] == terms.text_terms(item.title)
    assert document["title_terms"].split()[:3] == ["checklist", "mottag", "pdf"]
    body = document["body_terms"].split()
    assert "0701740612" in body
    assert {terms.norm(w) for w in ("lisa", "berg", "integra")} <= set(body)
    # The compound's parts, after the words.
    assert body[-2:] == ["skol", "frånvaro"]


def test_wagtails_own_indices_are_prefixed_per_environment():
    from importlib import reload

    import portal.settings.base as base

    with patch.dict(
        "os.environ", {"ELASTICSEARCH_URL": "http://es:9200", "ELASTICSEARCH_INDEX_PREFIX": "test"}
    ):
        reloaded = reload(base)
        backend = reloaded.WAGTAILSEARCH_BACKENDS["default"]
    reload(base)
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert backend["INDEX_PREFIX"] == "test-"
    assert "INDEX" not in backend


def _staff_world(world):
    limited_to_b = organisation("Bara Södertälje", limited_to=[world.municipality_b])
    open_contact = ContactPersonFactory(organisation=world.partner, name="Öppen kontakt")
    b_contact = ContactPersonFactory(
        organisation=world.partner, name="Södertäljes kontakt", limited_to=[world.municipality_b]
    )
    return limited_to_b, open_contact, b_contact


def test_a_staff_members_search_leaves_out_what_they_may_not_see(world):
    limited_to_b, open_contact, b_contact = _staff_world(world)
    access = access_for(world.users["staff of A"])
    parsed = parse("rutin skolgång")
    body = es.results_search(access, parsed, Filters(kinds=["routine"]), TODAY).to_dict()

    # Pages and documents: no privacy record the reader does not pass.
    denied = sorted(access.denied_audience)
    assert set(audience_of(world.content["B's section"])) <= set(denied)
    assert not set(audience_of(world.content["A's section"])) & set(denied)
    audience_terms = [t["audience"] for t in _clauses(body, "terms") if "audience" in t]
    assert audience_terms == [denied]

    # Organisations and contacts: the ids portal.access lets through.
    object_ids = {
        term["content_type_id"]: clause
        for clause in _clauses(body, "filter")
        if isinstance(clause, list)
        for term in _clauses(clause, "term")
        if "content_type_id" in term
    }
    organisation_ids = _clauses(object_ids[_type_id(PartnerOrganisation)], "terms")[0]
    assert world.partner.pk in organisation_ids["object_id"]
    assert limited_to_b.pk not in organisation_ids["object_id"]
    contact_ids = _clauses(object_ids[_type_id(ContactPerson)], "terms")[0]["object_id"]
    assert open_contact.pk in contact_ids and b_contact.pk not in contact_ids

    # Nothing dated after today; both words asked for as terms (the compound whole or
    # both its parts), title first; the kind filter.
    assert {"available_from": {"gt": "2026-03-02"}} in _clauses(body, "range")
    words = [m["query"] for m in _clauses(body, "multi_match")]
    assert words == ["rutin", "skolgång", "skol", "gång"]
    first = _clauses(body, "multi_match")[0]
    assert first["fields"] == ["title_terms^10", "summary_terms^4", "body_terms^1"]
    assert first["analyzer"] == "whitespace"
    assert {"kind": ["routine"]} in _clauses(body, "terms")
    assert body["sort"][0] == "_score"


def _type_id(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model).pk


def test_a_visitor_is_offered_no_partner_and_synonyms_are_alternatives(world):
    access = access_for(world.users["anonymous"])
    body = es.results_search(access, parse("EKB placering"), Filters(), TODAY).to_dict()
    scored = body["query"]["function_score"]
    # A file ranks a little below the page that explains it.
    assert scored["functions"] == [{"filter": {"term": {"kind": "document"}}, "weight": 0.8}]
    groups = scored["query"]["bool"]["must"][0]["bool"]["must"]
    # "EKB" or one of its synonyms (a phrase stays a phrase), and "placering", as terms.
    ekb = [m["multi_match"] for m in groups[0]["bool"]["should"]]
    assert [(m["query"], m.get("type")) for m in ekb] == [
        ("ekb", None),
        ("ensamkom barn", "phrase"),
        ("ensamkom", None),
        ("unaccompanied min", "phrase"),
        ("unaccompanied", None),
    ]
    assert groups[1]["multi_match"]["query"] == "placering"
    assert not any("object_id" in t for t in _clauses(body, "terms"))
    # The superuser is denied nothing: no audience clause at all.
    admin = access_for(world.users["superuser"])
    body = es.results_search(admin, parse("rutin"), Filters(), TODAY).to_dict()
    assert not any("audience" in t for t in _clauses(body, "terms"))


def test_facets_count_each_facet_with_the_other_facets_filters(world):
    access = access_for(world.users["staff of A"])
    filters = Filters(kinds=["routine"], municipality=world.municipality_a.pk, topic=7)
    body = es.facets_search(access, parse("rutin"), filters, TODAY).to_dict()
    assert body["size"] == 0
    aggs = body["aggs"]
    assert aggs["kind"]["aggs"]["values"]["terms"]["field"] == "kind"
    assert aggs["kind"]["filter"]["bool"]["filter"] == [
        {"term": {"municipality_id": world.municipality_a.pk}},
        {"term": {"topic_ids": 7}},
    ]
    assert aggs["municipality"]["filter"]["bool"]["filter"] == [
        {"terms": {"kind": ["routine"]}},
        {"term": {"topic_ids": 7}},
    ]
    assert aggs["topic"]["aggs"]["values"]["terms"]["field"] == "topic_ids"


def test_autocomplete_takes_the_last_word_as_a_start_of_a_title_word(world):
    access = access_for(world.users["staff of A"])
    body = es.suggest_search(access, parse("placering sko"), TODAY, 8).to_dict()
    assert body["size"] == 8
    # Titles only, as on the database: the last word as a start, the words before it
    # as whole terms.
    assert _clauses(body, "prefix") == [{"title_terms": "sko"}]
    assert {"title_terms": "placering"} in _clauses(body, "term")
    assert not _clauses(body, "multi_match")
    typed = es.suggest_search(access, parse("rutiner"), TODAY, 8).to_dict()
    assert _clauses(typed, "prefix") == [{"title_terms": "rutiner"}, {"title_terms": "rutin"}]


def test_a_query_of_stop_words_only_asks_for_them(db):
    body = es.text_query(parse("och det")).to_dict()
    assert [m["query"] for m in _clauses(body, "multi_match")] == ["och", "det"]


def test_a_page_past_the_result_window_is_empty_and_not_asked_for(world):
    access = access_for(world.users["staff of A"])
    client = FakeClient({"hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}})
    backend = es.ElasticsearchBackend(client)
    assert backend.rows(access, parse("rutin"), Filters(), TODAY, MAX_RESULT_WINDOW, 10) == []
    assert client.asked == []
    backend.rows(access, parse("rutin"), Filters(), TODAY, MAX_RESULT_WINDOW - 5, 10)
    assert client.asked[0][1]["from"] == MAX_RESULT_WINDOW - 5
    assert client.asked[0][1]["size"] == 5


class FakeClient:
    """Answers like Elasticsearch and remembers what it was asked."""

    def __init__(self, body):
        self.body, self.asked = body, []

    def search(self, index, body, **params):
        self.asked.append((index, body))
        return SimpleNamespace(body=self.body)


def test_backend_reads_rows_facets_and_corrections_from_the_answers(world):
    access = access_for(world.users["staff of A"])
    source = {
        "kind": "routine",
        "title": "Rutin för skolgång",
        "url": "/kalmar/rutin/",
        "date": "2026-02-01",
        "page_id": 5,
        "content_type_id": 9,
        "object_id": 5,
    }
    hits = {"total": {"value": 1, "relation": "eq"}, "hits": [{"_id": "x", "_source": source}]}
    rows = es.ElasticsearchBackend(FakeClient({"hits": hits})).rows(
        access, parse("rutin"), Filters(), TODAY, 10, 10
    )
    assert rows[0]["date"] == datetime.date(2026, 2, 1)
    assert rows[0]["text"] == "" and rows[0]["collection_id"] is None

    buckets = {
        name: {"doc_count": 3, "values": {"buckets": [{"key": key, "doc_count": 2}]}}
        for name, key in (("kind", "routine"), ("municipality", 1), ("topic", 4))
    }
    client = FakeClient({"hits": hits, "aggregations": buckets})
    facets = es.ElasticsearchBackend(client).facets(access, parse("rutin"), Filters(), TODAY)
    assert facets == {"kind": {"routine": 2}, "municipality": {1: 2}, "topic": {4: 2}}
    assert client.asked[0][0] == [alias_name()]

    option = {"text": "rutiner", "score": 0.8, "freq": 4}
    suggest = {"title": [{"text": "rutinr", "offset": 0, "length": 6, "options": [option]}]}
    backend = es.ElasticsearchBackend(FakeClient({"hits": hits, "suggest": suggest}))
    assert backend.corrections("rutinr") == ["rutiner"]
    term = es.corrections_search("rutinr").to_dict()["suggest"]["text"]["term"]
    assert term["field"] == "text" and term["max_edits"] == 1
    # Two typos in a long word ("migrationverke" for "migrationsverket").
    long = es.corrections_search("migrationverke").to_dict()["suggest"]["title"]["term"]
    assert long["max_edits"] == 2
