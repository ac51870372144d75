"""Kolada: the sample file (tests/goals/data/kolada_sample.json, in Kolada's API v2 format)
parses, its totals land on the right municipality and year, nothing is saved from a bad
file, hand-entered values are kept, only the user's municipalities are imported, and the
management command imports a file or fetches (urlopen patched: no network)."""

import copy
import io
import json
import re
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation

from goals import kolada
from goals.models import Indicator, Value
from tests.factories import MunicipalityFactory, UserFactory, add_shared_space
from tests.goals.factories import add_goal, add_values, count, share
from tests.shared import shared

SAMPLE = Path(__file__).parent / "data" / "kolada_sample.json"
RAW = SAMPLE.read_bytes()


@shared
def kolada_world():
    kalmar = MunicipalityFactory(name="Kalmar kommun", code="0880", slug="kalmar")
    sodertalje = MunicipalityFactory(name="Södertälje kommun", code="0181", slug="sodertalje")
    vimmerby = MunicipalityFactory(name="Vimmerby kommun", code="0884", slug="vimmerby")
    space = add_shared_space([kalmar, sodertalje], title="Samverkan unga", slug="unga")
    goal = add_goal(
        space,
        indicators=[
            share("Andel i eget boende", source=Indicator.KOLADA, kolada_kpi="N00945"),
            count("Antal deltagare"),
        ],
    )
    tertial = add_goal(
        space,
        title="Tertialmål",
        frequency="tertial",
        indicators=[share("Andel", source=Indicator.KOLADA, kolada_kpi="N00945")],
    )
    b_only = add_goal(
        sodertalje.section_page.specific,
        title="Södertäljes mål",
        indicators=[share("Andel", source=Indicator.KOLADA, kolada_kpi="N00945")],
    )
    users = {
        "superuser": UserFactory(email="admin@example.se", is_superuser=True, is_staff=True),
        "editor of A": UserFactory(email="editor.a@example.se", groups=[kalmar.editors_group]),
        "staff of A": UserFactory(email="staff.a@example.se", groups=[kalmar.members_group]),
        "editor of C": UserFactory(email="editor.c@example.se", groups=[vimmerby.editors_group]),
    }
    return SimpleNamespace(
        a=kalmar, b=sodertalje, goal=goal, tertial=tertial, b_only=b_only, users=users
    )


def kolada_values(goal=None):
    values = Value.objects.filter(source=Value.KOLADA)
    if goal is not None:
        values = values.filter(indicator__goal=goal)
    return {
        (v.municipality.code, v.period): v.value
        for v in values.select_related("municipality").order_by("pk")
    }


def upload(client, goal, content=RAW, name="kolada.json"):
    return client.post(
        f"/admin/mal/{goal.pk}/kolada/",
        {"file": SimpleUploadedFile(name, content, content_type="application/json")},
    )


def sample_with(change):
    data = json.loads(RAW)
    change(data)
    return json.dumps(data).encode()


# --- parsing ---------------------------------------------------------------------------


def test_the_sample_parses_to_its_totals():
    entries = kolada.parse(RAW)
    assert len(entries) == 7
    first = entries[0]
    assert (first.kpi, first.municipality, first.year, first.value) == (
        "N00945",
        "0880",
        2024,
        Decimal("54.30"),  # the total (T), not K's 56.1 or M's 52.6
    )
    assert entries[3].value is None  # "Missing" in Kolada


@pytest.mark.parametrize(
    "change, marker",
    [
        (lambda d: d["values"][2].update(period="2024"), "period"),
        (lambda d: d["values"][2].pop("municipality"), "municipality"),
        (lambda d: d["values"][2]["values"][2].update(value="48,2"), "value"),
        (lambda d: d["values"][2].update(values=[{"gender": "K", "value": 1}]), "T"),
        (lambda d: d["values"].__setitem__(2, "N00945"), "kpi"),
    ],
)
def test_a_malformed_entry_is_named(change, marker):
    with translation.override("en"), pytest.raises(kolada.KoladaError) as raised:
        kolada.parse(sample_with(change))
    assert len(raised.value.errors) == 1
    assert raised.value.errors[0].startswith("Entry 3: ")
    assert marker in raised.value.errors[0]


@pytest.mark.parametrize("raw", [b"kpi;municipality;period\nN00945;0880;2024", b"\xff\xfe", b"[]"])
def test_what_is_not_kolada_json_is_refused(raw):
    with pytest.raises(kolada.KoladaError):
        kolada.parse(raw)


# --- importing -------------------------------------------------------------------------


def test_values_are_saved_for_the_right_municipality_and_year(kolada_world):
    w = kolada_world
    with translation.override("en"):
        result = kolada.import_file(RAW, [w.goal])
    assert result.errors == []
    assert kolada_values(w.goal) == {
        ("0880", "2024"): Decimal("54.30"),
        ("0880", "2025"): Decimal("55.80"),
        ("0181", "2024"): Decimal("48.20"),
    }
    saved = Value.objects.get(municipality=w.a, period="2024", indicator__goal=w.goal)
    assert saved.indicator.kolada_kpi == "N00945"
    assert (saved.numerator, saved.denominator) == (None, None)
    # Södertälje 2025 is null in Kolada; Vimmerby, 2023 and N17473 are not the goal's.
    assert (result.saved, result.missing, result.skipped) == (3, 1, 3)
    assert "1 saknas i Kolada" in result.summary()


def test_a_second_import_updates_kolada_values_and_keeps_entered_ones(kolada_world):
    w = kolada_world
    indicator = w.goal.indicators.first()
    add_values(indicator, {(w.a, "2025"): Decimal("90")})  # entered by hand
    kolada.import_file(RAW, [w.goal])
    changed = sample_with(lambda d: d["values"][0]["values"][2].update(value=60.1))
    result = kolada.import_file(changed, [w.goal])
    assert (result.saved, result.updated, result.unchanged, result.kept) == (0, 1, 1, 1)
    assert kolada_values(w.goal)[("0880", "2024")] == Decimal("60.10")
    entered = Value.objects.get(indicator=indicator, municipality=w.a, period="2025")
    assert (entered.source, entered.value) == (Value.ENTERED, Decimal("90"))


def test_a_tertial_goal_takes_no_kolada_values(kolada_world):
    with translation.override("en"):
        result = kolada.import_file(RAW, [kolada_world.tertial])
    assert "once a year" in result.errors[0]
    assert not Value.objects.exists()


# --- the admin view --------------------------------------------------------------------


def test_portal_admin_imports_the_file_in_the_admin(client, kolada_world):
    w = kolada_world
    client.force_login(w.users["superuser"])
    page = client.get(f"/admin/mal/{w.goal.pk}/kolada/")
    assert page.status_code == 200
    assert "N00945" in page.text
    response = upload(client, w.goal)
    assert response.status_code == 200
    assert len(kolada_values(w.goal)) == 3
    saved = Value.objects.filter(source=Value.KOLADA)
    assert {v.entered_by for v in saved} == {w.users["superuser"]}


def test_a_file_with_one_malformed_entry_saves_nothing_and_names_it(client, kolada_world):
    w = kolada_world
    client.force_login(w.users["superuser"])
    bad = sample_with(lambda d: d["values"][2].update(period="tjugotjugofyra"))
    response = upload(client, w.goal, bad)
    assert response.status_code == 200
    assert re.search(r"(Entry|Post) 3:", response.text)
    assert not Value.objects.exists()


@pytest.mark.parametrize(
    "content",
    [b"Kommun;Period;V\xc3\xa4rde\n0880;2024;54,3\n", b"", b"x" * (5 * 1024 * 1024 + 1)],
    ids=["csv", "empty", "too large"],
)
def test_what_is_not_a_kolada_file_gives_a_message_and_saves_nothing(client, kolada_world, content):
    w = kolada_world
    client.force_login(w.users["superuser"])
    response = upload(client, w.goal, content)
    assert response.status_code == 200
    assert 'class="error-message"' in response.text
    assert not Value.objects.exists()


def test_an_editor_of_a_imports_only_a(client, kolada_world):
    w = kolada_world
    client.force_login(w.users["editor of A"])
    assert upload(client, w.goal).status_code == 200
    assert kolada_values(w.goal) == {
        ("0880", "2024"): Decimal("54.30"),
        ("0880", "2025"): Decimal("55.80"),
    }


@pytest.mark.parametrize(
    "user, goal",
    [
        ("editor of C", "goal"),  # in the admin, but not one of the goal's municipalities
        ("editor of A", "b_only"),  # B's section: not A's to see
        ("superuser", "missing"),
    ],
)
def test_others_get_404_and_nothing_is_saved(client, kolada_world, user, goal):
    w = kolada_world
    client.force_login(w.users[user])
    page_id = 99999999999 if goal == "missing" else getattr(w, goal).pk
    assert client.get(f"/admin/mal/{page_id}/kolada/").status_code == 404
    response = client.post(
        f"/admin/mal/{page_id}/kolada/", {"file": SimpleUploadedFile("k.json", RAW)}
    )
    assert response.status_code == 404
    assert not Value.objects.exists()


def test_staff_who_do_not_edit_are_turned_away(client, kolada_world):
    w = kolada_world
    # A member without admin rights: the admin refuses before the view runs (a redirect
    # to its login, as for every admin page), and nothing is saved.
    client.force_login(w.users["staff of A"])
    assert client.get(f"/admin/mal/{w.goal.pk}/kolada/").status_code in (302, 404)
    assert upload(client, w.goal).status_code in (302, 404)
    assert not Value.objects.exists()
    client.logout()
    assert upload(client, w.goal).status_code == 302
    assert not Value.objects.exists()


# --- the management command ------------------------------------------------------------


def test_the_command_imports_a_file(kolada_world):
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_kolada", str(SAMPLE), "--goal", str(kolada_world.goal.pk), stdout=out)
    assert len(kolada_values(kolada_world.goal)) == 3
    assert "3 saved" in out.getvalue()


def test_the_command_over_every_goal_skips_the_tertial_one(kolada_world):
    w = kolada_world
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_kolada", str(SAMPLE), stdout=out)
    assert len(kolada_values(w.goal)) == 3
    assert kolada_values(w.b_only) == {("0181", "2024"): Decimal("48.20")}  # 2025 missing
    assert kolada_values(w.tertial) == {}
    assert "once a year" in out.getvalue()


def test_the_command_refuses_a_bad_file_and_saves_nothing(kolada_world, tmp_path):
    bad = tmp_path / "kolada.json"
    bad.write_bytes(sample_with(lambda d: d["values"][4].pop("kpi")))
    with translation.override("en"), pytest.raises(CommandError, match="Entry 5"):
        call_command("import_kolada", str(bad), "--goal", str(kolada_world.goal.pk))
    assert not Value.objects.exists()


def test_fetch_without_a_url_is_refused(kolada_world, settings):
    settings.GOALS_KOLADA_API_URL = ""
    with pytest.raises(CommandError, match="GOALS_KOLADA_API_URL"):
        call_command("import_kolada", "--fetch", "--goal", str(kolada_world.goal.pk))
    assert not Value.objects.exists()


class FakeKolada:
    """Answers /data/kpi/<kpi>/municipality/<code>/year/<year> from the sample file, the
    first entry's answer split over two pages by next_page."""

    def __init__(self):
        self.sample = json.loads(RAW)["values"]
        self.asked = []

    def __call__(self, url, timeout=None):
        self.asked.append(url)
        if url.endswith("?page=2"):
            return self.answer({"values": [], "next_page": None})
        kpi, code, year = re.search(r"/kpi/(\w+)/municipality/(\d+)/year/(\d+)$", url).groups()
        found = [
            copy.deepcopy(e)
            for e in self.sample
            if (e["kpi"], e["municipality"], e["period"]) == (kpi, code, int(year))
        ]
        next_page = f"{url}?page=2" if found else None
        return self.answer({"count": len(found), "values": found, "next_page": next_page})

    @staticmethod
    def answer(data):
        return io.BytesIO(json.dumps(data).encode())


def test_fetch_with_a_url_saves_what_kolada_answers(kolada_world, settings):
    settings.GOALS_KOLADA_API_URL = "https://api.kolada.se/v2"
    fake = FakeKolada()
    with mock.patch("urllib.request.urlopen", fake), translation.override("en"):
        call_command(
            "import_kolada", "--fetch", "--goal", str(kolada_world.goal.pk), stdout=io.StringIO()
        )
    assert kolada_values(kolada_world.goal) == {
        ("0880", "2024"): Decimal("54.30"),
        ("0880", "2025"): Decimal("55.80"),
        ("0181", "2024"): Decimal("48.20"),
    }
    # One KPI × two municipalities × three years, and the second page of those found.
    assert "https://api.kolada.se/v2/data/kpi/N00945/municipality/0880/year/2024" in fake.asked
    assert len(fake.asked) == 6 + 4


def test_a_tertial_goal_is_refused_in_the_admin(client, kolada_world):
    w = kolada_world
    client.force_login(w.users["superuser"])
    response = upload(client, w.tertial)
    assert response.status_code == 200
    assert 'class="error-message"' in response.text
    assert not Value.objects.exists()


def test_the_goals_edit_page_links_to_the_import(client, kolada_world):
    w = kolada_world
    client.force_login(w.users["superuser"])
    edit = client.get(f"/admin/pages/{w.goal.pk}/edit/")
    assert edit.status_code == 200
    assert f"/admin/mal/{w.goal.pk}/kolada/" in edit.text
    # Not offered where it would be refused.
    assert (
        f"/admin/mal/{w.tertial.pk}/kolada/"
        not in client.get(f"/admin/pages/{w.tertial.pk}/edit/").text
    )
