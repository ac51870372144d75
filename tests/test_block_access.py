"""Image blocks and rich-text links show a reader only what that reader may see."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import Collection
from wagtail.rich_text import RichText

from portal.current_reader import reading_as
from tests.factories import add_document, add_image, add_page
from tests.test_access_matrix import USERS

OF_A = {"staff of A", "editor of A", "superuser"}


def _get(client, world, user, url):
    if user != "anonymous":
        client.force_login(world.users[user])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _links(world):
    """Rich text linking to a public page, A's restricted page and A's document."""
    public, deep_a = world.content["public page"], world.content["page deep under A"]
    document = world.content["A's document"]
    return (
        f'<p><a linktype="page" id="{public.pk}">Om oss</a> · '
        f'<a linktype="page" id="{deep_a.pk}">Kalmars inskrivning</a> · '
        f'<a linktype="document" id="{document.pk}">Kalmars blankett</a></p>'
    )


@pytest.mark.parametrize("user", USERS)
def test_image_block_shows_a_restricted_image_only_to_its_readers(client, world, user):
    image = world.content["A's image"]
    page = add_page(
        None,
        title="Bildsida",
        body=[("image", {"image": image, "alt_text": "Kalmars entré", "caption": "Entrén"})],
    )
    html = _get(client, world, user, page.url)
    if user in OF_A:
        assert f"/{image.pk}/width-800/" in html and 'alt="Kalmars entré"' in html
    else:
        assert "/bilder/" not in html and "kalmar-bild" not in html and "Entrén" not in html


def test_image_block_shows_a_public_image_to_visitors(client, world):
    image = add_image(Collection.get_first_root_node(), "allman-bild")
    page = add_page(None, title="Bildsida", body=[("image", {"image": image, "alt_text": "x"})])
    assert f"/{image.pk}/width-800/" in _get(client, world, "anonymous", page.url)


@pytest.mark.parametrize("user", USERS)
def test_rich_text_links_keep_their_text_and_drop_what_the_reader_may_not_follow(
    client, world, user
):
    deep_a, document = world.content["page deep under A"], world.content["A's document"]
    # In a StreamField paragraph and in the intro (a RichTextField through |richtext).
    page = add_page(
        None, title="Länksida", intro=_links(world), body=[("paragraph", _links(world))]
    )
    html = _get(client, world, user, page.url)
    assert html.count('<a href="/om-portalen/">Om oss</a>') == 2
    assert html.count("Kalmars inskrivning") == 2 and html.count("Kalmars blankett") == 2
    if user in OF_A:
        assert html.count(f'<a href="{deep_a.url}">Kalmars inskrivning</a>') == 2
        assert html.count(f'<a href="{document.url}">Kalmars blankett</a>') == 2
    else:
        assert html.count("<a>Kalmars inskrivning</a>") == 2
        assert html.count("<a>Kalmars blankett</a>") == 2
        assert deep_a.url not in html and "inskrivning/" not in html
        assert f"/dokument/{document.pk}/" not in html and "Kalmar-rutin" not in html


def test_rich_text_outside_a_request_reads_as_a_visitor(world):
    """E-mails, tasks and the shell render rich text as an anonymous visitor would see it."""
    deep_a = world.content["page deep under A"]
    text = RichText(_links(world))
    assert "<a>Kalmars inskrivning</a>" in str(text)
    with reading_as(world.users["staff of A"]):
        assert f'<a href="{deep_a.url}">Kalmars inskrivning</a>' in str(text)


def test_the_editor_still_sees_every_link(world):
    """The admin's rich-text editor converts links itself: nothing is hidden from editors."""
    deep_a, document = world.content["page deep under A"], world.content["A's document"]
    with reading_as(world.users["staff of B"]):
        editor_state = ContentstateConverter(["link", "document-link"]).from_database_format(
            _links(world)
        )
    assert f'"id": {deep_a.pk}' in editor_state and f'"id": {document.pk}' in editor_state


def _page_with_links(world, count):
    documents = [add_document(world.municipality_a.collection, f"D{i}.pdf") for i in range(count)]
    targets = [add_page(world.content["A's section"], title=f"Mål {i}") for i in range(count)]
    paragraphs = [
        (
            "paragraph",
            f'<p><a linktype="page" id="{target.pk}">sida {i}</a> '
            f'<a linktype="document" id="{doc.pk}">fil {i}</a></p>',
        )
        for i, (target, doc) in enumerate(zip(targets, documents, strict=True))
    ]
    return add_page(None, title=f"{count} länkar", body=paragraphs)


@pytest.mark.parametrize("user", ["anonymous", "staff of A"])
def test_many_links_cost_no_more_queries_than_a_few(client, world, user):
    few, many = _page_with_links(world, 2), _page_with_links(world, 20)
    if user != "anonymous":
        client.force_login(world.users[user])
    for page in (few, many):
        client.get(page.url)  # warm the site-root, content-type and route caches
    counts = []
    for page in (few, many):
        with CaptureQueriesContext(connection) as queries:
            html = client.get(page.url).content.decode()
        counts.append(len(queries))
    assert ("sida 19</a>" in html) and ("<a>sida 19</a>" in html) == (user == "anonymous")
    assert counts[1] == counts[0], counts
