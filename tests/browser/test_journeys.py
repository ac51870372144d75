"""The main journeys, in a real browser: a staff member logs in and finds their section;
a partner user sees only their shared space; keyboard users can skip to the content."""

import pytest

from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _show_in_menu(*pages):
    for page in pages:
        page.show_in_menus = True
        page.save_revision().publish()


def _log_in(page, live_server, email, next_url="/"):
    page.goto(f"{live_server.url}{next_url}")
    page.get_by_role("link", name="Logga in").first.click()
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()


def test_staff_member_logs_in_and_reaches_their_section(page, live_server, world):
    _show_in_menu(world.content["A's section"], world.content["B's section"])
    _log_in(page, live_server, "staff.a@example.se")

    nav = page.get_by_role("navigation", name="Huvudmeny")
    nav.get_by_role("link", name="Kalmar kommun").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Kalmar kommun"
    assert nav.get_by_role("link", name="Södertälje kommun").count() == 0
    assert "Kalmar kommun" in page.locator("header").inner_text()


def test_restricted_link_sends_visitor_to_login_and_back(page, live_server, world):
    deep = world.content["page deep under A"]
    page.goto(f"{live_server.url}{deep.url}")
    assert page.get_by_role("heading", level=1).inner_text() == "Logga in"
    page.get_by_label("E-post").fill("staff.a@example.se")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    assert page.get_by_role("heading", level=1).inner_text() == deep.title


def test_partner_user_sees_only_their_shared_space(page, live_server, world):
    _show_in_menu(world.content["A's section"], world.content["shared space A + partner"])
    _log_in(page, live_server, "partner@example.se")
    nav = page.get_by_role("navigation", name="Huvudmeny")
    assert nav.get_by_role("link").all_inner_texts() == ["Samverkan Kalmar–Lernia"]
    section_url = world.content["A's section"].url
    response = page.goto(f"{live_server.url}{section_url}")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Sidan hittades inte"


def test_keyboard_user_can_skip_to_content(page, live_server, world):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Hoppa till innehållet")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
