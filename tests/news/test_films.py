"""Uploaded and external films: who may fetch a film's file, captions and thumbnail (with
range requests for seeking), the player and the click-to-load placeholder as readers see
them, the CSP, the admin's film chooser and listing, upload checks, and films following the
page that uses them into its section's collection."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Collection

from news.demo_films import CAPTIONS_FILE, FILM_FILE, TITLE, seed_film
from news.models import Film
from portal.access import access_for
from tests.factories import UserFactory, add_page
from tests.news.films import add_film
from tests.shared import shared

FILM_BYTES = FILM_FILE.read_bytes()
SIZE = len(FILM_BYTES)


@shared
def films(world):
    root = Collection.get_first_root_node()
    return {
        "A's film": add_film(world.municipality_a.collection, "Kalmar-film", thumbnail=True),
        "B's film": add_film(world.municipality_b.collection, "Sodertalje-film"),
        "public film": add_film(root, "Allman-film", thumbnail=True),
    }


def _as(client, world, user):
    if user != "anonymous":
        client.force_login(world.users[user])
    return client


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


# --- serving: who gets the bytes ------------------------------------------------------------


@pytest.mark.parametrize("part", ["file", "captions", "thumbnail"])
def test_a_visitor_is_asked_to_log_in_for_a_restricted_films_files(client, world, films, part):
    url = getattr(films["A's film"], part).url
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


@pytest.mark.parametrize("part", ["file", "captions", "thumbnail"])
def test_another_municipalitys_staff_get_the_404_of_a_missing_file(client, world, films, part):
    url = getattr(films["A's film"], part).url
    response = _as(client, world, "staff of B").get(url)
    assert response.status_code == 404
    missing = _as(client, world, "staff of B").get("/media/media/finns-inte.webm")
    assert missing.status_code == 404


def test_a_missing_film_address_asks_a_visitor_to_log_in_like_a_restricted_one(client, world):
    response = client.get("/media/media_captions/finns-inte.vtt")
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")


def test_the_right_reader_gets_the_whole_film_privately(client, world, films):
    response = _as(client, world, "staff of A").get(films["A's film"].file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "video/webm"
    assert response["Accept-Ranges"] == "bytes"
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert _body(response) == FILM_BYTES


def test_captions_are_served_as_webvtt(client, world, films):
    response = _as(client, world, "staff of A").get(films["A's film"].captions.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    assert "private" in response["Cache-Control"]
    assert _body(response) == CAPTIONS_FILE.read_bytes()


def test_a_restricted_film_is_private_even_for_its_portal_administrator(client, world, films):
    response = _as(client, world, "superuser").get(films["A's film"].file.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_a_public_film_may_be_kept_for_visitors_and_not_for_logged_in_readers(client, world, films):
    url = films["public film"].file.url
    response = client.get(url)
    assert response.status_code == 200
    assert "max-age=3600" in response["Cache-Control"]
    assert "private" not in response["Cache-Control"]
    logged_in = _as(client, world, "staff of B").get(url)
    assert logged_in.status_code == 200
    assert "private" in logged_in["Cache-Control"] and "no-store" in logged_in["Cache-Control"]


# --- range requests -------------------------------------------------------------------------


RANGES = [
    ("bytes=0-99", 0, 99),
    ("bytes=100-", 100, SIZE - 1),
    ("bytes=-50", SIZE - 50, SIZE - 1),
    ("bytes=0-0", 0, 0),
    (f"bytes=10-{SIZE + 500}", 10, SIZE - 1),  # past the end: up to the end
    (f"bytes=-{SIZE * 2}", 0, SIZE - 1),  # a suffix longer than the file: all of it
]


def test_a_range_of_a_restricted_film_is_answered_for_the_right_reader(client, world, films):
    reader = _as(client, world, "staff of A")
    for header, first, last in RANGES:
        response = reader.get(films["A's film"].file.url, HTTP_RANGE=header)
        assert response.status_code == 206, header
        assert response["Content-Range"] == f"bytes {first}-{last}/{SIZE}"
        assert response["Content-Length"] == str(last - first + 1)
        assert response["Accept-Ranges"] == "bytes"
        assert response["Content-Type"] == "video/webm"
        assert "private" in response["Cache-Control"]
        assert _body(response) == FILM_BYTES[first : last + 1]


def test_a_range_of_a_restricted_film_is_refused_to_others(client, world, films):
    url = films["A's film"].file.url
    assert client.get(url, HTTP_RANGE="bytes=0-99").status_code == 302
    refused = _as(client, world, "staff of B").get(url, HTTP_RANGE="bytes=0-99")
    assert refused.status_code == 404


def test_an_unsatisfiable_range_gets_416_with_the_size(client, world, films):
    reader = _as(client, world, "staff of A")
    for header in (f"bytes={SIZE}-", f"bytes={SIZE + 10}-{SIZE + 20}", "bytes=-0"):
        response = reader.get(films["A's film"].file.url, HTTP_RANGE=header)
        assert response.status_code == 416, header
        assert response["Content-Range"] == f"bytes */{SIZE}"


def test_a_malformed_range_gets_the_whole_film(client, world, films):
    reader = _as(client, world, "staff of A")
    for header in ("bytes=abc", "bytes=9-3", "bytes=0-1,5-6", "items=0-5", "bytes=-", "bytes 0-5"):
        response = reader.get(films["A's film"].file.url, HTTP_RANGE=header)
        assert response.status_code == 200, header
        assert _body(response) == FILM_BYTES


def test_a_range_with_if_range_gets_the_whole_film(client, world, films):
    response = _as(client, world, "staff of A").get(
        films["A's film"].file.url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"abc"'
    )
    assert response.status_code == 200
    assert _body(response) == FILM_BYTES


def test_a_public_films_range_is_served_to_visitors(client, world, films):
    response = client.get(films["public film"].file.url, HTTP_RANGE="bytes=-10")
    assert response.status_code == 206
    assert _body(response) == FILM_BYTES[-10:]


# --- the access module -----------------------------------------------------------------------


def test_films_follow_their_collections_privacy(world, films):
    expected = {
        "anonymous": {"public film"},
        "staff of A": {"public film", "A's film"},
        "staff of B": {"public film", "B's film"},
        "partner user": {"public film"},
        "superuser": {"public film", "A's film", "B's film"},
    }
    for user, names in expected.items():
        access = access_for(world.users[user])
        visible = set(access.visible(Film.objects.all()))
        assert visible == {films[name] for name in names}, user
        assert {name for name, film in films.items() if access.can_view(film)} == names, user


def test_checking_many_films_costs_no_query_per_film(world, films):
    access = access_for(world.users["staff of B"])
    access.can_view(films["public film"])  # the rule's records, read once
    with CaptureQueriesContext(connection) as queries:
        answers = [access.can_view(film) for film in films.values()]
    assert answers == [False, True, True]
    assert len(queries) == 0


# --- the player -------------------------------------------------------------------------------


def _film_page(film, **fields):
    return add_page(
        None,
        title="Filmsida",
        slug="filmsida",
        body=[("film", {"film": film, "heading": "Så arbetar vi i Kalmar"})],
        **fields,
    )


@pytest.mark.parametrize("user", ["staff of A", "editor of A", "superuser"])
def test_the_player_shows_a_restricted_film_to_its_readers(client, world, films, user):
    film = films["A's film"]
    page = _film_page(film)
    html = _as(client, world, user).get(page.url).content.decode()
    assert '<video class="film-player" controls preload="metadata"' in html
    assert f'<source src="{film.file.url}" type="video/webm">' in html
    assert (
        f'<track kind="captions" src="{film.captions.url}" srclang="sv" label="Svenska" default>'
        in html
    )
    assert f'poster="{film.thumbnail.url}"' in html
    assert "Så arbetar vi i Kalmar" in html
    assert "<summary>Transkription</summary>" in html
    assert "Berättare: hej." in html


@pytest.mark.parametrize("user", ["anonymous", "staff of B", "partner user"])
def test_the_player_shows_nothing_of_a_film_the_reader_may_not_see(client, world, films, user):
    page = _film_page(films["A's film"])
    response = _as(client, world, user).get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<video" not in html and "<track" not in html
    assert "Kalmar-film" not in html and "Så arbetar vi i Kalmar" not in html
    assert "Berättare: hej." not in html and "/media/" not in html


def test_a_public_film_plays_for_visitors_without_a_thumbnail_or_transcript(client, world):
    film = add_film(Collection.get_first_root_node(), "Kort-film", transcript="")
    html = client.get(_film_page(film).url).content.decode()
    assert "<video" in html and 'srclang="sv"' in html
    assert "poster=" not in html and "<summary>" not in html


# --- external films: click to load -------------------------------------------------------------

YOUTUBE_URL = "https://www.youtube.com/watch?v=abcDEF12345"
VIMEO_URL = "https://vimeo.com/76979871"


def _cached_embed(url, provider, iframe_src):
    """What the oEmbed finder would have stored: the page reads this row, never the net."""
    return Embed.objects.create(
        hash=get_embed_hash(url),
        url=url,
        type="video",
        html=f'<iframe width="480" height="270" src="{iframe_src}" title="x"></iframe>',
        provider_name=provider,
        thumbnail_url="https://i.ytimg.com/vi/abcDEF12345/hqdefault.jpg",
        width=480,
        height=270,
    )


def _embed_page(url, title="Film om samverkan"):
    return add_page(
        None,
        title="Extern film",
        slug="extern-film",
        body=[("embed", {"embed": url, "title": title, "transcript": "Två röster berättar."})],
    )


@pytest.mark.parametrize(
    ("url", "provider", "src", "player"),
    [
        (
            YOUTUBE_URL,
            "YouTube",
            "https://www.youtube.com/embed/abcDEF12345?feature=oembed",
            "https://www.youtube-nocookie.com/embed/abcDEF12345?feature=oembed&amp;autoplay=1",
        ),
        (
            VIMEO_URL,
            "Vimeo",
            "https://player.vimeo.com/video/76979871?app_id=122963",
            "https://player.vimeo.com/video/76979871?app_id=122963&amp;autoplay=1&amp;dnt=1",
        ),
    ],
)
def test_an_external_film_loads_nothing_from_its_provider_before_a_click(
    client, world, url, provider, src, player
):
    _cached_embed(url, provider, src)
    response = client.get(_embed_page(url).url)
    html = response.content.decode()
    sources = re.findall(r'\ssrc(?:set)?="([^"]*)"', html)
    assert sources and all(s.startswith("/") for s in sources), sources
    assert "<iframe" not in html and "ytimg" not in html
    assert f'data-player-url="{player}"' in html
    assert f"Spela upp filmen från {provider}" in html
    assert f"Filmen spelas upp från {provider}, som kan sätta kakor" in html
    assert f'<a href="{url}">Se filmen på {provider}</a>' in html
    assert "Film om samverkan" in html and "Två röster berättar." in html
    assert '<script src="/static/js/click-to-load.js" defer></script>' in html


def test_an_embed_from_another_host_gets_only_a_link(client, world):
    url = "https://video.example.se/v/42"
    _cached_embed(url, "Exempel", "https://video.example.se/embed/42")
    html = client.get(_embed_page(url).url).content.decode()
    assert "data-player-url" not in html and "Spela upp filmen" not in html
    assert f'<a href="{url}">Se filmen på Exempel</a>' in html


def test_the_csp_allows_frames_from_exactly_youtube_nocookie_and_vimeo(client, world):
    response = client.get(world.content["public page"].url)
    directives = dict(
        d.strip().split(" ", 1) for d in response["Content-Security-Policy"].split(";") if d.strip()
    )
    assert set(directives["frame-src"].split()) == {
        "'self'",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    }


# --- the admin -------------------------------------------------------------------------------


@shared
def editors(world):
    editor_b = UserFactory(email="editor.b@example.se", groups=[world.municipality_b.editors_group])
    return {"editor of A": world.users["editor of A"], "editor of B": editor_b}


def _admin_html(response):
    import json

    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return json.loads(response.content)["html"]
    return response.content.decode()


def test_the_film_chooser_and_listing_show_only_the_editors_own_films(
    client, world, films, editors
):
    client.force_login(editors["editor of A"])
    for url, params in [
        ("/admin/media/chooser/", {}),
        ("/admin/media/chooser/video/", {}),
        ("/admin/media/chooser/", {"q": "film"}),
        ("/admin/media/chooser/", {"p": "1"}),
        ("/admin/media/", {}),
        ("/admin/media/", {"q": "film"}),
    ]:
        html = _admin_html(client.get(url, params))
        assert "Kalmar-film" in html, url
        assert "Sodertalje-film" not in html, url


def test_another_municipalitys_film_cannot_be_chosen_edited_or_looked_up(
    client, world, films, editors
):
    client.force_login(editors["editor of A"])
    b_film = films["B's film"]
    assert client.get(f"/admin/media/chooser/{b_film.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/media/edit/{b_film.pk}/").status_code in (302, 403)
    usage = client.get(f"/admin/media/usage/{b_film.pk}/")
    assert usage.status_code == 404 and "Sodertalje-film" not in usage.content.decode()
    a_film = films["A's film"]
    own = client.get(f"/admin/media/usage/{a_film.pk}/")
    assert own.status_code == 200 and "Kalmar-film" in own.content.decode()


def _upload(client, **overrides):
    data = {
        "title": "Ny film",
        "file": SimpleUploadedFile("ny.webm", FILM_BYTES, content_type="video/webm"),
        "captions": SimpleUploadedFile("ny.vtt", CAPTIONS_FILE.read_bytes(), "text/vtt"),
        "captions_language": "sv",
        "transcript": "Text.",
        "duration": "4",
        "width": "",
        "height": "",
        "tags": "",
    }
    data.update(overrides)
    return client.post("/admin/media/video/add/", data)


def test_an_editor_uploads_a_film_into_their_municipalitys_collection(client, world, editors):
    client.force_login(editors["editor of A"])
    response = _upload(client)
    assert response.status_code == 302, response.content.decode()[:2000]
    film = Film.objects.get(title="Ny film")
    assert film.collection == world.municipality_a.collection
    assert film.captions.name.endswith(".vtt")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"file": SimpleUploadedFile("ny.exe", b"MZ\x90\x00", "application/octet-stream")},
            "Filmer av typen",
        ),
        (
            {"file": SimpleUploadedFile("ny.avi", FILM_BYTES, "video/x-msvideo")},
            "Filmer av typen",
        ),
        (
            {"captions": SimpleUploadedFile("ny.vtt", b"1\n00:00:00.000 --> 00:00:01.000\nHej\n")},
            "inte en WebVTT-fil",
        ),
        (
            {"captions": SimpleUploadedFile("ny.vtt", b"WEBVTTX\n\n")},
            "inte en WebVTT-fil",
        ),
        (
            {"captions": SimpleUploadedFile("ny.srt", b"1\n00:00:00,000 --> 00:00:01,000\nHej\n")},
            "WebVTT",
        ),
    ],
)
def test_a_bad_upload_gets_a_clear_form_error(client, world, editors, overrides, message):
    client.force_login(editors["editor of A"])
    response = _upload(client, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Film.objects.filter(title="Ny film").exists()


def test_a_film_over_the_size_limit_is_refused(client, world, editors, settings):
    settings.PORTAL_FILM_MAX_UPLOAD_SIZE = 1000
    client.force_login(editors["editor of A"])
    response = _upload(client)
    assert response.status_code == 200
    assert "högst 1000" in response.content.decode()
    assert not Film.objects.filter(title="Ny film").exists()


def test_a_webvtt_file_with_a_byte_order_mark_is_accepted(client, world, editors):
    client.force_login(editors["editor of A"])
    captions = SimpleUploadedFile("ny.vtt", b"\xef\xbb\xbfWEBVTT\n\n00:00.000 --> 00:01.000\nHej\n")
    assert _upload(client, captions=captions).status_code == 302


# --- films follow the page ---------------------------------------------------------------------


def test_a_public_film_used_on_a_restricted_page_becomes_as_restricted_as_the_page(world):
    film = add_film(Collection.get_first_root_node(), "Flyttas")
    assert access_for(None).can_view(film)
    add_page(
        world.content["A's section"],
        title="Kalmars filmsida",
        slug="kalmars-filmsida",
        body=[("film", {"film": film, "heading": ""})],
    )
    film.refresh_from_db()
    assert film.collection == world.municipality_a.collection
    assert not access_for(None).can_view(Film.objects.get(pk=film.pk))
    assert not access_for(world.users["staff of B"]).can_view(film)
    assert access_for(world.users["staff of A"]).can_view(film)


# --- the demo film ------------------------------------------------------------------------------


def test_the_demo_film_is_small_swedish_and_seeded_once(db):
    assert FILM_BYTES[:4] == b"\x1a\x45\xdf\xa3"  # Matroska/WebM
    assert SIZE < 200 * 1024
    captions = CAPTIONS_FILE.read_text(encoding="utf-8")
    assert captions.startswith("WEBVTT") and captions.count("-->") >= 2
    root = Collection.get_first_root_node()
    film = seed_film(root)
    assert seed_film(root) == film and Film.objects.filter(title=TITLE).count() == 1
    assert film.captions_language == "sv" and "Samverkansportalen" in film.transcript
    assert film.file.read() == FILM_BYTES
