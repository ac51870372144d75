"""The search page (/sok/), the search boxes' suggestions (/sok/forslag/) and the header's
box, as readers meet them: help before a search, mixed results they may see, facets and
pages that keep the rest of the search, and odd input that never breaks the page."""

import datetime
import json

import pytest

from news.models import NewsIndexPage
from search import service
from tests.factories import UserFactory, add_news_post, add_page
from tests.knowledge.factories import add_index, add_routine, topic
from tests.shared import shared

pytestmark = pytest.mark.django_db


@shared
def content(world):
    """Skolskjuts everywhere: in Kalmar's bank, the shared bank, Södertälje's bank, a public
    page and public news."""
    school, health = topic("Skola"), topic("Hälsa")
    kalmar = add_index(world.content["A's section"], title="Kalmars kunskapsbank", slug="kb")
    add_routine(
        kalmar,
        title="Skolskjuts vid flytt",
        summary="Så ordnas skolskjuts när en elev flyttar.",
        topics=[school],
    )
    add_routine(kalmar, title="Skolskjuts för elever med LSS", topics=[school])
    shared = add_index(None, title="Kunskapsbanken", slug="kunskapsbanken")
    add_routine(shared, title="Skolskjuts i länet", topics=[health])
    sodertalje = add_index(world.content["B's section"], title="Södertäljes bank", slug="kb")
    add_routine(sodertalje, title="Skolskjuts i Södertälje", topics=[school])
    add_page(None, title="Skolskjuts för vårdnadshavare", slug="skolskjuts")
    news = add_page(None, model=NewsIndexPage, title="Nyheter", slug="nyheter")
    add_news_post(news, title="Ny upphandling av skolskjuts", date=datetime.date(2026, 1, 15))
    return world, {"Skola": school.pk, "Hälsa": health.pk}


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _titles(html):
    return {
        title
        for title in (
            "Skolskjuts vid flytt",
            "Skolskjuts för elever med LSS",
            "Skolskjuts i länet",
            "Skolskjuts i Södertälje",
            "Skolskjuts för vårdnadshavare",
            "Ny upphandling av skolskjuts",
        )
        if f">{title}</a>" in html
    }


def test_an_empty_search_explains_what_can_be_found(client, db):
    html = _html(client, "/sok/")
    assert "<title>Sök i portalen · Samverkansportalen</title>" in html
    assert "<h1>Sök i portalen</h1>" in html
    assert "Det här kan du hitta" in html
    assert "EKB, HVB, BUP" in html
    assert 'maxlength="1000"' in html
    assert "träffar" not in html.split("Det här kan du hitta")[0]


def test_a_member_searches_narrows_and_pages(client, content, monkeypatch):
    world, topics = content
    client.force_login(world.users["staff of A"])

    # The header on any page sends the search to /sok/.
    page_html = _html(client, world.content["page deep under A"].url)
    assert 'action="/sok/"' in page_html
    assert '<label for="header-search-q" class="visually-hidden">Sök i portalen</label>' in (
        page_html
    )

    html = _html(client, "/sok/?q=skolskjuts")
    assert "<title>skolskjuts · Sök i portalen · Samverkansportalen</title>" in html
    assert _titles(html) == {
        "Skolskjuts vid flytt",
        "Skolskjuts för elever med LSS",
        "Skolskjuts i länet",
        "Skolskjuts för vårdnadshavare",
        "Ny upphandling av skolskjuts",
    }  # never Södertälje's
    assert "5 träffar" in html
    assert "<mark>" in html
    for label in ("Rutin", "Sida", "Nyhet", "Kalmar kommun"):
        assert label in html

    kalmar = world.municipality_a.pk
    narrowed = _html(client, f"/sok/?q=skolskjuts&kommun={kalmar}")
    assert _titles(narrowed) == {"Skolskjuts vid flytt", "Skolskjuts för elever med LSS"}
    assert "Valda filter" in narrowed
    assert 'href="?q=skolskjuts" class="chosen-filter"' in narrowed  # removable
    assert _titles(_html(client, "/sok/?q=skolskjuts&typ=page&typ=news")) == {
        "Skolskjuts för vårdnadshavare",
        "Ny upphandling av skolskjuts",
    }
    assert _titles(_html(client, f"/sok/?q=skolskjuts&amne={topics['Hälsa']}")) == {
        "Skolskjuts i länet"
    }

    monkeypatch.setattr(service, "PAGE_SIZE", 2)
    first = _html(client, "/sok/?q=skolskjuts&typ=routine")
    assert len(_titles(first)) == 2
    assert 'href="?q=skolskjuts&amp;typ=routine&amp;sida=2" rel="next"' in first
    second = _html(client, "/sok/?q=skolskjuts&typ=routine&sida=2")
    assert len(_titles(second)) == 1
    assert not _titles(first) & _titles(second)
    assert "Sida 2 av 2" in second


def test_visitors_find_and_are_suggested_public_pages_only(client, content):
    world, _topics = content
    html = _html(client, "/sok/?q=skolskjuts")
    assert _titles(html) == {"Skolskjuts för vårdnadshavare", "Ny upphandling av skolskjuts"}
    response = client.get("/sok/forslag/?q=skolsk")
    assert response["Content-Type"] == "application/json"
    titles = {s["title"] for s in json.loads(response.content)["suggestions"]}
    assert titles == {"Skolskjuts för vårdnadshavare", "Ny upphandling av skolskjuts"}

    client.force_login(world.users["staff of A"])
    response = client.get("/sok/forslag/?q=skolsk")
    assert {"private", "no-store"} <= {d.strip() for d in response["Cache-Control"].split(",")}
    suggestions = json.loads(response.content)["suggestions"]
    assert all(set(s) == {"title", "url", "kind"} for s in suggestions)
    found = {s["title"]: s for s in suggestions}
    assert "Skolskjuts vid flytt" in found
    assert "Skolskjuts i Södertälje" not in found
    assert found["Skolskjuts vid flytt"]["kind"] == "Rutin"
    assert found["Skolskjuts vid flytt"]["url"].startswith("/")
    for short in ("", "s", " s "):
        response = client.get("/sok/forslag/", {"q": short})
        assert json.loads(response.content) == {"suggestions": []}


ODD = {
    "1001 characters": ({"q": "skola " * 167}, "högst 1000 tecken"),
    "unbalanced quote": ({"q": '"skola'}, None),
    "quotes only": ({"q": '""'}, None),
    "asterisk": ({"q": "*"}, None),
    "percent": ({"q": "100% skola"}, None),
    "SQL-looking": ({"q": "skola' OR 1=1 --"}, None),
    "NUL": ({"q": "sko\x00la"}, "Sökord"),
    "unknown type": ({"q": "skola", "typ": "hemligt"}, "Det finns ingen typ som heter"),
    "municipality not a number": ({"q": "skola", "kommun": "abc"}, "Kommun"),
    "municipality huge": ({"q": "skola", "kommun": "9" * 30}, "Kommun"),
    "municipality unknown": ({"q": "skola", "kommun": "999999"}, "Den finns inte"),
    "topic not a number": ({"q": "skola", "amne": "1e9"}, "Ämne"),
    "page not a number": ({"q": "skola", "sida": "abc"}, "Sida"),
    "page zero": ({"q": "skola", "sida": "0"}, "Sida"),
    "page far past the end": ({"q": "skola", "sida": "99999"}, None),
}


def test_odd_input_gives_the_page_and_a_message_never_an_error(client, db):
    add_page(None, title="Skola och samverkan", slug="skola")
    client.force_login(UserFactory())
    failures = []
    for name, (params, message) in ODD.items():
        for url in ("/sok/", "/sok/forslag/"):
            response = client.get(url, params)
            if response.status_code != 200:
                failures.append((name, url, response.status_code))
            elif url == "/sok/" and message and message not in response.content.decode():
                failures.append((name, url, "no message"))
    assert failures == []
    html = _html(client, "/sok/?q=skola&typ=hemligt&sida=abc")
    assert '<div class="message error" role="alert">' in html
    assert ">Skola och samverkan</a>" in html  # the rest of the search still runs


def test_a_corrected_search_says_what_was_searched_instead(client, db, monkeypatch):
    from django.core.paginator import Paginator

    from search.query import parse

    def corrected(user, text, filters=None, page_number=1):
        return service.Results(
            text=text,
            parsed=parse("skolskjuts"),
            page=Paginator([], service.PAGE_SIZE).get_page(1),
            corrected_to="skolskjuts",
        )

    monkeypatch.setattr(service, "search", corrected)
    html = _html(client, "/sok/?q=skolskjutts&typ=routine")
    assert (
        'Inga träffar för ”skolskjutts”. Visar träffar för <a href="?q=skolskjuts&amp;typ=routine">'
        "”skolskjuts”</a>."
    ) in html
