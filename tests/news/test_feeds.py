"""The news feeds: a news index's RSS and Atom hold what a visitor may read, whoever asks;
a member's personal feed holds exactly what that member may read; feed links and Open
Graph tags appear only where a visitor could follow them."""

import datetime
import re
import xml.etree.ElementTree as ET
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Collection

from news.models import FeedToken, NewsPostPage
from tests.factories import add_image, add_page
from tests.news.feed_content import NEVER_PUBLIC, make_news
from tests.shared import shared

ATOM = "{http://www.w3.org/2005/Atom}"


@shared
def news(world):
    return make_news(world)


def _rss_items(response):
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own response)
    return channel, channel.findall("item")


def _atom_entries(response):
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return root, root.findall(f"{ATOM}entry")


def test_rss_of_the_public_index_holds_only_public_posts(client, world, news):
    indexes, posts = news
    response = client.get("/nyheter/rss/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    channel, items = _rss_items(response)
    assert channel.findtext("title") == "Nyheter – Samverkansportalen"

    titles = [item.findtext("title") for item in items]
    assert titles == ["Öppen nyhet", "Äldre öppen nyhet"]  # newest first
    for kind in NEVER_PUBLIC:
        assert posts[kind].title not in titles

    item = items[0]
    assert item.findtext("link") == "http://testserver/nyheter/oppen-nyhet/"
    assert item.findtext("description") == "Ingress till Öppen nyhet & mer."
    assert "Anna Andersson" in item.findtext("author", "") + item.findtext(
        "{http://purl.org/dc/elements/1.1/}creator", ""
    )
    assert {c.text for c in item.findall("category")} == {"Skola", "sommarlov"}
    assert item.findtext("pubDate").startswith(posts["public"].date.strftime("%a, %d %b %Y"))


@pytest.mark.parametrize("user_kind", ["staff of A", "superuser"])
def test_a_member_fetching_the_public_feed_gets_no_restricted_post(client, world, news, user_kind):
    """Feed addresses are shared and cached: being logged in changes nothing."""
    indexes, posts = news
    client.force_login(world.users[user_kind])
    for path in ("/nyheter/rss/", "/nyheter/atom/"):
        body = client.get(path).content.decode()
        assert "Öppen nyhet" in body
        for kind in NEVER_PUBLIC:
            assert posts[kind].title not in body, (path, kind)


def test_atom_of_the_public_index(client, world, news):
    indexes, posts = news
    response = client.get("/nyheter/atom/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root, entries = _atom_entries(response)
    assert root.findtext(f"{ATOM}title") == "Nyheter – Samverkansportalen"
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Öppen nyhet", "Äldre öppen nyhet"]
    entry = entries[0]
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/nyheter/oppen-nyhet/"
    assert entry.findtext(f"{ATOM}summary") == "Ingress till Öppen nyhet & mer."
    assert entry.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Anna Andersson"
    assert {c.get("term") for c in entry.findall(f"{ATOM}category")} == {"Skola", "sommarlov"}


def test_a_scheduled_post_appears_once_it_goes_live(client, world, news):
    indexes, posts = news
    scheduled = posts["scheduled"]
    assert not NewsPostPage.objects.get(pk=scheduled.pk).live
    assert scheduled.latest_revision.approved_go_live_at is not None
    assert "Schemalagd" not in client.get("/nyheter/rss/").content.decode()
    # Wagtail's scheduler, run the day after.
    tomorrow = timezone.now() + datetime.timedelta(days=1, minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=tomorrow):
        call_command("publish_scheduled")
    assert NewsPostPage.objects.get(pk=scheduled.pk).live
    assert "Schemalagd" in client.get("/nyheter/rss/").content.decode()


def test_a_restricted_index_has_no_public_feed(client, world, news):
    section_a_feed = "/kalmar/nyheter/rss/"
    assert world.content["A's section"].url_path.endswith("/kalmar/")
    # A visitor is asked to log in, as for any restricted page.
    response = client.get(section_a_feed)
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    # Someone from another municipality learns nothing: the 404 of a missing page.
    client.force_login(world.users["staff of B"])
    assert client.get(section_a_feed).status_code == 404
    # A member who may read the index still gets no shareable feed of its posts.
    client.force_login(world.users["staff of A"])
    for path in (section_a_feed, "/kalmar/nyheter/atom/"):
        response = client.get(path)
        assert response.status_code == 404
        assert "Kalmars interna nyhet" not in response.content.decode()


def test_index_feed_query_count_does_not_grow_with_posts(client, world, news):
    indexes, posts = news

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/nyheter/rss/").status_code == 200
        return len(queries)

    client.get("/nyheter/rss/")  # the site and privacy caches, as on any busy day
    few = count()
    assert few <= 6

    for n in range(12):
        post = add_page(
            indexes["public"],
            model=NewsPostPage,
            title=f"Extra {n}",
            slug=f"extra-{n}",
            author=world.users["editor of A"],
            date=timezone.localdate(),
        )
        post.tags.add(f"etikett-{n}")
        post.save_revision().publish()
    client.get("/nyheter/rss/")
    assert count() == few


# --- the personal feed -------------------------------------------------------------------


def _make_address(client, user):
    client.force_login(user)
    response = client.post("/konto/nyhetsflode/", {"action": "create"})
    assert response.status_code == 200
    match = re.search(
        r'value="(http://testserver/nyheter-flode/[^"/]+/)"', response.content.decode()
    )
    assert match, "the new address is shown on the page"
    client.logout()
    return match.group(1)


def _personal_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    root, entries = _atom_entries(response)
    return [e.findtext(f"{ATOM}title") for e in entries], entries


def test_personal_feed_holds_exactly_what_the_member_may_read(client, world, news):
    indexes, posts = news
    url = _make_address(client, world.users["staff of A"])
    titles, entries = _personal_titles(client, url)  # a feed reader: no session
    assert sorted(titles) == sorted(
        [
            "[Alla kommuner] Öppen nyhet",
            "[Alla kommuner] Äldre öppen nyhet",
            "[Alla kommuner] Bara för inloggade",
            "[Alla kommuner] Bara för Kalmar",
            "[Kalmar kommun] Kalmars interna nyhet",
        ]
    )
    # Each entry says where it comes from, as a category too.
    kalmar_entry = next(e for e in entries if "Kalmars interna" in e.findtext(f"{ATOM}title"))
    assert "Kalmar kommun" in {c.get("term") for c in kalmar_entry.findall(f"{ATOM}category")}
    assert kalmar_entry.find(f"{ATOM}link").get("href").endswith("/kalmar/nyheter/kalmar-intern/")

    url_b = _make_address(client, world.users["staff of B"])
    titles_b, _ = _personal_titles(client, url_b)
    assert sorted(titles_b) == sorted(
        [
            "[Alla kommuner] Öppen nyhet",
            "[Alla kommuner] Äldre öppen nyhet",
            "[Alla kommuner] Bara för inloggade",
            "[Södertälje kommun] Södertäljes interna nyhet",
        ]
    )


def test_personal_feed_query_count_does_not_grow_with_posts(client, world, news):
    indexes, posts = news
    url = _make_address(client, world.users["staff of A"])

    def add_posts(index, prefix, n):
        for i in range(n):
            post = add_page(
                index,
                model=NewsPostPage,
                title=f"{prefix} {i}",
                slug=f"{prefix.lower()}-{i}",
                author=world.users["editor of A"],
                date=timezone.localdate(),
            )
            post.tags.add(f"{prefix.lower()}-{i}")
            post.save_revision().publish()

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    add_posts(indexes["A"], "Kalmar", 1)
    few = count()
    add_posts(indexes["A"], "Fler", 10)
    add_posts(indexes["public"], "Alla", 10)
    assert count() == few


def test_regenerating_the_address_retires_the_old_one(client, world, news):
    user = world.users["staff of A"]
    old = _make_address(client, user)
    assert client.get(old).status_code == 200
    new = _make_address(client, user)
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    # Only a hash is stored: the token itself is nowhere in the database.
    token = new.rstrip("/").rsplit("/", 1)[1]
    stored = FeedToken.objects.get(user=user).token_hash
    assert token not in stored and len(stored) == 64


def test_switching_the_feed_off(client, world, news):
    user = world.users["staff of A"]
    url = _make_address(client, user)
    client.force_login(user)
    response = client.post("/konto/nyhetsflode/", {"action": "delete"}, follow=True)
    assert "Ditt personliga nyhetsflöde är avstängt." in response.content.decode()
    client.logout()
    assert client.get(url).status_code == 404


def test_inactive_user_and_unknown_tokens_get_a_bare_404(client, world, news):
    user = world.users["staff of A"]
    url = _make_address(client, user)
    user.is_active = False
    user.save()
    response = client.get(url)
    assert response.status_code == 404
    assert "Nyheter" not in response.content.decode()
    assert client.get("/nyheter-flode/inte-en-riktig-nyckel/").status_code == 404
    assert client.get("/nyheter-flode/" + "x" * 500 + "/").status_code == 404


def test_my_account_offers_the_personal_feed(client, world):
    client.force_login(world.users["staff of A"])
    html = client.get("/konto/mitt-konto/").content.decode()
    assert "Ditt personliga nyhetsflöde" in html
    assert 'action="/konto/nyhetsflode/"' in html
    assert "Skapa ny adress" in html
    assert "slutar den gamla att fungera direkt" in html
    # The settings page itself, for a logged-in member only.
    assert client.get("/konto/nyhetsflode/").status_code == 200
    client.logout()
    response = client.get("/konto/nyhetsflode/")
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    assert client.post("/konto/nyhetsflode/", {"action": "create"}).status_code == 302
    assert not FeedToken.objects.exists()


# --- links in the page head ----------------------------------------------------------------


def _head(client, page, user=None):
    """The <head> of the page as served to `user` (a visitor when None)."""
    if user is not None:
        client.force_login(user)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    return html[: html.index("</head>")]


def test_feed_links_on_a_public_index_only(client, world, news):
    indexes, posts = news
    head = _head(client, indexes["public"])
    assert (
        '<link rel="alternate" type="application/rss+xml" '
        'title="Nyheter – Samverkansportalen (RSS)" href="/nyheter/rss/">'
    ) in head
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="Nyheter – Samverkansportalen (Atom)" href="/nyheter/atom/">'
    ) in head
    # Both links lead to a feed.
    for href in re.findall(r'rel="alternate" type="[^"]+" title="[^"]+" href="([^"]+)"', head):
        assert client.get(href).status_code == 200
    # A restricted index has no public feed to point to.
    restricted = _head(client, indexes["A"], world.users["staff of A"])
    assert 'rel="alternate"' not in restricted


def test_open_graph_on_a_public_post(client, world, news):
    indexes, posts = news
    post = posts["public"]
    image = add_image(Collection.get_first_root_node(), "sommar")
    post.main_image, post.main_image_alt = image, "Barn som badar"
    post.save_revision().publish()
    html = _head(client, post)
    url = "http://testserver/nyheter/oppen-nyhet/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Öppen nyhet">' in html
    assert '<meta property="og:description" content="Ingress till Öppen nyhet &amp; mer.">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:site_name" content="Samverkansportalen">' in html
    assert '<meta property="og:locale" content="sv_SE">' in html
    assert f'<meta property="article:published_time" content="{post.date.isoformat()}">' in html
    image_url = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert image_url.startswith("http://testserver/bilder/")
    assert '<meta property="og:image:alt" content="Barn som badar">' in html
    # A link preview can fetch the image without logging in.
    assert client.get(image_url.removeprefix("http://testserver")).status_code == 200


def test_open_graph_leaves_out_a_restricted_image(client, world, news):
    indexes, posts = news
    post = posts["public"]
    post.main_image = world.content["A's image"]
    post.main_image_alt = "Kalmars bild"
    post.save_revision().publish()
    html = _head(client, post, world.users["staff of A"])
    assert '<meta property="og:title"' in html
    assert "og:image" not in html


@pytest.mark.parametrize("kind", ["restricted to A", "members only", "in A's section"])
def test_no_open_graph_or_canonical_on_a_restricted_post(client, world, news, kind):
    indexes, posts = news
    head = _head(client, posts[kind], world.users["staff of A"])
    assert "og:" not in head and 'rel="canonical"' not in head
