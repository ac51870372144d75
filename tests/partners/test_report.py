"""The admin report of organisations not checked for twelve months."""

import datetime

from django.contrib.auth.models import Permission

from partners.reports import stale_organisations, stale_since
from tests.factories import UserFactory
from tests.partners.factories import organisation

URL = "/admin/reports/partners-to-check/"


def _setup():
    today = datetime.date(2026, 11, 25)
    organisation("Aldrig kontrollerad")
    organisation("Gammal", checked_on=datetime.date(2025, 11, 24))
    organisation("Precis ett år", checked_on=datetime.date(2025, 11, 25))
    organisation("Färsk", checked_on=datetime.date(2026, 6, 1))
    return today


def test_stale_means_not_checked_for_twelve_months(db):
    today = _setup()
    assert [o.name for o in stale_organisations(today)] == ["Aldrig kontrollerad", "Gammal"]
    assert stale_since(datetime.date(2028, 2, 29)) == datetime.date(2027, 2, 28)


def test_report_lists_stale_partners_for_editors(client, world):
    _setup()
    client.force_login(world.users["superuser"])
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Samverkansparter att kontrollera" in html
    assert "Aldrig kontrollerad" in html and "Gammal" in html
    assert "Färsk" not in html
    # The menu under Reports links to it.
    assert URL in client.get("/admin/").content.decode()
    # And it exports like Wagtail's own reports.
    export = client.get(URL, {"export": "csv"})
    assert export.status_code == 200
    assert "Gammal" in b"".join(export.streaming_content).decode("utf-8")


def test_report_needs_permission_to_change_partners(client, world):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(URL).status_code in (302, 403)
    assert URL not in client.get("/admin/").content.decode()
