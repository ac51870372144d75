"""`/sitemap.xml` lists the pages a visitor may read (the whole site), with lastmod, and
nothing restricted, unpublished, scheduled or dated in the future; `/robots.txt` names it."""

import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partners.models import PartnerDirectoryPage
from tests.factories import add_page
from tests.news.feed_content import NEVER_PUBLIC, make_news
from tests.shared import shared

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return {
        url.findtext(f"{NS}loc"): url.findtext(f"{NS}lastmod") for url in root.findall(f"{NS}url")
    }


@shared
def news(world):
    return make_news(world)


def test_sitemap_lists_public_pages_with_lastmod(client, world, news):
    indexes, posts = news
    urls = _sitemap(client)
    for path in ("/", "/om-portalen/", "/nyheter/", "/nyheter/oppen-nyhet/", "/nyheter/aldre/"):
        assert f"http://testserver{path}" in urls, path
    public = posts["public"]
    published = timezone.localtime(public.last_published_at).date().isoformat()
    assert urls["http://testserver/nyheter/oppen-nyhet/"] == published
    # Every page published through Wagtail has a date (the home page of the test database
    # was made by a migration and never published, so it has none to give).
    assert all(lastmod for url, lastmod in urls.items() if url != "http://testserver/")


def test_sitemap_leaves_out_everything_a_visitor_may_not_read(client, world, news):
    indexes, posts = news
    add_page(None, model=PartnerDirectoryPage, title="Samverkansparter", slug="parter")
    urls = _sitemap(client)
    paths = {url.removeprefix("http://testserver") for url in urls}
    for kind in NEVER_PUBLIC:
        assert posts[kind].url_path.removeprefix("/home") not in paths, kind
    assert not any(path.startswith("/kalmar/") for path in paths)  # a section
    assert "/for-inloggade/" not in paths  # login-only page
    assert "/yta/" not in paths  # a shared space
    assert "/parter/" not in paths  # the directory asks every visitor to log in
    assert "/nyheter/schemalagd/" not in paths and "/nyheter/framtida/" not in paths


def test_sitemap_is_the_same_for_a_logged_in_member(client, world, news):
    anonymous = _sitemap(client)
    client.force_login(world.users["superuser"])
    assert _sitemap(client) == anonymous


def test_sitemap_query_count_does_not_grow_with_the_site(client, world, news):
    indexes, posts = news
    client.get("/sitemap.xml")

    def count():
        with CaptureQueriesContext(connection) as queries:
            _sitemap(client)
        return len(queries)

    few = count()
    for n in range(15):
        add_page(None, title=f"Sida {n}", slug=f"extra-sida-{n}")
    client.get("/sitemap.xml")
    assert count() == few
    assert "http://testserver/extra-sida-14/" in _sitemap(client)


def test_robots_txt_names_the_sitemap(client, world):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /nyheter-flode/" in lines
