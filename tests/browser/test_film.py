"""Films in a real browser (Debian's Chromium): the public film page plays the uploaded film
through the access-checked media view (range requests included) with its Swedish captions
track, and an external film contacts its provider only after the visitor's click."""

import time

import pytest
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Collection

from news.demo_films import seed_film
from tests.factories import add_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _wait_until(locator, function, timeout=15):
    """Poll `function` (JavaScript, given the element) until it is true. Playwright's
    wait_for_function evaluates a string, which the site's CSP (rightly) forbids."""
    deadline = time.monotonic() + timeout
    while not locator.evaluate(function):
        assert time.monotonic() < deadline, f"timed out waiting for {function}"
        time.sleep(0.1)


def test_a_visitor_plays_the_public_film_with_its_captions(page, live_server, site_tree):
    film = seed_film(Collection.get_first_root_node())
    film_page = add_page(
        None,
        title="Filmsida",
        slug="filmsida",
        body=[("film", {"film": film, "heading": "Om portalen i fyra bilder"})],
    )
    media_responses = []
    page.on(
        "response",
        lambda r: media_responses.append((r.url, r.status)) if "/media/" in r.url else None,
    )
    page.goto(f"{live_server.url}{film_page.url}")
    video = page.locator("video.film-player")
    assert page.get_by_text("Om portalen i fyra bilder").is_visible()

    # Metadata loads (preload="metadata"), then the film plays muted to the end of a second.
    _wait_until(video, "v => v.readyState >= 1")
    assert video.evaluate("v => Math.round(v.duration)") == 16
    video.evaluate("v => { v.muted = true; return v.play(); }")
    _wait_until(video, "v => v.currentTime > 0.5")

    # The captions track (default, Swedish) loads its cues.
    _wait_until(page.locator("video.film-player track"), "t => t.readyState === 2")
    track = video.evaluate(
        "v => { const t = v.textTracks[0];"
        " return {kind: t.kind, language: t.language, label: t.label, mode: t.mode,"
        " cues: t.cues ? t.cues.length : 0, first: t.cues && t.cues[0].text}; }"
    )
    assert track == {
        "kind": "captions",
        "language": "sv",
        "label": "Svenska",
        "mode": "showing",
        "cues": 4,
        "first": "[Filmen har inget ljud.]\nKvällssol över vattnet vid ett slott med tre torn.",
    }
    # The film came through the portal's media view, answering the player's range requests.
    assert any("/media/media/" in url and status in (200, 206) for url, status in media_responses)
    assert any("/media/media_captions/" in url and status == 200 for url, status in media_responses)

    page.get_by_text("Transkription").click()
    assert page.get_by_text("fyra tecknade bilder i följd", exact=False).is_visible()


def test_an_external_film_contacts_youtube_only_after_the_click(page, live_server, site_tree):
    url = "https://www.youtube.com/watch?v=abcDEF12345"
    Embed.objects.create(
        hash=get_embed_hash(url),
        url=url,
        type="video",
        html='<iframe src="https://www.youtube.com/embed/abcDEF12345?feature=oembed"></iframe>',
        provider_name="YouTube",
        width=480,
        height=270,
    )
    embed_page = add_page(
        None,
        title="Extern film",
        slug="extern-film",
        body=[("embed", {"embed": url, "title": "Film om samverkan", "transcript": ""})],
    )
    third_party = []

    def answer_locally(route):
        third_party.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<p>spelare</p>")

    def route(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            answer_locally(route)

    page.route("**/*", route)
    page.goto(f"{live_server.url}{embed_page.url}")
    button = page.get_by_role("button", name="Spela upp filmen från YouTube")
    button.wait_for()
    assert third_party == []
    assert page.locator("iframe").count() == 0

    button.focus()
    page.keyboard.press("Enter")
    frame = page.locator("iframe.click-to-load-player")
    frame.wait_for()
    assert frame.get_attribute("title") == "Film om samverkan"
    assert frame.get_attribute("src").startswith(
        "https://www.youtube-nocookie.com/embed/abcDEF12345"
    )
    assert frame.evaluate("f => f === document.activeElement")
    _wait_until(frame, "f => true")
    deadline = time.monotonic() + 10
    while not third_party and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert third_party and all(
        u.startswith("https://www.youtube-nocookie.com/") for u in third_party
    )
