"""A visitor sent to the login page from an address that needs a log in is told why, in the
same words whether the address is restricted or does not exist; the menu offers visitors
nothing that would only send them there."""

import re

import pytest

from partners.models.directory_page import PartnerDirectoryPage
from tests.factories import add_page

pytestmark = pytest.mark.django_db

WALL = "Sidan kräver inloggning."
WHO_TO_ASK = "Kontakta din kommuns redaktör eller samordnaren för att få ett konto."


def _wall(body):
    """The message block of the login page ("" when there is none)."""
    match = re.search(r'<div class="callout login-wall">.*?</div>', body, re.S)
    return match.group(0) if match else ""


def _login_page_after(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/?next=")
    return client.get(response["Location"]).content.decode()


def _menu(body):
    return re.search(r'<nav class="main-nav".*?</nav>', body, re.S).group(0)


def _main_without(body, path):
    """The page's main part with its own `next` and CSRF token taken out."""
    main = re.search(r"<main.*?</main>", body, re.S).group(0)
    main = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", main)
    return main.replace(path, "NEXT")


def test_restricted_and_missing_addresses_get_the_same_message(client, world):
    restricted_path = world.content["page deep under A"].url
    missing_path = world.content["A's section"].url + "finns-inte/"
    restricted = _login_page_after(client, restricted_path)
    missing = _login_page_after(client, missing_path)
    assert _main_without(restricted, restricted_path) == _main_without(missing, missing_path)
    login_only = _login_page_after(client, world.content["login-only page"].url)
    typo = _login_page_after(client, "/om-portlen/")
    assert WALL in _wall(restricted) and WHO_TO_ASK in _wall(restricted)
    # The same HTML: nothing tells a restricted page from a missing one.
    assert _wall(restricted) == _wall(missing) == _wall(login_only) == _wall(typo)


def test_restricted_and_missing_files_get_the_same_message(client, world):
    document = world.content["A's document"]
    restricted = _login_page_after(client, document.url)
    missing = _login_page_after(client, f"/dokument/{document.pk + 999}/finns-inte.pdf")
    assert WALL in _wall(restricted)
    assert _wall(restricted) == _wall(missing)


def test_no_message_on_a_plain_visit_to_the_login_page(client, world):
    for url in ("/konto/login/", "/konto/login/?next=/"):
        body = client.get(url).content.decode()
        assert WALL not in body, url
        assert "Konton skapas" in body or "inbjudan" in body


def test_no_message_when_the_visitor_chose_to_log_in_from_the_header(client, world):
    page = client.get(world.content["public page"].url).content.decode()
    link = re.search(r'<a href="(/konto/login/\?[^"]+)">Logga in</a>', page).group(1)
    body = client.get(link.replace("&amp;", "&")).content.decode()
    assert WALL not in body
    # ... and still none after a wrong password, while `next` still leads back.
    response = client.post(
        "/konto/login/",
        {
            "login": "staff.a@example.se",
            "password": "fel-losen-123",
            "next": world.content["public page"].url,
            "fran": "sidhuvud",
        },
    )
    assert WALL not in response.content.decode()
    assert f'value="{world.content["public page"].url}"' in response.content.decode()


def test_the_message_stays_after_a_wrong_password(client, world):
    response = client.post(
        "/konto/login/",
        {"login": "staff.a@example.se", "password": "fel-losen-123", "next": "/for-inloggade/"},
    )
    assert response.status_code == 200
    assert WALL in _wall(response.content.decode())


def test_logged_in_users_are_not_told_to_ask_for_an_account(client, world):
    client.force_login(world.users["staff of A"])
    body = client.get("/konto/login/?next=/admin/").content.decode()
    assert WALL not in body


def test_the_menu_hides_members_items_from_visitors(client, world):
    directory = add_page(
        None,
        model=PartnerDirectoryPage,
        title="Partnerkatalog",
        slug="partnerkatalog",
        show_in_menus=True,
    )
    public = world.content["public page"]
    section = world.content["A's section"]
    for page in (public, section):
        page.show_in_menus = True
        page.save_revision().publish()

    visitor_menu = _menu(client.get("/").content.decode())
    assert public.title in visitor_menu
    assert "Partnerkatalog" not in visitor_menu
    assert section.title not in visitor_menu
    # The directory still asks visitors to log in when they reach it another way.
    assert WALL in _login_page_after(client, directory.url)

    client.force_login(world.users["staff of A"])
    member_menu = _menu(client.get("/").content.decode())
    assert "Partnerkatalog" in member_menu
    assert section.title in member_menu
    assert public.title in member_menu
