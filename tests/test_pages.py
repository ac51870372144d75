"""What people see: the home page, navigation, content blocks, login and error pages."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection

from portal.models import ContentPage
from portal.provisioning import home_page
from tests.factories import MunicipalityFactory, UserFactory, add_document, add_page


def _html(response):
    return response.content.decode()


def _menu(html):
    nav = html[html.index('<nav class="main-nav"') : html.index("</nav>", html.index("main-nav"))]
    return re.findall(r">([^<>]+)</a>", nav)


def test_home_page_is_swedish_and_accessible(client, world):
    response = client.get("/")
    html = _html(response)
    assert response.status_code == 200
    assert '<html lang="sv">' in html
    assert 'class="skip-link" href="#main">Hoppa till innehållet</a>' in html
    assert html.count("<h1") == 1
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html and 'aria-label="Huvudmeny"' in html
    assert "Logga in" in html
    # Its title once, and an icon (browsers otherwise ask for /favicon.ico, a 404).
    assert "<title>Samverkansportalen</title>" in html
    icon = re.search(r'<link rel="icon" href="([^"]+)"', html).group(1)
    assert client.get(icon).status_code == 200


def test_navigation_shows_only_sections_the_user_may_see(client, world):
    for page in (world.content["A's section"], world.content["B's section"]):
        page.show_in_menus = True
        page.save_revision().publish()
    shared = world.content["shared space A + partner"]
    shared.show_in_menus = True
    shared.save_revision().publish()

    assert "Kalmar kommun" not in _menu(_html(client.get("/")))

    client.force_login(world.users["staff of A"])
    menu = _menu(_html(client.get("/")))
    assert "Kalmar kommun" in menu
    assert "Samverkan Kalmar–Lernia" in menu
    assert "Södertälje kommun" not in menu

    client.force_login(world.users["partner user"])
    menu = _menu(_html(client.get("/")))
    assert menu == ["Samverkan Kalmar–Lernia"]


def test_header_names_the_users_municipalities_and_offers_log_out(client, world):
    client.force_login(world.users["editor of A"])
    html = _html(client.get("/"))
    assert "Kalmar kommun" in html[html.index("<header") : html.index("</header>")]
    assert "Logga ut" in html
    client.force_login(world.users["partner user"])
    html = _html(client.get("/"))
    assert "Lernia" in html[html.index("<header") : html.index("</header>")]


@pytest.mark.django_db
def test_navigation_costs_the_same_queries_however_many_sections(client):
    user = UserFactory()
    client.force_login(user)

    def count():
        client.get("/")  # the first view after a change fills the portal's caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    def add_sections(numbers):
        for n in numbers:
            municipality = MunicipalityFactory(name=f"Kommun {n}")
            user.groups.add(municipality.members_group)
            page = municipality.section_page.specific
            page.show_in_menus = True
            page.save_revision().publish()

    add_sections(range(2))
    count()  # warm Wagtail's site-root cache
    few = count()
    add_sections(range(2, 12))
    assert count() == few


@pytest.mark.django_db
def test_content_page_renders_every_block(client):
    document = add_document(Collection.get_first_root_node())
    page = add_page(
        None,
        ContentPage,
        title="Vision och mål",
        intro="<p>Varje ungdom ska mötas av vuxna som samarbetar.</p>",
        body=[
            ("heading", "Vår vision"),
            ("paragraph", "<p>Vi arbetar <b>tillsammans</b>.</p>"),
            (
                "quote",
                {"text": "Ingen ska hamna mellan stolarna.", "attribution": "Samverkansgruppen"},
            ),
            (
                "callout",
                {"kind": "warning", "heading": "Obs", "text": "<p>Inga personuppgifter.</p>"},
            ),
            ("document", {"document": document, "label": "Ladda ner planen"}),
        ],
    )
    html = _html(client.get(page.url))
    assert "<h2>Vår vision</h2>" in html
    assert "<b>tillsammans</b>" in html
    assert "<blockquote><p>Ingen ska hamna mellan stolarna.</p></blockquote>" in html
    assert 'class="callout callout-warning"' in html
    assert f'href="{document.url}">Ladda ner planen</a>' in html
    assert '<li><a href="/">Samverkansportalen</a></li>' in html  # breadcrumbs start at home


def test_deep_page_shows_breadcrumbs(client, world):
    client.force_login(world.users["staff of A"])
    html = _html(client.get(world.content["page deep under A"].url))
    crumbs = html[html.index('aria-label="Brödsmulor"') :]
    assert (
        crumbs.index("Kalmar kommun") < crumbs.index("HVB") < crumbs.index("Rutin för inskrivning")
    )


def test_restricted_page_asks_visitors_to_log_in_and_returns_after(client, world):
    url = world.content["A's section"].url
    response = client.get(url)
    assert response.status_code == 302
    login = client.get(response["Location"])
    assert login.status_code == 200
    html = _html(login)
    assert '<label for="id_login">' in html
    assert f'name="next" value="{url}"' in html

    world.users["staff of A"].set_password("Ett-langt-testlosen-42")
    world.users["staff of A"].save()
    done = client.post(
        response["Location"],
        {"login": "staff.a@example.se", "password": "Ett-langt-testlosen-42", "next": url},
    )
    assert done.status_code == 302
    assert done["Location"] == url


def test_wrong_password_gets_a_clear_message(client, world):
    response = client.post(
        "/konto/login/", {"login": "staff.a@example.se", "password": "fel-losenord"}
    )
    assert response.status_code == 200
    assert 'role="alert"' in _html(response)
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_sign_up_is_closed(client):
    response = client.get("/konto/signup/")
    assert "Ingen öppen registrering" in _html(response)
    response = client.post(
        "/konto/signup/",
        {
            "email": "ny@example.se",
            "password1": "Ett-langt-testlosen-42",
            "password2": "Ett-langt-testlosen-42",
        },
    )
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(email="ny@example.se").exists()


@pytest.mark.django_db
def test_admin_login_is_the_site_login(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/admin/pages/"
    response = client.get("/admin/")
    assert response["Location"].startswith("/konto/login/?next=/admin/")


@pytest.mark.django_db
def test_unknown_address_gets_a_swedish_404(client):
    home_page()
    # Visitors are asked to log in instead (they must not tell missing from restricted).
    client.force_login(UserFactory())
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert "Sidan hittades inte" in _html(response)


@pytest.mark.django_db
def test_english_is_available(client):
    home_page()
    response = client.post("/sprak/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = _html(client.get("/"))
    assert '<html lang="en">' in html
    assert "Skip to content" in html


@pytest.mark.django_db
def test_swedish_is_the_default_even_for_english_browsers(client):
    home_page()
    html = _html(client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"))
    assert '<html lang="sv">' in html
    assert "Hoppa till innehållet" in html


def test_rich_text_offers_no_inline_images_past_the_access_check():
    from wagtail.admin.rich_text import get_rich_text_editor_widget

    features = get_rich_text_editor_widget().features
    assert "image" not in features and "embed" not in features
    assert "link" in features and "document-link" in features
