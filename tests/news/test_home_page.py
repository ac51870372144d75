"""The start page as a place to begin the day: per kind of reader."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from knowledge.models import KnowledgeIndexPage, RoutinePage
from news.models import NewsIndexPage
from tests.factories import add_news_post, add_page
from tests.shared import shared

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@shared
def start(world):
    public_index = add_page(None, model=NewsIndexPage, title="Nyheter", slug="nyheter")
    add_news_post(public_index, title="Öppet hus på Piren", date=TODAY)
    members = add_news_post(public_index, title="Nytt arbetssätt för inskrivning", date=TODAY)
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    a_index = add_page(world.content["A's section"], model=NewsIndexPage, slug="nyheter")
    add_news_post(a_index, title="Kalmar: ny samordnare", date=TODAY)
    b_index = add_page(world.content["B's section"], model=NewsIndexPage, slug="nyheter")
    add_news_post(b_index, title="Södertälje: ändrade tider", date=TODAY)
    space_index = add_page(world.content["shared space A + partner"], model=NewsIndexPage)
    add_news_post(space_index, title="Gemensam utbildningsdag med Lernia", date=TODAY)

    bank = add_page(None, model=KnowledgeIndexPage, title="Kunskapsbanken", slug="kunskapsbanken")
    owner = world.users["staff of A"]
    add_page(
        bank,
        model=RoutinePage,
        title="Rutin för skolstart",
        content_owner=owner,
        last_reviewed=TODAY - datetime.timedelta(days=400),
        municipalities=[world.municipality_a],
    )
    add_page(
        bank,
        model=RoutinePage,
        title="Rutin för boendestöd",
        content_owner=owner,
        last_reviewed=TODAY,
        municipalities=[world.municipality_b],
    )
    return world


def test_visitor_learns_what_the_portal_is_and_sees_public_news(client, start):
    html = client.get("/").content.decode()
    assert "Öppet hus på Piren" in html
    assert "Logga in" in html
    for hidden in ("Nytt arbetssätt", "Kalmar: ny samordnare", "Södertälje", "Lernia"):
        assert hidden not in html


def test_staff_sees_news_from_everywhere_they_belong_labelled_by_source(client, start):
    client.force_login(start.users["staff of A"])
    html = client.get("/").content.decode()
    assert "Senaste nytt för dig" in html
    for title in ("Öppet hus på Piren", "Nytt arbetssätt", "Kalmar: ny samordnare"):
        assert title in html
    assert "Gemensam utbildningsdag" in html  # A's shared space with Lernia
    assert "Södertälje: ändrade tider" not in html
    assert start.content["A's section"].title in html
    assert "Alla kommuner" in html


def test_staff_sees_own_pages_due_and_recent_pages_in_their_municipality(client, start):
    client.force_login(start.users["staff of A"])
    html = client.get("/").content.decode()
    due = html[html.index("Att granska för dig") :]
    assert "Rutin för skolstart" in due.split("</section>")[0]
    assert "Rutin för boendestöd" not in due.split("</section>")[0]  # reviewed today
    recent = html[html.index("Nyligen uppdaterat i dina kommuner") :].split("</section>")[0]
    assert "Rutin för skolstart" in recent
    assert "Rutin för boendestöd" not in recent  # names B only
    spaces = html[html.index("Dina sektioner och samverkansytor") :].split("</section>")[0]
    assert "Samverkan Kalmar–Lernia" in spaces


def test_partner_user_sees_only_public_and_shared_space_news(client, start):
    client.force_login(start.users["partner user"])
    html = client.get("/").content.decode()
    assert "Gemensam utbildningsdag med Lernia" in html
    assert "Kalmar: ny samordnare" not in html
    assert "Att granska för dig" not in html


def test_members_get_a_search_box_in_the_header_that_searches_the_portal(client, start):
    assert 'id="header-search-q"' not in client.get("/").content.decode()
    client.force_login(start.users["staff of A"])
    html = client.get("/").content.decode()
    assert 'action="/sok/"' in html
    response = client.get("/sok/?q=skolstart")
    assert "Rutin för skolstart" in response.content.decode()
    assert "Rutin för boendestöd" not in response.content.decode()


def _queries(client):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def test_the_start_page_costs_the_same_with_more_news(client, start):
    client.force_login(start.users["staff of A"])
    few = _queries(client)
    a_index = NewsIndexPage.objects.get(
        slug="nyheter", depth=4, path__startswith=start.content["A's section"].path
    )
    for n in range(12):
        add_news_post(a_index, title=f"Kalmarnyhet {n}", date=TODAY - datetime.timedelta(n))
    assert _queries(client) == few
    assert few <= 15
