"""The goal page, its comparison view and its CSV: figures per municipality and for the
collaboration, small counts masked everywhere they are shown, the reader's own
municipality unmasked for its editors only."""

import csv
import io
import re
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from goals.models import GoalPage, Indicator
from tests.factories import MunicipalityFactory, UserFactory, add_shared_space
from tests.goals.factories import add_goal, add_target, add_values, count, share
from tests.shared import shared

pytestmark = pytest.mark.django_db

MASKED = "färre än 5"


@dataclass
class Data:
    goal: object
    share: object
    count: object
    towns: dict
    users: dict


@shared
def data():
    towns = {
        name: MunicipalityFactory(name=f"{name} kommun", code=code)
        for name, code in (
            ("Alby", "0101"),
            ("Berga", "0102"),
            ("Cedertuna", "0103"),
            ("Dala", "0104"),
        )
    }
    space = add_shared_space(list(towns.values()), title="Samverkan i länet", slug="lanet")
    goal = add_goal(space, indicators=[share(), count()], title="Egen försörjning")
    share_ind, count_ind = goal.indicators.order_by("sort_order")
    a, b, c, d = towns.values()
    add_values(
        share_ind,
        {
            (a, "2024"): (30, 40),
            (b, "2024"): (20, 30),
            (c, "2024"): (12, 20),
            (d, "2024"): (25, 30),
            # 2025: Berga's three are masked, with the two next-smallest (Cedertuna, Dala).
            (a, "2025"): (36, 40),
            (b, "2025"): (3, 6),
            (c, "2025"): (14, 20),
            (d, "2025"): (18, 30),
        },
    )
    add_values(count_ind, {(a, "2025"): 41, (b, "2025"): 2, (c, "2025"): 15, (d, "2025"): 22})
    add_target(share_ind, "2025", 90)
    users = {
        "staff of Berga": UserFactory(email="personal@berga.se", groups=[b.members_group]),
        "editor of Berga": UserFactory(email="redaktor@berga.se", groups=[b.editors_group]),
    }
    return Data(goal, share_ind, count_ind, towns, users)


def _cells(html, caption_start):
    """{row label: [cell texts]} of the table whose caption starts with `caption_start`."""
    table = html[html.index(caption_start) :]
    table = table[: table.index("</table>")]
    rows = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S):
        label = re.search(r'<th scope="row">(.*?)</th>', row)
        if label:
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            rows[label.group(1)] = [re.sub(r"<[^>]+>", "", c).strip() for c in cells]
    return rows


def _get(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_table_masks_a_small_share_and_the_next_smallest_with_it(client, data):
    html = _get(client, data.users["staff of Berga"], data.goal.url)
    rows = _cells(html, "Andel med sysselsättning: siffror per period")
    # Periods 2024, 2025, 2026.
    assert rows["Alby kommun"][:2] == ["75,0 % (30 av 40)", "90,0 % (36 av 40)"]
    assert rows["Berga kommun"][1] == MASKED
    assert rows["Cedertuna kommun"][1] == MASKED
    assert rows["Dala kommun"][1] == MASKED
    # The collaboration's total is over all four: 71 of 96, it cannot give one away.
    assert rows["Samverkan totalt"][1] == "74,0 % (71 av 96)"
    assert rows["Målvärde"] == ["85,0 %", "90,0 %", "85,0 %"]
    assert "(3 av 6)" not in html and "50,0 %" not in html


def test_the_chart_draws_no_point_for_a_masked_figure(client, data):
    html = _get(client, data.users["staff of Berga"], data.goal.url)
    chart = html[html.index("<svg") : html.index("</svg>")]
    assert "Alby kommun 2025: 90,0 %" in chart
    assert "Berga kommun 2024: 66,7 %" in chart
    assert "Berga kommun 2025" not in chart


def test_the_editor_of_berga_sees_bergas_own_figures_and_nobody_elses(client, data):
    html = _get(client, data.users["editor of Berga"], data.goal.url)
    rows = _cells(html, "Andel med sysselsättning: siffror per period")
    assert rows["Berga kommun"][1] == "50,0 % (3 av 6)"
    assert rows["Cedertuna kommun"][1] == MASKED
    # Knowing Berga's, the editor could read the other two together from the total, but
    # not one of them alone: the total stays.
    assert rows["Samverkan totalt"][1] == "74,0 % (71 av 96)"
    counts = _cells(html, "Antal deltagare: siffror per period")
    assert counts["Berga kommun"][1] == "2"


def test_the_csv_holds_the_shown_figures_masked_the_same_way(client, data):
    client.force_login(data.users["staff of Berga"])
    response = client.get(data.goal.url + "export/csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Indikator", "Enhet", "Kommun", "Period", "Värde"]
    by_key = {(r[0], r[2], r[3]): r for r in rows[1:]}
    berga = by_key[("Andel med sysselsättning", "Berga kommun", "2025")]
    assert berga[4:7] == [MASKED, "", ""]
    alby = by_key[("Andel med sysselsättning", "Alby kommun", "2025")]
    assert alby[4:8] == ["90,0 %", "36", "40", "90,0 %"]
    assert by_key[("Antal deltagare", "Berga kommun", "2025")][4] == MASKED
    assert "3" not in {r[5] for r in rows[1:]}


def test_the_csv_gives_the_editor_their_own_municipalitys_figures(client, data):
    client.force_login(data.users["editor of Berga"])
    text = client.get(data.goal.url + "export/csv/").content.decode("utf-8-sig")
    assert "Andel med sysselsättning;andel (procent);Berga kommun;2025;50,0 %;3;6" in text


def test_the_status_says_in_words_which_way_each_municipality_went(client, data):
    html = _get(client, data.users["staff of Berga"], data.goal.url)
    status = html[html.index('<ul class="goal-status">') :]
    status = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", status[: status.index("</ul>")]))
    assert "Läget 2025" in html
    assert "Alby kommun: Bättre (90,0 %) · målet nått" in status
    assert "Berga kommun: Visas inte (för få)" in status
    assert "Samverkan totalt: Bättre (74,0 %) · målet inte nått" in status


def test_the_comparison_shows_one_period_for_every_municipality(client, data):
    html = _get(client, data.users["staff of Berga"], data.goal.url + "jamforelse/?period=2024")
    rows = _cells(html, "Andel med sysselsättning per kommun")
    assert rows["Berga kommun"] == ["66,7 % (20 av 30)", "85,0 %"]
    assert 'value="2024" selected' in html
    bars = html[html.index("Stapeldiagram") : html.index("</svg>")]
    assert "66,7 %" in bars


def test_the_comparison_masks_the_same_cells_in_its_bars(client, data):
    html = _get(client, data.users["staff of Berga"], data.goal.url + "jamforelse/?period=2025")
    bars = html[html.index("Stapeldiagram") : html.index("</svg>")]
    assert "50,0 %" not in bars and MASKED in bars


def test_an_unknown_period_is_said_and_the_latest_shown(client, data):
    html = _get(client, data.users["staff of Berga"], data.goal.url + "jamforelse/?period=1999<b>")
    assert "Målet har ingen sådan period" in html
    assert 'value="2025" selected' in html
    assert "1999&lt;b&gt;" not in html and "1999<b>" not in html


def test_the_page_costs_the_same_queries_with_one_value_or_many(client, data):
    user = data.users["staff of Berga"]
    client.force_login(user)
    client.get(data.goal.url)  # warm the caches a first request fills

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(data.goal.url).status_code == 200
        return len(captured)

    few = queries()
    a, b, c, d = data.towns.values()
    for indicator in (data.share, data.count):
        for town in (a, b, c, d):
            rows = {(town, "2026"): (7, 9) if indicator.unit == Indicator.PERCENTAGE else 8}
            add_values(indicator, rows)
    assert queries() == few


def test_a_goal_ending_before_it_starts_is_refused(data):
    from django.core.exceptions import ValidationError

    goal = GoalPage(title="Fel", slug="fel", first_year=2026, last_year=2024)
    with pytest.raises(ValidationError) as refused:
        goal.clean()
    assert "last_year" in refused.value.message_dict


def _computed_goal(data):
    """Counts N (who has a job) and D (who turned 21), and the share N/D computed."""
    space = data.goal.get_parent()
    goal = add_goal(space, indicators=[count(name="Har arbete"), count(name="Fyllde 21")])
    top, bottom = goal.indicators.order_by("sort_order")
    Indicator.objects.create(
        goal=goal,
        name="Andel med arbete",
        unit=Indicator.PERCENTAGE,
        source=Indicator.COMPUTED,
        computed_numerator=top,
        computed_denominator=bottom,
        sort_order=3,
    )
    return goal, top, bottom


def test_a_computed_share_shows_nothing_its_counts_hide(client, data):
    goal, top, bottom = _computed_goal(data)
    a, b, c, d = data.towns.values()
    # Alby's 3 is masked in the count table (with Berga and Cedertuna), so the share must
    # not give Alby's or the others' counts back.
    add_values(top, {(a, "2025"): 3, (b, "2025"): 20, (c, "2025"): 30, (d, "2025"): 40})
    add_values(bottom, {(b, "2025"): 100, (c, "2025"): 100, (d, "2025"): 45})
    html = _get(client, data.users["staff of Berga"], goal.url)
    counts = _cells(html, "Har arbete: siffror per period")
    assert [counts[t][1] for t in ("Alby kommun", "Berga kommun", "Cedertuna kommun")] == [
        MASKED
    ] * 3
    shares = _cells(html, "Andel med arbete: siffror per period")
    assert shares["Berga kommun"][1] == MASKED
    assert shares["Cedertuna kommun"][1] == MASKED
    # Dala's counts are shown in both tables, so its share may be too.
    assert shares["Dala kommun"][1] == "88,9 % (40 av 45)"
    assert "(20 av 100)" not in html and "(30 av 100)" not in html
    client.force_login(data.users["staff of Berga"])
    text = client.get(goal.url + "export/csv/").content.decode("utf-8-sig")
    assert ";20;100;" not in text and ";30;100;" not in text


def test_a_copied_goal_computes_from_its_own_counts(client, data):
    from goals.wagtail_hooks import relink_computed_indicators

    goal, top, bottom = _computed_goal(data)
    add_values(top, {(t, "2025"): 40 for t in data.towns.values()})
    add_values(bottom, {(t, "2025"): 50 for t in data.towns.values()})
    copy = goal.copy(update_attrs={"slug": "kopia", "title": "Kopia"})
    relink_computed_indicators(None, goal, copy)
    computed = copy.specific.indicators.get(source=Indicator.COMPUTED)
    assert computed.computed_numerator.goal_id == copy.pk
    html = _get(client, data.users["staff of Berga"], copy.url)
    assert "80,0 %" not in html  # the copy has no counts of its own yet
