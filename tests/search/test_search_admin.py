"""The search's admin: synonyms for portal administrators, the zero-result report for
editors; neither for anyone else."""

import datetime

from django.contrib.auth.models import Group

from portal.access import PORTAL_ADMINS_GROUP
from search.models import Synonym, ZeroResultSearch
from search.service import search
from tests.factories import UserFactory

SYNONYMS = "/admin/snippets/search/synonym/"
REPORT = "/admin/reports/searches-without-results/"


def test_portal_administrators_edit_synonyms_and_nobody_else(client, world):
    coordinator = UserFactory(
        email="samordnare@example.se", groups=[Group.objects.get(name=PORTAL_ADMINS_GROUP)]
    )
    client.force_login(coordinator)
    listing = client.get(SYNONYMS)
    assert listing.status_code == 200
    assert "EKB, ensamkommande barn" in listing.content.decode()  # the starting list
    response = client.post(SYNONYMS + "add/", {"words": "KBT, kognitiv beteendeterapi"})
    assert response.status_code == 302
    assert Synonym.objects.filter(words="KBT, kognitiv beteendeterapi").exists()

    client.cookies.clear()  # the coordinator's "saved" message stays behind otherwise
    client.force_login(world.users["editor of A"])
    assert client.get(SYNONYMS).status_code in (302, 403, 404)
    assert client.post(SYNONYMS + "add/", {"words": "X, Y"}).status_code in (302, 403, 404)
    assert not Synonym.objects.filter(words="X, Y").exists()
    assert SYNONYMS not in client.get("/admin/").content.decode()


def test_editors_read_the_searches_that_found_nothing(client, world):
    search(world.users["staff of A"], "vinterdäck")
    search(world.users["staff of B"], "vinterdäck")
    ZeroResultSearch.objects.create(week=datetime.date(2020, 1, 6), query="gammal sökning", count=9)
    client.force_login(world.users["editor of A"])
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "vinterdäck" in html and "gammal sökning" not in html  # older than 12 weeks
    assert "staff.a@example.se" not in html  # no one's identity is kept
    client.force_login(world.users["staff of A"])
    assert client.get(REPORT).status_code in (302, 403)
