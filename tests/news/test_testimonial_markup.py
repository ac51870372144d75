"""How a testimonial reads (issue 23): the quote first at a readable width, who said it
below it, and an anonymous testimonial says who is speaking from its role and municipality
("Ung person i Kalmar kommun"), never "anonym" as if it were a name."""

import re

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory

from news.models import Testimonial as Voice
from portal.models import Municipality


def _card(**fields):
    testimonial = Voice(quote="Vi pratar med varandra nu.", role=Voice.YOUNG_PERSON)
    for name, value in fields.items():
        setattr(testimonial, name, value)
    testimonial.pk = 7
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return render_to_string(
        "news/includes/testimonial_card.html",
        {
            "testimonial": testimonial,
            "testimonials_page": "/roster/",
            "heading": "h2",
            "request": request,
        },
    )


def _text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_an_anonymous_testimonial_is_named_by_its_role_and_municipality():
    html = _card(first_name="", municipality=Municipality(name="Kalmar kommun"))
    heading = re.search(r'<h2 class="testimonial-name">(.*?)</h2>', html, re.S).group(1)
    assert heading.strip() == "Ung person i Kalmar kommun"
    assert "anonym" not in html.lower()
    # The link says whose story it opens, in the same words.
    assert "Läs mer om Ung person i Kalmar kommun" in _text(html)


def test_an_anonymous_testimonial_without_municipality_is_named_by_its_role():
    html = _card(first_name="", role=Voice.PARTNER)
    assert re.search(r'<h2 class="testimonial-name">\s*Samverkanspart\s*</h2>', html)
    assert "anonym" not in html.lower()


def test_a_named_testimonial_shows_the_quote_then_the_name_and_who_they_are():
    html = _card(first_name="Amir", municipality=Municipality(name="Kalmar kommun"))
    text = _text(html)
    assert text.index("Vi pratar med varandra nu.") < text.index("Amir")
    assert "Amir Ung person · Kalmar kommun" in text
    # The attribution is the quote's caption, below it in the same figure.
    assert re.search(r"</blockquote>\s*<figcaption", html)
    assert "Läs mer om Amir" in text


def test_the_roster_page_and_a_testimonials_own_page_never_say_anonym(client, db):
    from news.demo_testimonials import seed_testimonial_page
    from portal.provisioning import home_page
    from tests.news.test_testimonials import make

    municipality = Municipality.objects.create(name="Kalmar kommun", code="0880", slug="kalmar")
    page = seed_testimonial_page(home_page())
    voice = make(first_name="", municipality=municipality)
    for url in (page.url, f"{page.url}{voice.pk}/"):
        html = client.get(url).content.decode()
        assert "Ung person i Kalmar kommun" in html, url
        assert "anonym" not in html.lower(), url
