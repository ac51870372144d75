"""Markup that screen readers rely on (issue 12), checked without a browser: every
`aria-describedby` names an element that exists, messages are a status region around a
list, and wide tables are scrollable regions a keyboard can reach."""

import re

import pytest

from tests.factories import PASSWORD
from tests.knowledge.factories import add_index

# Markup does not depend on the database engine.
pytestmark = pytest.mark.once


def _described_but_missing(html):
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    described = {
        ref for refs in re.findall(r'aria-describedby="([^"]+)"', html) for ref in refs.split()
    }
    return described - ids


def test_login_errors_and_help_are_tied_to_their_fields(client, world):
    response = client.post("/konto/login/", {"login": "staff.a@example.se", "password": ""})
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'id="id_password_error"' in html
    assert not _described_but_missing(html)


def test_filter_and_account_form_errors_are_tied_to_their_fields(client, world):
    index = add_index(world.content["A's section"], title="Kalmars kunskapsbank", slug="kb")
    client.force_login(world.users["staff of A"])
    html = client.get(index.url, {"topic": "finns-inte"}).content.decode()
    assert 'id="id_topic_error"' in html and not _described_but_missing(html)
    html = client.post("/konto/mitt-konto/", {"first_name": "x" * 500}).content.decode()
    assert "_error" in html and not _described_but_missing(html)


def test_messages_are_a_list_inside_a_status_region(client, world):
    client.post("/konto/login/", {"login": "staff.a@example.se", "password": PASSWORD})
    html = client.get("/").content.decode()
    assert re.search(r'<div role="status">\s*<ul class="messages">', html)
    assert '<ul class="messages" role="status">' not in html


@pytest.mark.parametrize("who", ["staff of A"])
def test_the_session_table_is_a_scrollable_region(client, world, who):
    client.force_login(world.users[who])
    html = client.get("/konto/sessions/").content.decode()
    assert re.search(
        r'<div class="table-wrap" role="region" tabindex="0" aria-label="[^"]+">', html
    )


def test_every_page_links_to_the_accessibility_statement(client, world):
    from portal.models import AccessibilityStatementPage
    from tests.factories import add_page

    statement = add_page(
        None,
        model=AccessibilityStatementPage,
        title="Tillgänglighetsredogörelse",
        slug="tillganglighet",
        report_email="tillganglighet@example.se",
        assessed_on="2026-11-27",
    )
    for url in ("/", world.content["public page"].url, "/konto/login/"):
        html = client.get(url).content.decode()
        assert f'<a href="{statement.url}">Tillgänglighetsredogörelse</a>' in html
    html = client.get(statement.url).content.decode()
    assert "Rapportera brister" in html and "digg.se" in html
