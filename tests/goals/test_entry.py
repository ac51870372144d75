"""Entering a goal's values in the admin grid: who may enter which municipality's cells,
all or nothing on a bad cell, targets for the page's editors, a flat query count."""

from decimal import Decimal
from types import SimpleNamespace

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile

from goals.models import Target, Value
from tests.factories import UserFactory, add_shared_space
from tests.goals.factories import add_goal, add_target, add_values, count, share
from tests.shared import shared


def english(*users):
    """The admin speaks the user's chosen language: English, to assert on the msgids."""
    for user in users:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()


@shared
def goals(world):
    kalmar, sodertalje = world.municipality_a, world.municipality_b
    space = add_shared_space(
        [kalmar, sodertalje], [world.partner], title="Samverkan Kalmar–Södertälje", slug="ks"
    )
    own = add_goal(
        world.content["A's section"],
        indicators=[share(), count()],
        first_year=2025,
        last_year=2026,
        slug="kalmars-mal",
    )
    joint = add_goal(
        space, indicators=[share(), count()], first_year=2025, last_year=2026, slug="gemensamt"
    )
    editor_b = UserFactory(email="editor.b@example.se", groups=[sodertalje.editors_group])
    users = {**world.users, "editor of B": editor_b}
    english(*(u for u in users.values() if u.is_authenticated and u.is_active))
    return SimpleNamespace(world=world, own=own, joint=joint, users=users)


def url(goal):
    return reverse("goals_values", args=[goal.pk])


def cell(indicator, municipality, period, kind):
    return f"v-{indicator.pk}-{municipality.pk}-{period}-{kind}"


def indicators(goal):
    rate, number = goal.indicators.order_by("sort_order")
    return rate, number


def test_editor_saves_their_municipalitys_values(client, goals):
    kalmar = goals.world.municipality_a
    editor = goals.users["editor of A"]
    rate, number = indicators(goals.own)
    client.force_login(editor)
    response = client.post(
        url(goals.own),
        {
            cell(rate, kalmar, "2025", "numerator"): "12",
            cell(rate, kalmar, "2025", "denominator"): "14",
            cell(rate, kalmar, "2025", "comment"): "Två flyttade",
            cell(number, kalmar, "2026", "value"): "1 200",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "The values are saved." in response.content.decode()
    saved = {(v.indicator_id, v.period): v for v in Value.objects.filter(municipality=kalmar)}
    assert set(saved) == {(rate.pk, "2025"), (number.pk, "2026")}
    share_value = saved[(rate.pk, "2025")]
    assert (share_value.numerator, share_value.denominator) == (12, 14)
    assert share_value.comment == "Två flyttade"
    assert share_value.entered_by == editor and share_value.source == Value.ENTERED
    assert saved[(number.pk, "2026")].value == Decimal(1200)
    # The grid shows them again.
    page = client.get(url(goals.own)).content.decode()
    assert 'value="12"' in page and 'value="1200"' in page


def test_an_empty_cell_deletes_the_value(client, goals):
    kalmar = goals.world.municipality_a
    rate, number = indicators(goals.own)
    add_values(number, {(kalmar, "2025"): 7, (kalmar, "2026"): 9})
    client.force_login(goals.users["editor of A"])
    client.post(
        url(goals.own),
        {cell(number, kalmar, "2025", "value"): "7", cell(number, kalmar, "2026", "value"): ""},
    )
    assert list(Value.objects.filter(indicator=number).values_list("period", flat=True)) == ["2025"]


def test_a_post_without_the_grid_fields_deletes_nothing(client, goals):
    kalmar = goals.world.municipality_a
    rate, number = indicators(goals.own)
    add_values(number, {(kalmar, "2025"): 7, (kalmar, "2026"): 9})
    client.force_login(goals.users["editor of A"])
    client.post(url(goals.own), {})
    assert Value.objects.filter(indicator=number).count() == 2


def test_a_value_changed_by_someone_else_since_the_grid_was_shown_is_not_overwritten(client, goals):
    kalmar = goals.world.municipality_a
    rate, number = indicators(goals.own)
    add_values(number, {(kalmar, "2025"): 7, (kalmar, "2026"): 9})
    name_2025, name_2026 = (cell(number, kalmar, p, "value") for p in ("2025", "2026"))
    # The grid was shown with 7 and 9; meanwhile a colleague made them 8 and 10.
    Value.objects.filter(indicator=number, period="2025").update(value=8)
    Value.objects.filter(indicator=number, period="2026").update(value=10)
    client.force_login(goals.users["editor of A"])
    # This editor left 2025 alone and typed 11 over the 9 of 2026.
    response = client.post(
        url(goals.own),
        {name_2025: "7", f"{name_2025}-was": "7", name_2026: "11", f"{name_2026}-was": "9"},
    )
    assert response.status_code == 200  # shown again, with the conflict named
    assert "Someone else changed this value" in response.content.decode() or (
        "Någon annan ändrade värdet" in response.content.decode()
    )
    saved = dict(Value.objects.filter(indicator=number).values_list("period", "value"))
    assert saved == {"2025": 8, "2026": 10}


def test_editor_of_a_sees_and_enters_only_their_municipality(client, goals):
    kalmar, sodertalje = goals.world.municipality_a, goals.world.municipality_b
    rate, number = indicators(goals.joint)
    add_values(number, {(sodertalje, "2025"): 3})
    client.force_login(goals.users["editor of A"])
    page = client.get(url(goals.joint)).content.decode()
    assert "Kalmar kommun" in page
    assert "Södertälje kommun" not in page
    assert cell(number, sodertalje, "2025", "value") not in page
    client.post(
        url(goals.joint),
        {
            cell(number, kalmar, "2025", "value"): "8",
            cell(number, sodertalje, "2025", "value"): "99",
            cell(number, sodertalje, "2026", "value"): "42",
        },
    )
    figures = dict(Value.objects.filter(indicator=number).values_list("municipality_id", "value"))
    assert figures == {kalmar.pk: Decimal(8), sodertalje.pk: Decimal(3)}


def test_a_portal_administrator_enters_every_municipality(client, goals):
    client.force_login(goals.users["superuser"])
    page = client.get(url(goals.joint)).content.decode()
    assert "Kalmar kommun" in page and "Södertälje kommun" in page


def test_who_may_not_enter_gets_no_grid(client, goals):
    kalmar = goals.world.municipality_a
    rate, number = indicators(goals.own)
    field = cell(number, kalmar, "2025", "value")
    cases = [
        ("staff of A", goals.own),
        ("partner user", goals.joint),
        ("editor of B", goals.own),  # A's section: B's editor cannot see the page
    ]
    for user, goal in cases:
        client.force_login(goals.users[user])
        for target in (url(goal), reverse("goals_import", args=[goal.pk])):
            response = client.get(target)
            assert response.status_code in (302, 404), (user, target)
            if response.status_code == 302:  # no admin access: turned away at its door
                assert response["Location"].startswith("/konto/login/")
        assert client.post(url(goal), {field: "5"}).status_code in (302, 404)
    assert not Value.objects.exists()
    client.force_login(goals.users["editor of A"])
    assert client.get(reverse("goals_values", args=[999999])).status_code == 404
    assert client.get(reverse("goals_values", args=[2**40])).status_code == 404
    client.logout()
    response = client.get(url(goals.own))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_bad_cell_saves_nothing_and_is_shown(client, goals):
    kalmar = goals.world.municipality_a
    rate, number = indicators(goals.own)
    add_values(number, {(kalmar, "2025"): 7})
    client.force_login(goals.users["editor of A"])
    response = client.post(
        url(goals.own),
        {
            cell(rate, kalmar, "2025", "numerator"): "15",
            cell(rate, kalmar, "2025", "denominator"): "14",
            cell(rate, kalmar, "2026", "numerator"): "3",
            cell(number, kalmar, "2025", "value"): "-2",
            cell(number, kalmar, "2026", "value"): "11",
            cell(number, kalmar, "2026", "comment"): "Pelle 19850101-1236",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was saved" in page
    assert "The numerator cannot be larger than the denominator." in page
    assert "Enter both the numerator and the denominator, or neither." in page
    assert "Write a whole number, 0 or more." in page
    assert "personal identity number" in page
    assert 'href="#id_' + cell(rate, kalmar, "2025", "numerator") in page
    # What was typed is shown again, and nothing changed in the database.
    assert 'value="15"' in page
    assert list(Value.objects.values_list("indicator_id", "period", "value")) == [
        (number.pk, "2025", Decimal(7))
    ]


def test_a_page_editor_sets_targets(client, goals):
    rate, number = indicators(goals.own)
    add_target(rate, "2025", "80")
    client.force_login(goals.users["editor of A"])
    page = client.get(url(goals.own)).content.decode()
    assert f'name="t-{rate.pk}-2026"' in page
    response = client.post(
        url(goals.own), {f"t-{rate.pk}-2025": "", f"t-{rate.pk}-2026": "87,5"}, follow=True
    )
    assert "The values are saved." in response.content.decode()
    assert list(Target.objects.values_list("indicator_id", "period", "value")) == [
        (rate.pk, "2026", Decimal("87.5"))
    ]
    response = client.post(url(goals.own), {f"t-{rate.pk}-2026": "120"})
    assert "A percentage target is at most 100." in response.content.decode()
    assert Target.objects.get().value == Decimal("87.5")


def test_only_page_editors_set_targets(client, goals):
    # Editor of A enters Kalmar's values in the shared space but cannot edit its page.
    rate, number = indicators(goals.joint)
    client.force_login(goals.users["editor of A"])
    assert f'name="t-{rate.pk}-2026"' not in client.get(url(goals.joint)).content.decode()
    client.post(url(goals.joint), {f"t-{rate.pk}-2026": "90"})
    assert not Target.objects.exists()


def test_the_grid_costs_the_same_for_any_number_of_values(
    client, goals, django_assert_max_num_queries
):
    kalmar, sodertalje = goals.world.municipality_a, goals.world.municipality_b
    rate, number = indicators(goals.joint)
    client.force_login(goals.users["superuser"])
    add_values(number, {(kalmar, "2025"): 7})
    client.get(url(goals.joint))  # warm the per-user caches
    with CaptureQueriesContext(connection) as one:
        assert client.get(url(goals.joint)).status_code == 200
    # Read now: a capture is a window on the log, which the next request empties.
    queries = len(one)
    figures = {}
    for municipality in (kalmar, sodertalje):
        for period in ("2025", "2026"):
            figures[(municipality, period)] = (3, 9)
    add_values(rate, figures)
    add_values(number, {(sodertalje, "2025"): 4, (sodertalje, "2026"): 5, (kalmar, "2026"): 6})
    add_target(rate, "2025", "85")
    # Saved values retire what was cached (the start page keeps goal figures): warm again.
    client.get(url(goals.joint))
    with django_assert_max_num_queries(queries):
        assert client.get(url(goals.joint)).status_code == 200


def test_the_goal_page_in_the_admin_links_to_the_grid(client, goals):
    client.force_login(goals.users["editor of A"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[goals.own.pk]))
    assert url(goals.own) in edit.content.decode()
    listing = client.get(reverse("goals_list")).content.decode()
    assert url(goals.own) in listing and url(goals.joint) in listing
    client.force_login(goals.users["editor of B"])
    listing = client.get(reverse("goals_list")).content.decode()
    assert url(goals.own) not in listing and url(goals.joint) in listing
