"""The demo news: enough posts over two years, public and for members, in several places."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from news.models import NewsIndexPage, NewsPostPage

pytestmark = pytest.mark.django_db


def _counts():
    return NewsIndexPage.objects.count(), NewsPostPage.objects.count()


def test_demo_news_films_and_testimonials_are_complete_and_seed_once(client):
    from news.models import Testimonial
    from news.testimonials import published_and_consented

    call_command("seed_demo", verbosity=0)
    indexes, posts = _counts()
    assert posts >= 12 and indexes >= 4
    call_command("seed_demo", verbosity=0)
    assert _counts() == (indexes, posts)

    years = {post.date.year for post in NewsPostPage.objects.all()}
    assert len(years) >= 2
    restricted = PageViewRestriction.objects.filter(
        page__in=NewsPostPage.objects.values("pk")
    ).count()
    assert restricted >= 2
    in_sections = NewsPostPage.objects.filter(depth__gt=4).count()
    assert in_sections >= 3
    assert client.get("/nyheter/").status_code == 200

    # Two film posts: one uploaded with captions, one external behind click-to-load.
    films = NewsPostPage.objects.filter(is_film_post=True)
    assert films.count() == 2
    uploaded = client.get("/nyheter/film-textning/").content.decode()
    assert "<video" in uploaded and "<track" in uploaded and 'srclang="sv"' in uploaded
    embedded = client.get("/nyheter/film-fran-vimeo/").content.decode()
    # The player is only named for the script to load on click: no iframe, no src.
    assert "<iframe" not in embedded
    assert 'data-player-url="https://player.vimeo.com/video/76979871' in embedded
    assert 'src="https://player.vimeo.com' not in embedded
    assert published_and_consented().count() == Testimonial.objects.count() == 6
    home = client.get("/").content.decode()
    assert "Röster från projektet" in home
