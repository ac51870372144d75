"""The start page's goals block: the reader's goals with the collaboration's latest status."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.goals.factories import add_goal, add_target, add_values, count, share
from tests.shared import shared


@shared
def goals(world):
    kalmar, sodertalje = world.municipality_a, world.municipality_b
    goal_a = add_goal(world.content["A's section"], [share(), count()], title="Kalmars mål")
    add_values(
        goal_a.indicators.first(),
        {(kalmar, "2025"): (40, 50), (kalmar, "2026"): (45, 50)},
    )
    add_target(goal_a.indicators.first(), "2026", "85")
    goal_b = add_goal(world.content["B's section"], [count()], title="Södertäljes mål")
    add_values(goal_b.indicators.first(), {(sodertalje, "2026"): 30})
    goal_space = add_goal(
        world.content["shared space A + partner"], [count()], title="Samverkansytans mål"
    )
    return {"A": goal_a, "B": goal_b, "space": goal_space}


def _home(client, user=None):
    if user is not None:
        client.force_login(user)
    with translation.override("en"):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.content.decode()


def _block(html):
    start = html.find('aria-labelledby="home-goals-heading"')
    if start == -1:
        return ""
    return html[start : html.find("</section>", start)]


def test_staff_of_a_see_their_goals_with_the_latest_status(client, world, goals):
    block = _block(_home(client, world.users["staff of A"]))
    assert "Kalmars mål" in block
    assert "Samverkansytans mål" in block
    assert "Södertäljes mål" not in block
    assert goals["A"].url in block
    # The collaboration's latest share (45 of 50), its status as text and the target.
    assert "90.0 %" in block or "90,0 %" in block
    assert "status-better" in block


def test_a_partner_sees_the_shared_spaces_goal_only(client, world, goals):
    block = _block(_home(client, world.users["partner user"]))
    assert "Samverkansytans mål" in block
    assert "Kalmars mål" not in block
    assert "Södertäljes mål" not in block


def test_visitors_see_no_goals(client, goals):
    html = _home(client)
    assert "home-goals-heading" not in html
    assert "Kalmars mål" not in html


def test_the_status_is_text_not_only_a_colour(client, world, goals):
    with translation.override("en"):
        block = _block(_home(client, world.users["staff of A"]))
    assert "Better" in block or "Bättre" in block
    assert "target met" in block or "målet nått" in block


def _queries(client):
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    return len(queries)


def test_query_count_is_flat_in_the_number_of_goals(client, world, goals):
    # Staff of B: one goal of their own to start with, then five.
    client.force_login(world.users["staff of B"])
    client.get("/")
    one = _queries(client)
    section = world.content["B's section"]
    for n in range(4):
        goal = add_goal(section, [share(), count()], title=f"Mål {n}")
        add_values(goal.indicators.first(), {(world.municipality_b, "2026"): (n + 5, 20)})
    client.get("/")
    five = _queries(client)
    html = client.get("/").content.decode()
    assert _block(html).count('class="goal-overview-item"') == 5
    assert five == one
