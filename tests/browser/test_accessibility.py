"""Accessible on every screen (issue 12): every page type of the demo, as a visitor, a staff
member, a partner user and an editor, at 1280 and 375 px, in real Chromium: zero axe-core
violations at WCAG 2.0/2.1 A and AA, and nothing wider than the screen, there and at 320 px
(WCAG 1.4.10 Reflow: no sideways scrolling at 320 CSS px). Then the keyboard
journeys: skip link, the phone menu, logging in, filtering the knowledge bank, a routine.

axe-core comes from the `axe-playwright-python` package; the page's CSP, which forbids
injected scripts, is bypassed in these browser contexts only.
"""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command

from portal.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 375)
# Reflow is checked at 320 px as well; axe's answers there are those at 375 px, so it is not
# run a third time (the journey is the suite's slowest already).
REFLOW_WIDTH = 320
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
USERS = {
    "visitor": None,
    "staff": "personal.kalmar@demo.samverkan.se",
    "partner": "partner.lernia@demo.samverkan.se",
    "editor": "redaktor.kalmar@demo.samverkan.se",
}
# Set to a folder to keep screenshots of the phone header, the directory and an agreement.
SCREENSHOTS = os.environ.get("PORTAL_SCREENSHOTS")


def _page_types():
    """One address of every page type the demo has."""
    from django.contrib.auth import get_user_model

    from goals.models import GoalPage
    from knowledge.models import AgreementPage, GuidePage, KnowledgeIndexPage, RoutinePage
    from news.models import NewsIndexPage, NewsPostPage, Testimonial, TestimonialIndexPage
    from partners.models import PartnerOrganisation
    from partners.models.directory_page import PartnerDirectoryPage
    from portal.models import (
        AccessibilityStatementPage,
        ContentPage,
        MunicipalitySectionPage,
        PrivacyPage,
        SharedSpacePage,
    )
    from subscriptions.tokens import make_token

    def first(model, **filters):
        return model.objects.live().filter(**filters).order_by("path").first()

    directory = first(PartnerDirectoryPage)
    shared_routine = RoutinePage.objects.filter(local_versions__isnull=False).first()
    staff = get_user_model().objects.get(email=USERS["staff"])
    return {
        "home": "/",
        "content page": first(ContentPage, depth=3).url,
        "accessibility statement": first(AccessibilityStatementPage).url,
        "personal data and cookies": first(PrivacyPage).url,
        "login": "/konto/login/",
        "municipality section": first(MunicipalitySectionPage, slug="kalmar").url,
        "page in a section": first(ContentPage, url_path__startswith="/start/kalmar/").url,
        "shared space": first(SharedSpacePage).url,
        "knowledge bank": first(KnowledgeIndexPage, url_path__startswith="/start/kalmar/").url,
        "knowledge bank, filtered": first(
            KnowledgeIndexPage, url_path__startswith="/start/kalmar/"
        ).url
        + "?type=routine&status=current",
        "routine": first(RoutinePage, url_path__startswith="/start/kalmar/").url,
        # knowledge/demo_acknowledgements.py: asks Kalmar's staff to read and confirm it.
        "routine to confirm": first(RoutinePage, slug="brandskydd-hvb").url,
        "agreement": first(AgreementPage, url_path__startswith="/start/kalmar/").url,
        "guide": first(GuidePage).url,
        "compare view": shared_routine.url + "jamfor/",
        "goal": first(GoalPage, url_path__startswith="/start/kalmar/").url,
        "goal comparison": first(GoalPage, slug="mal-vag-till-arbete-eller-studier").url
        + "jamforelse/",
        "partner directory": directory.url,
        "partner directory, filtered": directory.url + "?q=a",
        "organisation": directory.url
        + PartnerOrganisation.objects.order_by("name").first().slug
        + "/",
        "news": first(NewsIndexPage, depth=3).url,
        "news, one month": first(NewsIndexPage, depth=3).url + "arkiv/2025/9/",
        "news in a section": first(NewsIndexPage, url_path__startswith="/start/kalmar/").url,
        "news post": first(NewsPostPage, slug="granskning-rutiner-host").url,
        "film post": first(NewsPostPage, slug="film-textning").url,
        "film post, external": first(NewsPostPage, slug="film-fran-vimeo").url,
        "testimonials": first(TestimonialIndexPage).url,
        "testimonial": first(TestimonialIndexPage).url
        + f"{Testimonial.objects.order_by('pk').first().pk}/",
        "my account": "/konto/mitt-konto/",
        "personal news feed": "/konto/nyhetsflode/",
        "subscriptions": "/bevakningar/",
        "notifications": "/bevakningar/nytt/",
        "unsubscribe": f"/bevakningar/avsluta/{make_token(staff)}/",
        "sessions": "/konto/sessions/",
        "two-step verification": "/konto/2fa/",
        "search": "/sok/",
        "search results": "/sok/?q=skola",
        "missing page": "/finns-inte/",
    }


def _log_in(page, base, email):
    page.goto(f"{base}/konto/login/")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()


def _sideways_scroll(page):
    """What the reader would have to scroll sideways, if anything."""
    scroll_width, client_width = page.evaluate(
        "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
    )
    if scroll_width > client_width:
        return [f"scrolls sideways: {scroll_width} px wide in {client_width} px"]
    return []


def _problems_on(page, axe):
    problems = []
    # axe is injected once per page load (both widths check the same document), and
    # reports violations only: the passes it would list too are never read.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe.axe_script)
    results = page.evaluate(
        "options => axe.run(document, options)",
        {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    for violation in results["violations"]:
        targets = [node["target"] for node in violation["nodes"]][:3]
        problems.append(f"axe {violation['id']}: {violation['help']} {targets}")
    return problems + _sideways_scroll(page)


def test_every_page_type_passes_axe_and_fits_at_every_width(browser, live_server):
    from axe_playwright_python.sync_playwright import Axe

    call_command("seed_demo", stdout=io.StringIO())
    urls = _page_types()
    axe = Axe()
    problems, checked = [], 0
    for who, email in USERS.items():
        context = browser.new_context(locale="sv-SE", bypass_csp=True)
        page = context.new_page()
        page.set_default_timeout(15_000)
        if email:
            _log_in(page, live_server.url, email)
        seen = set()
        for name, url in urls.items():
            page.set_viewport_size({"width": WIDTHS[0], "height": 900})
            page.goto(f"{live_server.url}{url}")
            landed = page.url.split("?next=")[0]
            if landed in seen and landed != f"{live_server.url}{url}":
                continue  # a refusal or a redirect already checked for this user
            seen.add(landed)
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                checked += 1
                problems += [f"{who} · {name} · {width}px: {p}" for p in _problems_on(page, axe)]
            if SCREENSHOTS and who == "staff" and name in ("partner directory", "agreement"):
                path = Path(SCREENSHOTS) / f"375-{name.replace(' ', '-')}.png"
                page.screenshot(path=str(path), full_page=True)
            page.set_viewport_size({"width": REFLOW_WIDTH, "height": 900})
            problems += [f"{who} · {name} · {REFLOW_WIDTH}px: {p}" for p in _sideways_scroll(page)]
        context.close()
    assert checked > 100
    assert not problems, "\n".join(problems)


def test_phone_header_is_short_and_opens_with_the_keyboard(browser, live_server, world):
    context = browser.new_context(locale="sv-SE", viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    header = page.locator(".site-header")
    assert header.bounding_box()["height"] <= 72
    assert not header.get_by_role("link", name="Logga in").is_visible()
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / "375-phone-header.png"))

    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.textContent") == "Hoppa till innehållet"
    page.keyboard.press("Tab")  # the brand
    page.keyboard.press("Tab")  # the menu button
    menu = page.get_by_role("button", name="Meny")
    assert menu.evaluate("button => button === document.activeElement")
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Logga in"
    page.keyboard.press("Enter")
    page.wait_for_url("**/konto/login/**")
    context.close()


def test_keyboard_user_logs_in_filters_the_bank_and_opens_a_routine(browser, live_server, world):
    from tests.factories import PASSWORD
    from tests.knowledge.factories import add_index, add_routine, topic

    bank = add_index(world.content["A's section"], title="Kalmars kunskapsbank", slug="kb")
    add_routine(bank, title="Skolstart", topics=[topic("Skola")])
    add_routine(bank, title="Läkarbesök", topics=[topic("Hälsa")])
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.goto(f"{live_server.url}{bank.url}")  # a visitor is asked to log in first
    page.get_by_label("E-post").focus()
    page.keyboard.type("staff.a@example.se")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{bank.url}")

    page.get_by_label("Ämne", exact=True).focus()
    page.keyboard.press("ArrowDown")  # the first topic after "Alla": Hälsa
    page.keyboard.press("ArrowDown")  # Skola
    page.get_by_role("button", name="Filtrera").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**topic=skola**")
    link = page.locator(".kb-list").last.get_by_role("link", name="Skolstart")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Skolstart"
    context.close()
