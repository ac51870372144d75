"""Values due and not entered: the editors' reminders (`manage.py send_goal_reminders`)
and the dashboard panel "Values to report"."""

import datetime
import re
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from goals.home_hooks import ValuesDuePanel
from goals.models import GoalReminder, Indicator
from goals.reminders import missing_values
from tests.factories import UserFactory
from tests.goals.factories import add_goal, add_values, count, share
from tests.shared import shared

# 2026 ended on 31 December; its values were due 30 days later. 2025 is over a year ago.
TODAY = datetime.date(2027, 2, 15)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("knowledge.clock.today", lambda: TODAY)
    return TODAY


@shared
def goals(world):
    kalmar, sodertalje = world.municipality_a, world.municipality_b
    goal_a = add_goal(
        world.content["A's section"],
        [
            share(),
            count(),
            count("Från Kolada", source=Indicator.KOLADA, kolada_kpi="N00945"),
        ],
        title="Kalmars mål",
        first_year=2025,
        last_year=2026,
    )
    participants = goal_a.indicators.get(name="Antal deltagare")
    add_values(goal_a.indicators.get(name="Andel med sysselsättning"), {(kalmar, "2026"): (8, 10)})
    goal_b = add_goal(
        world.content["B's section"],
        [count()],
        title="Södertäljes mål",
        first_year=2025,
        last_year=2026,
    )
    editor_b = UserFactory(email="editor.b@example.se", groups=[sodertalje.editors_group])
    UserFactory(email="", groups=[kalmar.editors_group])  # no address: nobody to tell
    return {"A": goal_a, "B": goal_b, "participants": participants, "editor B": editor_b}


def _run(today=TODAY):
    out = StringIO()
    call_command("send_goal_reminders", f"--today={today}", stdout=out)
    return out.getvalue()


def _to(address):
    return [m for m in mail.outbox if address in m.to]


def test_missing_values_are_those_due_without_a_row(world, goals):
    missing = missing_values(TODAY)
    found = {(m.goal.title, m.indicator.name, m.municipality.name, m.period) for m in missing}
    assert found == {
        ("Kalmars mål", "Antal deltagare", "Kalmar kommun", "2026"),
        ("Södertäljes mål", "Antal deltagare", "Södertälje kommun", "2026"),
    }
    assert {m.due for m in missing} == {datetime.date(2027, 1, 30)}


def test_each_editor_is_reminded_of_their_own_municipalitys_missing_values(world, goals):
    output = _run()
    assert "Sent 2 reminder(s)" in output
    (to_a,) = _to("editor.a@example.se")
    assert "Kalmars mål" in to_a.body
    assert "Antal deltagare: Kalmar kommun" in to_a.body
    assert "2027-01-30" in to_a.body
    assert f"{settings.WAGTAILADMIN_BASE_URL}/admin/mal/{goals['A'].pk}/varden/" in to_a.body
    assert "Andel med sysselsättning" not in to_a.body  # entered
    assert "Från Kolada" not in to_a.body  # imported, never typed
    assert "Södertälje" not in to_a.body
    (to_b,) = _to("editor.b@example.se")
    assert "Södertäljes mål" in to_b.body and "Kalmar" not in to_b.body
    assert len(mail.outbox) == 2
    assert GoalReminder.objects.filter(period_key="2026").count() == 2


def test_a_value_entered_removes_it(world, goals):
    add_values(goals["participants"], {(world.municipality_a, "2026"): 12})
    _run()
    assert not _to("editor.a@example.se")
    assert len(_to("editor.b@example.se")) == 1


def test_running_again_sends_nothing(world, goals):
    _run()
    output = _run(TODAY + datetime.timedelta(days=3))
    assert len(mail.outbox) == 2
    assert "Sent 0 reminder(s); 2 already sent" in output


def test_an_editor_who_may_not_view_the_goal_gets_no_reminder(world, goals):
    closed = Group.objects.create(name="Ledningsgruppen")
    PageViewRestriction.objects.create(
        page=goals["A"], restriction_type=PageViewRestriction.GROUPS
    ).groups.set([closed])
    _run()
    assert not _to("editor.a@example.se")
    assert len(_to("editor.b@example.se")) == 1


def test_a_period_not_yet_ended_is_not_due_and_one_over_a_year_old_is_left_alone(world, goals):
    new_years_eve = datetime.date(2026, 12, 31)
    assert {m.period for m in missing_values(new_years_eve)} == {"2025"}
    assert missing_values(datetime.date(2027, 1, 1)) == missing_values(TODAY)
    assert {m.period for m in missing_values(datetime.date(2028, 1, 2))} == set()


def test_bad_date_is_refused_with_a_clear_message(db):
    with pytest.raises(CommandError, match="--today must be a date"):
        _run("15/02/2027")


# --- the dashboard panel -------------------------------------------------------------------


def _panel(html):
    match = re.search(r'<section[^>]*id="goals-values-due-section".*?</section>', html, re.S)
    return match.group(0) if match else ""


def _dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return _panel(response.content.decode())


def test_the_panel_lists_the_editors_missing_values_only(client, world, goals):
    panel = _dashboard(client, world.users["editor of A"])
    assert "Kalmars mål" in panel
    assert f"/admin/mal/{goals['A'].pk}/varden/" in panel
    assert "2027-01-30" in panel
    assert "Södertäljes mål" not in panel
    panel_b = _dashboard(client, goals["editor B"])
    assert "Södertäljes mål" in panel_b and "Kalmars mål" not in panel_b


def test_the_panel_forgets_what_was_entered(client, world, goals):
    add_values(goals["participants"], {(world.municipality_a, "2026"): 12})
    panel = _dashboard(client, world.users["editor of A"])
    assert panel and "Kalmars mål" not in panel


def test_staff_without_editing_rights_get_no_panel(world, goals):
    request = RequestFactory().get("/admin/")
    request.user = world.users["staff of A"]
    assert ValuesDuePanel().render_html({"request": request}) == ""


def _panel_queries(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    panel = ValuesDuePanel()
    panel.render_html({"request": request})  # the access answers, asked once
    with CaptureQueriesContext(connection) as queries:
        html = panel.render_html({"request": request})
    return len(queries), html


def test_the_panel_costs_the_same_for_one_goal_or_many(world, goals):
    editor = world.users["editor of A"]
    one, _html = _panel_queries(editor)
    for n in range(12):
        add_goal(
            world.content["A's section"],
            [share(), count()],
            title=f"Mål {n:02d}",
            first_year=2025,
            last_year=2026,
        )
    many, html = _panel_queries(editor)
    assert many == one
    assert html.count('<th scope="row">') == 10  # at most ten lines
    assert re.search(r"<p>[^<\d]*\b3\b[^<\d]*</p>", html)  # and three more
