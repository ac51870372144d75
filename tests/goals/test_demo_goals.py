"""The demo goals (goals.demo, loaded by `seed_demo`, once for the module): Kalmar staff
read their goal with a chart and a table and small figures masked, the collaboration's goal
compares four municipalities, and seeding again changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from goals.models import GoalPage, Indicator, Value
from tests.shared import shared

pytestmark = pytest.mark.django_db

MASKED = ("fewer than 5", "färre än 5")


@shared
def demo_goals():
    """The demo content, as `seed_demo` loads it."""
    call_command("seed_demo", verbosity=0)


def _client(email):
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    return client


def _goal(slug):
    return GoalPage.objects.live().get(slug=slug)


def test_kalmar_staff_read_their_goal_with_charts_tables_and_masked_cells(demo_goals):
    goal = _goal("mal-sysselsattning-och-eget-boende")
    response = _client("personal.kalmar@demo.samverkan.se").get(goal.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<svg") >= 3 and html.count("<table") == 3
    assert any(text in html for text in MASKED)
    assert 'class="masked"' in html
    # 2026: 12 of 14 with an occupation, shown as a share.
    assert "85,7" in html or "85.7" in html
    assert goal.content_owner.email == "redaktor.kalmar@demo.samverkan.se"


def test_other_municipalities_staff_do_not_see_kalmar_s_goal(demo_goals):
    goal = _goal("mal-sysselsattning-och-eget-boende")
    assert _client("personal.sodertalje@demo.samverkan.se").get(goal.url).status_code == 404
    assert Client().get(goal.url).status_code == 302


def test_the_collaboration_s_goal_compares_four_municipalities(demo_goals):
    goal = _goal("mal-vag-till-arbete-eller-studier")
    assert goal.get_parent().specific.municipalities.count() == 4
    client = _client("partner.lernia@demo.samverkan.se")
    html = client.get(goal.url).content.decode()
    assert html.count("<svg") >= 3
    for name in ("Kalmar kommun", "Södertälje kommun", "Norrtälje kommun", "Österåkers kommun"):
        assert name in html
    # Österåker had fewer than five participants in its first tertial.
    compared = client.get(goal.url + "jamforelse/?period=2024-T1")
    assert compared.status_code == 200
    assert any(text in compared.content.decode() for text in MASKED)
    assert Value.objects.filter(indicator__goal=goal, period="2026-T3").count() == 0


def test_roslagen_follows_a_kolada_indicator(demo_goals):
    goal = _goal("mal-unga-i-roslagen")
    indicator = Indicator.objects.get(goal=goal)
    assert indicator.source == Indicator.KOLADA and indicator.kolada_kpi == "N00945"
    assert set(indicator.values.values_list("source", flat=True)) == {Value.KOLADA}
    html = _client("personal.norrtalje@demo.samverkan.se").get(goal.url).content.decode()
    assert "7,4" in html or "7.4" in html


def test_seeding_again_changes_nothing(demo_goals):
    before = sorted(Value.objects.values_list("pk", "entered_at"))
    pages = GoalPage.objects.count()
    call_command("seed_demo", verbosity=0)
    assert sorted(Value.objects.values_list("pk", "entered_at")) == before
    assert GoalPage.objects.count() == pages == 3
