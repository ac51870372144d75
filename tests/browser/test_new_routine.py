"""In a real browser (Wagtail's JavaScript): a new routine's address is ASCII, and a
routine that cannot be published shows one error, no "Saved", and leaves no draft."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from knowledge.models import RoutinePage
from tests.knowledge.factories import add_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_new_routine_gets_an_ascii_slug_and_a_failed_publish_leaves_nothing(
    page, live_server, world
):
    bank = add_index(world.content["A's section"], title="Kalmars kunskapsbank", slug="kb")
    add_url = f"/admin/pages/add/knowledge/routinepage/{bank.pk}/"
    # Logged in as the editor (the log-in journey has tests of its own).
    client = Client()
    client.force_login(world.users["editor of A"])
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}{add_url}")

    # Past the unsaved-changes check's first look (2 s), so typing counts as a change
    # that autosave would otherwise save.
    page.wait_for_timeout(2500)
    page.locator("#id_title").press_sequentially("Rutin för våld i nära relationer")
    page.locator("#id_title").press("Tab")
    # The title is copied to the slug field, transliterated (after a short debounce).
    expect(page.locator("#id_slug")).to_have_value("rutin-for-vald-i-nara-relationer")
    page.wait_for_timeout(2000)
    assert not RoutinePage.objects.exists()  # nothing created behind the editor's back

    # Publish without a review date: refused.
    page.locator('button[name="action-publish"]').dispatch_event("click")
    page.wait_for_load_state()
    page.wait_for_timeout(2500)  # autosave's interval is half a second
    messages = page.locator(".messages").inner_text()
    assert messages.count("Sidan kunde inte skapas") == 1
    assert "En rutin behöver ett granskningsdatum" in page.content()
    assert not page.get_by_text("Sparad", exact=True).is_visible()
    assert not RoutinePage.objects.exists()
