"""Against a live cluster (skipped unless ELASTICSEARCH_URL is set): a rebuilt index
finds a compound by its part, and a member of Kalmar's staff does not find Södertälje's
routine, counted or not."""

import uuid

import pytest
from django.conf import settings
from django.test import override_settings

from portal.access import access_for
from search import service
from search.elastic import index
from search.elastic.backend import ElasticsearchBackend
from search.elastic.documents import alias_name, client
from search.indexing import all_items
from search.query import parse
from tests.factories import add_page

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(not settings.ELASTICSEARCH_URL, reason="needs ELASTICSEARCH_URL"),
]


@pytest.fixture
def live_index():
    with override_settings(ELASTICSEARCH_INDEX_PREFIX=f"test-{uuid.uuid4().hex[:10]}"):
        yield
        client().indices.delete(index=f"{alias_name()}*", ignore_unavailable=True)


def test_compound_found_by_its_part_and_a_section_kept_to_its_staff(world, live_index):
    add_page(None, title="Samverkansöverenskommelse om skolgång", slug="overenskommelse")
    add_page(world.content["B's section"], title="Rutin för Södertäljes boende", slug="rutin-b")
    add_page(world.content["A's section"], title="Rutin för Kalmars boende", slug="rutin-a")
    _name, written = index.rebuild(all_items())
    assert written >= 3

    found = service.search(world.users["anonymous"], "överenskommelse")
    assert [h.title for h in found.hits] == ["Samverkansöverenskommelse om skolgång"]

    staff_a = world.users["staff of A"]
    titles = [h.title for h in service.search(staff_a, "rutin").hits]
    assert "Rutin för Kalmars boende" in titles
    assert "Rutin för Södertäljes boende" not in titles
    backend = ElasticsearchBackend()
    today = service.clock.today()
    assert backend.count(access_for(staff_a), parse("södertäljes"), service.Filters(), today) == 0
    staff_b = world.users["staff of B"]
    assert "Rutin för Södertäljes boende" in [
        h.title for h in service.search(staff_b, "rutin").hits
    ]

    # Autocomplete by a word start; a typo corrected to a word of the index.
    suggested = [s["title"] for s in service.suggestions(staff_a, "samverkansöver")]
    assert suggested == ["Samverkansöverenskommelse om skolgång"]
    assert "rutin" in backend.corrections("rutim")
    assert backend.is_known("rutin") and not backend.is_known("xyzzy")
