"""Keeping Elasticsearch current without a cluster: the index writes are recorded instead
of sent. A new privacy record has its subtree indexed again (its audience changed); an
object that is gone is removed."""

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from search.elastic import index
from search.elastic.tasks import update_document
from tests.factories import add_page

# What is sent to Elasticsearch does not depend on the database engine.
pytestmark = pytest.mark.once


@pytest.fixture
def written(monkeypatch):
    calls = []
    monkeypatch.setattr(index, "index_item", lambda item, es=None: calls.append(item.title))
    monkeypatch.setattr(
        index, "remove", lambda content_type, pk, es=None: calls.append(("removed", pk))
    )
    return calls


def test_a_new_restriction_reindexes_its_subtree_and_a_gone_page_is_removed(
    world, written, django_capture_on_commit_callbacks
):
    public = world.content["public page"]
    child = add_page(public, title="Underliggande sida", slug="under")
    with override_settings(ELASTICSEARCH_URL="http://elasticsearch.invalid:9200"):
        with django_capture_on_commit_callbacks(execute=True):
            PageViewRestriction.objects.create(
                page=public, restriction_type=PageViewRestriction.LOGIN
            )
        assert sorted(written) == sorted([public.title, child.title])

        written.clear()
        update_document.call("index", "portal", "contentpage", child.pk)
        assert written == [child.title]
        child.delete()
        written.clear()
        update_document.call("index", "portal", "contentpage", child.pk)
        assert written == [("removed", child.pk)]
