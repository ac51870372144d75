"""Responses that depend on who asks are `Cache-Control: private, no-store`; what every
visitor gets alike stays cacheable."""

import pytest
from wagtail.images.views.serve import generate_image_url

from tests.factories import add_image
from tests.partners.fixtures import directory  # noqa: F401 (a fixture)

# Headers do not depend on the database engine.
pytestmark = pytest.mark.once


def _directives(response):
    return {d.strip().split("=")[0] for d in response.get("Cache-Control", "").split(",") if d}


def _assert_private(response):
    directives = _directives(response)
    assert {"private", "no-store"} <= directives, (response.status_code, directives)
    assert "public" not in directives


def _assert_cacheable(response):
    directives = _directives(response)
    assert not directives & {"private", "no-store", "no-cache"}, directives
    assert not response.cookies


def _personal_urls(world, request):
    partners = request.getfixturevalue("directory")
    image = world.content["A's image"]
    return {
        "home page": "/",
        "page in A's section": world.content["page deep under A"].url,
        "partner directory": partners.page.url,
        "directory CSV export": partners.page.url + "export/csv/",
        "directory vCard export": partners.page.url + "export/vcard/",
        "one contact's vCard": partners.page.url
        + f"bup-kalmar-lan/kontakt/{partners.contacts['Åsa Lind'].pk}/vcard/",
        "A's document": world.content["A's document"].url,
        "public document": world.content["public document"].url,
        "image via /bilder/": generate_image_url(image, "width-10", "portal_image"),
        "original image via the media view": image.file.url,
        "my account": "/konto/mitt-konto/",
        "my data as JSON": "/konto/mitt-konto/mina-uppgifter.json",
        "a page this user may not see (404)": world.content["B's section"].url,
    }


def test_everything_a_logged_in_user_gets_is_private(client, world, request):
    # One world for every address; a failure names the addresses that are not private.
    client.force_login(world.users["staff of A"])
    not_private = []
    for what, url in _personal_urls(world, request).items():
        response = client.get(url)
        directives = _directives(response)
        if (
            response.status_code not in (200, 404)
            or not {"private", "no-store"} <= directives
            or "public" in directives
        ):
            not_private.append((what, response.status_code, sorted(directives)))
    assert not_private == []


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/admin/images/", "/admin/documents/"])
def test_the_admin_is_private(client, world, url):
    client.force_login(world.users["superuser"])
    response = client.get(url)
    assert response.status_code == 200
    _assert_private(response)


def test_an_image_for_a_logged_in_reader_is_not_kept_for_an_hour(client, world):
    client.force_login(world.users["staff of A"])
    url = generate_image_url(world.content["A's image"], "width-10", "portal_image")
    response = client.get(url)
    assert response.status_code == 200
    assert "max-age=0" in response["Cache-Control"]


def test_visitors_public_page_stays_cacheable(client, world):
    response = client.get(world.content["public page"].url)
    assert response.status_code == 200
    _assert_cacheable(response)
    # One copy for every visitor without cookies; requests with a cookie pass the cache.
    assert "public" in _directives(response)
    assert "Cookie" not in response.get("Vary", "")


def test_visitors_public_files_may_be_cached(client, world):
    from wagtail.models import Collection

    document = client.get(world.content["public document"].url)
    assert document.status_code == 200
    _assert_cacheable(document)
    image = add_image(Collection.get_first_root_node(), "allman-bild")
    rendition = client.get(generate_image_url(image, "width-10", "portal_image"))
    assert rendition.status_code == 200
    _assert_cacheable(rendition)
    assert "max-age=3600" in rendition["Cache-Control"]


def test_visitors_refused_files_are_not_cached_as_a_login_redirect_for_an_hour(client, world):
    url = generate_image_url(world.content["A's image"], "width-10", "portal_image")
    response = client.get(url)
    assert response.status_code == 302
    assert "max-age" not in response.get("Cache-Control", "")


def test_a_visitor_with_something_in_the_session_gets_a_private_page(client, world):
    # A login in progress (allauth keeps its state in the session) is this visitor's own.
    session = client.session
    session["account_login_state"] = {"step": "mfa"}
    session.save()
    response = client.get(world.content["public page"].url)
    assert response.status_code == 200
    _assert_private(response)


def test_a_visitor_shown_a_message_gets_a_private_page(client, world):
    # Logging out leaves "You have signed out." for the next page.
    client.force_login(world.users["staff of A"])
    client.post("/konto/logout/")
    response = client.get(world.content["public page"].url)
    assert response.status_code == 200
    _assert_private(response)


def test_login_page_keeps_its_own_never_cache_headers(client, world):
    response = client.get("/konto/login/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
