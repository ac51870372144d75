"""The portal's search in real Chromium: a member picks a suggestion from the header's box
with the keyboard, and the search page (help, results, the open list of suggestions) has
no axe-core violations at 1280 and 375 px, nor anything wider than the screen."""

import pytest

from tests.browser.test_accessibility import _problems_on
from tests.factories import PASSWORD, add_page
from tests.knowledge.factories import add_index, add_routine, topic

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 375)


def _log_in(page, base, email):
    page.goto(f"{base}/konto/login/")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()


def test_a_member_picks_a_suggestion_and_the_search_page_passes_axe(browser, live_server, world):
    from axe_playwright_python.sync_playwright import Axe

    school = topic("Skola")
    bank = add_index(world.content["A's section"], title="Kalmars kunskapsbank", slug="kb")
    add_routine(
        bank,
        title="Skolskjuts vid flytt",
        summary="Skolskjuts när en elev flyttar.",
        topics=[school],
    )
    add_routine(bank, title="Skolstart för nyanlända", topics=[school])
    add_page(None, title="Skolans samverkan", slug="skolans-samverkan")
    context = browser.new_context(locale="sv-SE", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)

    problems = []
    axe = Axe()
    page.goto(f"{live_server.url}/sok/")  # a visitor: the help
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        problems += [f"visitor · help · {width}px: {p}" for p in _problems_on(page, axe)]

    _log_in(page, live_server.url, "staff.a@example.se")
    page.goto(f"{live_server.url}/sok/?q=skolskjuts&amne={school.pk}")
    assert page.get_by_role("heading", name="1 träff").is_visible()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        problems += [f"member · results · {width}px: {p}" for p in _problems_on(page, axe)]
        # The page's own box, its suggestions open.
        box = page.get_by_role("combobox", name="Vad letar du efter?")
        box.fill("")
        box.press_sequentially("skol")
        page.get_by_role("listbox", name="Förslag").wait_for()
        problems += [f"member · suggestions · {width}px: {p}" for p in _problems_on(page, axe)]
        box.press("Escape")
    assert not problems, "\n".join(problems)

    # The header's box on any page: type, arrow down, Enter.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/")
    box = page.get_by_role("combobox", name="Sök i portalen")
    assert box.get_attribute("aria-expanded") == "false"
    box.press_sequentially("skol")
    listbox = page.get_by_role("listbox", name="Förslag")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == listbox.get_attribute("id")
    options = listbox.get_by_role("option")
    count = options.count()
    assert count >= 3
    assert (
        page.locator('.has-suggestions [role="status"]')
        .first.inner_text()
        .startswith(f"{count} förslag")
    )
    box.press("ArrowDown")
    first = options.first
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    title = first.locator(".suggestion-title").inner_text()
    box.press("Enter")
    page.wait_for_function("document.location.pathname !== '/'")
    assert page.get_by_role("heading", level=1).inner_text() == title
    context.close()
