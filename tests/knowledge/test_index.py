"""The knowledge-bank index: what it lists, its filters, pages and query count."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.knowledge.factories import add_agreement, add_guide, add_routine, topic

D = datetime.date


def _titles(html):
    listing = html[html.index('id="all-heading"') :]
    return re.findall(r'<li class="kb-item">\s*<a href="[^"]+">([^<]+)</a>', listing)


def _setup(world, banks):
    school, health = topic("Skola"), topic("Hälsa")
    kalmar, sodertalje = world.municipality_a, world.municipality_b
    owner = world.users["editor of A"]
    add_routine(
        banks["A"],
        owner=owner,
        title="Skolstart i Kalmar",
        topics=[school],
        municipalities=[kalmar],
        last_reviewed=D(2026, 6, 1),
    )
    add_routine(
        banks["A"],
        owner=owner,
        title="Läkarbesök Kalmar",
        topics=[health],
        municipalities=[kalmar],
        last_reviewed=D(2025, 6, 1),
    )
    add_routine(
        banks["B"],
        title="Skolstart i Södertälje",
        topics=[school],
        municipalities=[sodertalje],
        last_reviewed=None,
    )
    add_routine(
        banks["shared"],
        owner=owner,
        title="Gemensam skolrutin",
        topics=[school],
        municipalities=[kalmar, sodertalje],
        last_reviewed=D(2026, 1, 1),
    )
    add_agreement(
        banks["shared"],
        D(2025, 1, 1),
        D(2027, 1, 31),
        title="Avtal om hälsa",
        topics=[health],
        municipalities=[kalmar],
    )
    add_agreement(banks["shared"], D(2024, 1, 1), D(2025, 12, 31), title="Gammalt avtal")
    add_guide(banks["shared"], title="Individuell framtidsplan", last_reviewed=D(2026, 9, 1))


def test_shared_bank_lists_only_what_the_user_may_read(client, world, banks, fixed_today):
    _setup(world, banks)
    client.force_login(world.users["staff of A"])
    titles = _titles(client.get(banks["shared"].url).content.decode())
    assert "Skolstart i Kalmar" in titles and "Gemensam skolrutin" in titles
    assert "Skolstart i Södertälje" not in titles

    client.force_login(world.users["staff of B"])
    titles = _titles(client.get(banks["shared"].url).content.decode())
    assert "Skolstart i Södertälje" in titles and "Skolstart i Kalmar" not in titles


def test_section_bank_lists_only_its_own_pages(client, world, banks, fixed_today):
    _setup(world, banks)
    client.force_login(world.users["staff of A"])
    titles = _titles(client.get(banks["A"].url).content.decode())
    assert sorted(titles) == ["Läkarbesök Kalmar", "Skolstart i Kalmar"]


def test_filters_by_topic_type_municipality_and_status(client, world, banks, fixed_today):
    _setup(world, banks)
    client.force_login(world.users["superuser"])
    url = banks["shared"].url

    def titles(query):
        return sorted(_titles(client.get(url + query).content.decode()))

    assert titles("?topic=skola") == [
        "Gemensam skolrutin",
        "Skolstart i Kalmar",
        "Skolstart i Södertälje",
    ]
    assert titles("?type=agreement") == ["Avtal om hälsa", "Gammalt avtal"]
    assert titles("?type=guide") == ["Individuell framtidsplan"]
    assert titles("?municipality=sodertalje") == ["Gemensam skolrutin", "Skolstart i Södertälje"]
    assert titles("?topic=skola&municipality=kalmar") == [
        "Gemensam skolrutin",
        "Skolstart i Kalmar",
    ]
    # Outdated: overdue review, never reviewed, expired agreement.
    assert titles("?status=outdated") == [
        "Gammalt avtal",
        "Läkarbesök Kalmar",
        "Skolstart i Södertälje",
    ]
    # Soon: review within 30 days (none) or agreement ending within 90 days.
    assert titles("?status=soon") == ["Avtal om hälsa"]
    assert titles("?status=valid") == [
        "Gemensam skolrutin",
        "Individuell framtidsplan",
        "Skolstart i Kalmar",
    ]


def test_unknown_filter_values_change_nothing_and_do_not_fail(client, world, banks, fixed_today):
    _setup(world, banks)
    client.force_login(world.users["superuser"])
    response = client.get(banks["shared"].url + "?topic=finns-inte&status=x&sida=999")
    assert response.status_code == 200
    html = response.content.decode()
    assert len(_titles(html)) == 7
    assert "Välj ett giltigt alternativ." in html


def test_start_page_shows_topics_recent_and_soon_due(client, world, banks, fixed_today):
    _setup(world, banks)
    client.force_login(world.users["staff of A"])
    html = client.get(banks["shared"].url).content.decode()
    assert '<h2 id="topics-heading">Ämnen</h2>' in html
    assert '<a href="?topic=skola">Skola</a>' in html
    assert "Senast uppdaterat" in html
    due = html[html.index('id="due-heading"') : html.index('id="all-heading"')]
    assert "Läkarbesök Kalmar" in due and "Avtal om hälsa" in due
    assert "Skolstart i Kalmar" not in due


def _many_routines(index, count, topics, municipalities):
    """A mix: current and overdue routines, agreements, guides, so every list is filled."""
    for number in range(count):
        kind = number % 4
        if kind == 2:
            add_agreement(
                index,
                D(2026, 1, 1),
                D(2027, 1, 1),
                title=f"Avtal {number:03d}",
                topics=topics,
                municipalities=municipalities,
            )
        elif kind == 3:
            add_guide(
                index,
                title=f"Guide {number:03d}",
                topics=topics,
                municipalities=municipalities,
                last_reviewed=D(2026, 5, 1),
            )
        else:
            reviewed = D(2025, 1, 1) if kind else D(2026, 6, 1)
            add_routine(
                index,
                title=f"Rutin {number:03d}",
                topics=topics,
                municipalities=municipalities,
                last_reviewed=reviewed,
            )


def _count_queries(client, url):
    # Once the portal's caches are warm: the first view after a change fills them.
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response


def test_index_page_costs_the_same_queries_for_few_and_many_pages(
    client, world, banks, fixed_today
):
    topics = [topic("Skola"), topic("Hälsa")]
    municipalities = [world.municipality_a, world.municipality_b]
    client.force_login(world.users["staff of A"])
    url = banks["shared"].url
    _many_routines(banks["shared"], 4, topics, municipalities)
    client.get(url)  # warm caches (site root paths, content types)
    few, _response = _count_queries(client, url + "?topic=skola")
    few_page_two, _response = _count_queries(client, url)

    _many_routines(banks["A"], 44, topics, municipalities)
    many, response = _count_queries(client, url + "?topic=skola")
    assert len(_titles(response.content.decode())) == 20
    assert many == few
    many_start, _response = _count_queries(client, url)
    assert many_start == few_page_two
    page_three, response = _count_queries(client, url + "?topic=skola&sida=3")
    assert page_three == few
    assert "Sida 3 av 3" in response.content.decode()
