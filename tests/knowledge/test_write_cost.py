"""Writing a page costs a bounded number of queries, and its side work (search and
reference indexing) runs for changes of content, not for every save (issue 13)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.knowledge.factories import add_index, add_routine

# 125 before the portal search index (search/indexing.py: one entry, its topics and words);
# 140 before publishing asked who must confirm and who follows the page (issue 25: 143 on
# PostgreSQL, the same with few or many pages beside it).
ROUTINE_BUDGET = 150


def _cost_of_a_routine(index, title):
    with CaptureQueriesContext(connection) as queries:
        add_routine(index, title=title, one_by_one=True)  # the editor's path
    return len(queries)


def test_creating_a_routine_costs_the_same_with_few_or_many_beside_it(world):
    index = add_index(world.content["A's section"], slug="kb")
    add_routine(index, title="Första")
    few = _cost_of_a_routine(index, "Rutin A")
    for n in range(15):
        add_routine(index, title=f"Fler {n}")
    many = _cost_of_a_routine(index, "Rutin B")
    assert few <= ROUTINE_BUDGET
    assert many == few


def test_search_finds_what_is_published_not_a_draft(world):
    index = add_index(world.content["A's section"], slug="kb")
    routine = add_routine(index, title="Inskrivning på boendet", one_by_one=True)
    assert routine.pk in [p.pk for p in Page.objects.live().search("inskrivning")]

    routine.title = "Utskrivning från boendet"
    revision = routine.save_revision()
    assert not Page.objects.live().search("utskrivning")  # a draft is nobody's yet
    revision.publish()
    assert [p.pk for p in Page.objects.live().search("utskrivning")] == [routine.pk]
