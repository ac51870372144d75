"""A shared routine, its local versions and the side-by-side compare view."""

import re

from knowledge.compare import side_by_side
from tests.knowledge.factories import add_routine


def _steps(*titles):
    return [
        ("numbered_steps", {"heading": "Steg", "steps": [{"title": t, "text": ""} for t in titles]})
    ]


def _family(world, banks):
    shared = add_routine(
        banks["shared"],
        title="Skolstart (gemensam)",
        steps=_steps("Boka möte med skolan", "Ordna tolk", "Följ upp efter en månad"),
    )
    kalmar = add_routine(
        banks["A"],
        title="Skolstart i Kalmar",
        local_version_of=shared,
        steps=_steps(
            "Boka möte med skolan", "Ordna tolk via Kalmarsund", "Följ upp efter en månad"
        ),
    )
    sodertalje = add_routine(
        banks["B"],
        title="Skolstart i Södertälje",
        local_version_of=shared,
        steps=_steps("Boka möte med skolan", "Följ upp efter en månad", "Informera god man"),
    )
    return shared, kalmar, sodertalje


def test_side_by_side_marks_changed_removed_and_added_lines():
    rows = side_by_side(["a", "b", "c"], ["a", "B", "c", "d"])
    assert rows == [
        ("a", "a", "equal"),
        ("b", "B", "changed"),
        ("c", "c", "equal"),
        ("", "d", "added"),
    ]


def test_shared_routine_lists_the_local_versions_the_reader_may_see(client, world, banks):
    shared, kalmar, sodertalje = _family(world, banks)
    client.force_login(world.users["staff of A"])
    html = client.get(shared.url).content.decode()
    assert "Lokala versioner" in html and "Skolstart i Kalmar" in html
    assert "Skolstart i Södertälje" not in html
    local = client.get(kalmar.url).content.decode()
    assert "Lokal version av den gemensamma rutinen" in local and "Skolstart (gemensam)" in local


def test_coordinator_compares_two_municipalities_side_by_side(client, world, banks):
    shared, kalmar, sodertalje = _family(world, banks)
    client.force_login(world.users["superuser"])
    response = client.get(f"{shared.url}jamfor/?a={kalmar.pk}&b={sodertalje.pk}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Jämför versioner av ”Skolstart (gemensam)”" in html
    assert '<tr class="diff-equal">' in html
    # Screen readers hear what changed, not just the colour.
    removed = (
        '<del><span class="visually-hidden">Borttaget: </span>2. Ordna tolk via Kalmarsund</del>'
    )
    added = '<ins><span class="visually-hidden">Tillagt: </span>3. Informera god man</ins>'
    assert removed in html and added in html
    assert re.search(r"\d+ rader skiljer sig\.", html)


def test_compare_refuses_pages_outside_the_family_or_the_readers_reach(client, world, banks):
    shared, kalmar, sodertalje = _family(world, banks)
    stranger = add_routine(banks["A"], title="Annan")
    client.force_login(world.users["staff of A"])
    assert client.get(f"{shared.url}jamfor/?a={shared.pk}&b={stranger.pk}").status_code == 404
    # Staff of A cannot read Södertälje's version, so it cannot be compared either.
    assert client.get(f"{shared.url}jamfor/?a={shared.pk}&b={sodertalje.pk}").status_code == 404
    assert client.get(f"{shared.url}jamfor/?a=x").status_code == 404
    ok = client.get(f"{shared.url}jamfor/?a={shared.pk}&b={kalmar.pk}")
    assert ok.status_code == 200 and "2. Ordna tolk via Kalmarsund</ins>" in ok.content.decode()
