"""News index, posts, filters, archive and tag pages as readers see them."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from knowledge.models import Topic
from news.models import NewsIndexPage
from tests.factories import add_image, add_news_post, add_page
from tests.shared import shared

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def _days_ago(n):
    return TODAY - datetime.timedelta(days=n)


@shared
def news(world):
    """A public index with public, members-only and future-dated posts, and one in A's section."""
    index = add_page(None, model=NewsIndexPage, title="Nyheter", slug="nyheter")
    school = Topic.objects.create(name="Skola")
    public = add_news_post(
        index,
        title="Ny mötesplats för unga i Kalmar",
        date=_days_ago(3),
        tags=["mötesplats"],
        topics=[school],
        municipality=world.municipality_a,
    )
    older = add_news_post(index, title="Sommarjobb för nyanlända", date=datetime.date(2025, 6, 12))
    members = add_news_post(
        index, title="Intern planering inför hösten", date=_days_ago(1), tags=["mötesplats"]
    )
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    future = add_news_post(index, title="Nyhet som väntar", date=TODAY + datetime.timedelta(1))
    section_index = add_page(
        world.municipality_a.section_page, model=NewsIndexPage, title="Nyheter", slug="nyheter"
    )
    section_post = add_news_post(section_index, title="Kalmars interna nyhet", date=_days_ago(2))
    return {
        "index": index,
        "school": school,
        "public": public,
        "older": older,
        "members": members,
        "future": future,
        "section_index": section_index,
        "section_post": section_post,
    }


def _titles(response):
    return re.findall(r'class="news-title"><a href="[^"]*">([^<]+)</a>', response.content.decode())


def test_visitor_sees_public_posts_newest_first_and_nothing_else(client, news):
    response = client.get("/nyheter/")
    assert response.status_code == 200
    assert _titles(response) == ["Ny mötesplats för unga i Kalmar", "Sommarjobb för nyanlända"]
    html = response.content.decode()
    assert "Intern planering" not in html
    assert "Nyhet som väntar" not in html
    assert "2 inlägg" in html


def test_member_also_sees_members_only_posts(client, news, world):
    client.force_login(world.users["staff of B"])
    titles = _titles(client.get("/nyheter/"))
    assert titles[0] == "Intern planering inför hösten"
    assert "Nyhet som väntar" not in titles


def test_archive_counts_only_what_the_reader_may_see(client, news, world):
    html = client.get("/nyheter/").content.decode()
    this_month = _days_ago(3)
    month_url = f"/nyheter/arkiv/{this_month.year}/{this_month.month}/"
    expected_here = 1 + (1 if _days_ago(1).month == this_month.month else 0)
    assert f'href="{month_url}">' in html
    assert re.search(rf'href="{month_url}">[^<]+</a> \(1\)', html)
    client.force_login(world.users["staff of A"])
    html = client.get("/nyheter/").content.decode()
    assert re.search(rf'href="{month_url}">[^<]+</a> \({expected_here}\)', html)


def test_month_page_lists_that_month_only(client, news):
    response = client.get("/nyheter/arkiv/2025/6/")
    assert _titles(response) == ["Sommarjobb för nyanlända"]
    assert "juni 2025" in response.content.decode()


@pytest.mark.parametrize("url", ["/nyheter/arkiv/2025/13/", "/nyheter/arkiv/0/1/"])
def test_impossible_month_is_not_found(client, news, world, url):
    client.force_login(world.users["staff of A"])
    assert client.get(url).status_code == 404


def test_tag_page_and_tag_counts_follow_the_reader(client, news, world):
    html = client.get("/nyheter/").content.decode()
    assert re.search(r'href="/nyheter/etikett/m%C3%B6tesplats/">mötesplats</a> \(1\)', html)
    response = client.get("/nyheter/etikett/mötesplats/")
    assert _titles(response) == ["Ny mötesplats för unga i Kalmar"]
    client.force_login(world.users["staff of A"])
    html = client.get("/nyheter/").content.decode()
    assert re.search(r'href="/nyheter/etikett/m%C3%B6tesplats/">mötesplats</a> \(2\)', html)
    assert client.get("/nyheter/etikett/finns-inte/").status_code == 404


def test_filters_by_topic_and_municipality(client, news):
    assert _titles(client.get("/nyheter/?topic=skola")) == ["Ny mötesplats för unga i Kalmar"]
    assert _titles(client.get("/nyheter/?municipality=kalmar")) == [
        "Ny mötesplats för unga i Kalmar"
    ]
    assert _titles(client.get("/nyheter/?municipality=sodertalje")) == []
    # An unknown value is a form error, not an empty list or a crash.
    response = client.get("/nyheter/?topic=finns-inte&sida=x")
    assert response.status_code == 200
    assert len(_titles(response)) == 2


def test_section_news_is_for_its_members(client, news, world):
    assert client.get("/kalmar/nyheter/").status_code == 302
    client.force_login(world.users["staff of B"])
    assert client.get("/kalmar/nyheter/").status_code == 404
    client.force_login(world.users["staff of A"])
    assert _titles(client.get("/kalmar/nyheter/")) == ["Kalmars interna nyhet"]


def test_post_shows_byline_related_and_latest_within_reach(client, news, world):
    news["public"].author_name = "Amina Yusuf"
    news["public"].save_revision().publish()
    response = client.get(news["public"].url)
    html = response.content.decode()
    assert "Av Amina Yusuf" in html
    assert "Relaterade inlägg" not in html  # its only relative is members-only
    assert "Sommarjobb för nyanlända" in html  # latest posts
    client.force_login(world.users["staff of A"])
    html = client.get(news["public"].url).content.decode()
    assert "Relaterade inlägg" in html
    assert "Intern planering inför hösten" in html


def test_post_dated_tomorrow_or_scheduled_shows_nowhere_yet(client, news, world):
    from django.utils import timezone

    scheduled = add_news_post(news["index"], title="Schemalagd nyhet", date=TODAY)
    scheduled.unpublish()
    scheduled.title = "Schemalagd nyhet"
    scheduled.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(days=1))
    client.force_login(world.users["staff of A"])
    for url in ("/nyheter/", "/"):
        html = client.get(url).content.decode()
        assert "Nyhet som väntar" not in html
        assert "Schemalagd nyhet" not in html
    assert client.get(scheduled.url or "/nyheter/schemalagd/").status_code == 404


def test_main_image_needs_alt_text(news, world):
    from django.core.exceptions import ValidationError

    post = news["older"]
    post.main_image = add_image(world.municipality_a.collection.get_parent(), "bild")
    post.main_image_alt = " "
    with pytest.raises(ValidationError) as error:
        post.full_clean()
    assert "main_image_alt" in error.value.message_dict


def _queries(client, url):
    client.get(url)  # warm the caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_index_and_post_cost_the_same_with_few_and_many_posts(client, news, world):
    client.force_login(world.users["staff of A"])
    few = (_queries(client, "/nyheter/"), _queries(client, news["public"].url))
    for n in range(25):
        add_news_post(
            news["index"],
            title=f"Nyhet {n}",
            date=datetime.date(2024, n % 12 + 1, 1),
            tags=[f"etikett-{n}"],
            topics=[news["school"]],
        )
    many = (_queries(client, "/nyheter/"), _queries(client, news["public"].url))
    print("queries (index, post):", few, many)
    assert many == few
    assert max(few) <= 15  # the logged-in budget of tests/test_request_cost.py
    assert _queries(client, "/nyheter/?sida=3") == few[0]


def test_portal_wide_news_has_its_own_editors_and_section_editors_stay_in_their_section(
    client, news, world
):
    from django.contrib.auth.models import Group

    from news.editors import SHARED_NEWS_EDITORS_GROUP

    editor = world.users["editor of A"]
    client.force_login(editor)
    add_url = f"/admin/pages/add/news/newspostpage/{news['index'].pk}/"
    assert client.get(add_url).status_code in (302, 403)
    section_add = f"/admin/pages/add/news/newspostpage/{news['section_index'].pk}/"
    assert client.get(section_add).status_code == 200

    editor.groups.add(Group.objects.get(name=SHARED_NEWS_EDITORS_GROUP))
    assert client.get(add_url).status_code == 200
    b_index = add_page(
        world.municipality_b.section_page, model=NewsIndexPage, title="Nyheter", slug="nyheter"
    )
    assert client.get(f"/admin/pages/add/news/newspostpage/{b_index.pk}/").status_code in (
        302,
        403,
        404,
    )
