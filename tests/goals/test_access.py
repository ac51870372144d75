"""Goals follow the section or shared space they belong to, for every kind of user: the
page, its comparison and CSV routes, the search, the admin's entry views, and the masking
(only editors of a municipality see its small counts)."""

import csv
import io

import pytest
from django.conf import settings

from tests.goals.factories import add_goal, add_values, count, share
from tests.shared import shared

USERS = [
    "anonymous",
    "staff of A",
    "staff of B",
    "editor of A",
    "partner user",
    "inactive user",
    "superuser",
]
# Who may see each goal (written out, not asked of the access module).
OF_A = {"staff of A", "editor of A", "superuser"}
EXPECTED = {
    "A": OF_A,
    "B": {"staff of B", "superuser"},
    "shared": OF_A | {"partner user"},
}
# Who may enter values in the admin (editors of a reporting municipality, administrators).
ENTERS = {
    "A": {"editor of A", "superuser"},
    "B": {"superuser"},
    "shared": {"editor of A", "superuser"},
}
# Django refuses to log in an inactive user: both are visitors, sent to log in.
VISITORS = {"anonymous", "inactive user"}
# A word found only in each goal's title, and a word in each of its indicators' names.
WORDS = {"A": "xylofonika", "B": "quokkarna", "shared": "zebrafinkar"}
ROUTES = ["", "jamforelse/", "export/csv/"]
ADMIN_ROUTES = ["varden/", "import/", "import/mall.csv", "kolada/"]
SMALL = 3  # A's count for 2024: below the threshold of 5


@shared
def goals(world):
    """A goal in A's section, one in B's and one in the shared space (A + the partner),
    each with a share and a count indicator and three years of values."""
    places = {
        "A": (world.content["A's section"], world.municipality_a),
        "B": (world.content["B's section"], world.municipality_b),
        "shared": (world.content["shared space A + partner"], world.municipality_a),
    }
    built = {}
    for key, (parent, municipality) in places.items():
        word = WORDS[key]
        goal = add_goal(
            parent,
            title=f"Mål {word}",
            indicators=[
                share(name=f"Andel {word}sysselsatta"),
                count(name=f"Antal {word}deltagare"),
            ],
        )
        share_indicator, count_indicator = goal.indicators.order_by("sort_order")
        add_values(
            share_indicator,
            {
                (municipality, "2024"): (17, 20),
                (municipality, "2025"): (18, 21),
                (municipality, "2026"): (19, 22),
            },
        )
        add_values(
            count_indicator,
            {
                (municipality, "2024"): SMALL,
                (municipality, "2025"): 12,
                (municipality, "2026"): 14,
            },
        )
        built[key] = goal
    return built


def _client(client, world, user):
    if user != "anonymous":
        client.force_login(world.users[user])
    return client


def _names(goal):
    return [i.name for i in goal.indicators.all()]


def _body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode("utf-8-sig")


def _wrong_answer(response, user, may_see, names):
    """What is wrong with the answer (None when it is right)."""
    body = _body(response)
    if user in may_see:
        if response.status_code != 200:
            return f"answers {response.status_code}"
        missing = [name for name in names if name not in body]
        return f"lacks {missing}" if missing else None
    leaked = [name for name in names if name in body]
    if leaked:
        return f"shows {leaked}"
    if user in VISITORS:
        location = response.get("Location", "")
        if response.status_code != 302 or not location.startswith("/konto/login/"):
            return f"answers {response.status_code} {location}, not the log-in page"
        return None
    if response.status_code != 404:
        return f"answers {response.status_code}, not 404"
    return None


@pytest.mark.parametrize("user", USERS)
def test_goal_page_comparison_and_csv_follow_the_goals_place(client, world, goals, user):
    _client(client, world, user)
    wrong = []
    for key, goal in goals.items():
        for route in ROUTES:
            response = client.get(goal.url + route)
            problem = _wrong_answer(response, user, EXPECTED[key], _names(goal))
            if problem:
                wrong.append(f"{key} {route or 'page'}: {problem}")
    assert wrong == []


@pytest.mark.parametrize("user", USERS)
def test_search_finds_a_goal_only_for_those_who_may_see_it(client, world, goals, user):
    _client(client, world, user)
    wrong = []
    for key, goal in goals.items():
        response = client.get("/sok/", {"q": WORDS[key]})
        body = _body(response)
        if response.status_code == 302:
            # The search page itself asks visitors to log in: they find nothing.
            if user not in VISITORS:
                wrong.append(f"{key}: redirected")
            continue
        found = f'href="{goal.url}"' in body
        if found is not (user in EXPECTED[key]):
            wrong.append(f"{key}: found={found}")
        if user not in EXPECTED[key] and 'class="hit"' in body:
            wrong.append(f"{key}: a hit")
    assert wrong == []


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _csv_rows(response):
    return list(csv.reader(io.StringIO(_body(response)), delimiter=";"))


def _small_cell(rows, name):
    """The shown figure of A's count indicator for 2024 in the CSV (Kalmar's row)."""
    return next(r[4] for r in rows if r[0] == name and r[2] == "Kalmar kommun" and r[3] == "2024")


def test_editor_of_a_sees_a_small_count_of_a_unmasked(client, world, goals):
    goal = goals["A"]
    count_name = _names(goal)[1]
    _english(_client(client, world, "editor of A"))
    page = _body(client.get(goal.url))
    assert f"<td>{SMALL}</td>" in page
    assert _small_cell(_csv_rows(client.get(goal.url + "export/csv/")), count_name) == str(SMALL)


@pytest.mark.parametrize("user", ["staff of A", "superuser"])
def test_readers_who_do_not_edit_a_see_its_small_count_masked(client, world, goals, user):
    """Staff of A read the goal but do not edit the figures: the small count is hidden.
    So it is for the superuser, who edits no municipality (sees every page, not every
    small count unmasked)."""
    goal = goals["A"]
    count_name = _names(goal)[1]
    _english(_client(client, world, user))
    page = _body(client.get(goal.url))
    assert f"<td>{SMALL}</td>" not in page
    assert '<td class="masked">fewer than 5</td>' in page
    rows = _csv_rows(client.get(goal.url + "export/csv/"))
    assert _small_cell(rows, count_name) == "fewer than 5"
    assert not any(r[4] == str(SMALL) for r in rows if r[0] == count_name)


def test_masking_in_the_shared_space_is_per_reader_too(client, world, goals):
    """The partner sees the shared goal, never Kalmar's small count; A's editor does."""
    goal = goals["shared"]
    count_name = _names(goal)[1]
    _english(_client(client, world, "partner user"))
    assert _small_cell(_csv_rows(client.get(goal.url + "export/csv/")), count_name) == (
        "fewer than 5"
    )
    _client(client, world, "editor of A")
    assert _small_cell(_csv_rows(client.get(goal.url + "export/csv/")), count_name) == str(SMALL)


@pytest.mark.parametrize("user", USERS)
def test_admin_entry_views_only_for_those_who_enter_values(client, world, goals, user):
    """The values grid, the CSV import and its template, and the Kolada import: 200 only
    for editors of a reporting municipality and administrators; the admin's door turns
    others away (to its log-in) or answers 404 like a missing goal."""
    _client(client, world, user)
    wrong = []
    for key, goal in goals.items():
        for route in ADMIN_ROUTES:
            url = f"/admin/mal/{goal.pk}/{route}"
            response = client.get(url)
            body = _body(response)
            if user in ENTERS[key]:
                if response.status_code != 200:
                    wrong.append(f"{url} ({key}): answers {response.status_code}")
                continue
            location = response.get("Location", "")
            refused = response.status_code in (403, 404) or (
                response.status_code == 302 and "/login/" in location
            )
            if not refused:
                wrong.append(f"{url} ({key}): answers {response.status_code} {location}")
            leaked = [name for name in _names(goal) if name in body]
            if leaked:
                wrong.append(f"{url} ({key}): shows {leaked}")
    assert wrong == []


def test_a_missing_goal_id_in_the_admin_is_404(client, world, goals):
    client.force_login(world.users["editor of A"])
    missing = max(goal.pk for goal in goals.values()) + 1000
    assert client.get(f"/admin/mal/{missing}/varden/").status_code == 404
    # A page that is not a goal is no goal either.
    section = world.content["A's section"]
    assert client.get(f"/admin/mal/{section.pk}/varden/").status_code == 404
