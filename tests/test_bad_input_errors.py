"""The server errors of issue 9 (finding 10), each as the user met it: admin searches,
huge numbers in admin filters, unusual HTTP methods, an over-long query string, and
`migrate` before the data folder exists."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.search.backends import get_search_backend

from knowledge.models import Topic
from portal.provisioning import home_page
from tests.factories import PartnerOrganisationFactory

HUGE = "99999999999999999999999999"


@pytest.fixture
def admin_client(client, world):
    client.force_login(world.users["superuser"])
    return client


def listed(response, text):
    return text in response.content.decode()


def login_next(response):
    """Where the login page will send the visitor back to."""
    location = urlsplit(response["Location"])
    assert location.path == "/konto/login/"
    return parse_qs(location.query)["next"][0]


# --- Searching the admin ------------------------------------------------------------


def test_the_database_search_backend_is_ours_on_this_engine(db):
    expected = {"sqlite": "PortalSQLiteSearchBackend", "postgresql": "PortalPostgresSearchBackend"}
    assert type(get_search_backend()).__name__ == expected[connection.vendor]


@pytest.mark.parametrize(
    "url, found, not_found",
    [
        ("/admin/snippets/partners/partnerorganisation/?q=Lernia", "Lernia", "Integra"),
        ("/admin/snippets/knowledge/topic/?q=sko", "Skola", "Boende"),
        ("/admin/snippets/portal/municipality/?q=Kalmar", "Kalmar kommun", "Södertälje"),
        ("/admin/snippets/choose/partners/partnerorganisation/?q=Lernia", "Lernia", "Integra"),
    ],
)
def test_snippet_listings_find_by_name(admin_client, url, found, not_found):
    # "no such column: name": the admin searched the snippets' `name` field, which the
    # SQLite full-text table has no column for.
    PartnerOrganisationFactory(name="Integra")
    Topic.objects.create(name="Skola", slug="skola")
    Topic.objects.create(name="Boende", slug="boende")
    response = admin_client.get(url)
    assert response.status_code == 200
    assert listed(response, found)
    assert not listed(response, not_found)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/",
        "/admin/pages/search/",
        "/admin/pages/search/results/",
        "/admin/documents/",
        "/admin/documents/chooser/",
        "/admin/images/",
        "/admin/images/chooser/",
        "/admin/choose-page/search/",
        "/admin/snippets/choose/partners/partnerorganisation/",
        "/admin/snippets/partners/partnerorganisation/",
    ],
)
def test_a_double_quote_in_an_admin_search_box_is_searched_for(admin_client, url):
    for query in ['"', 'Kalmar"', '"Kalmar', 'a"b"c', '""']:
        response = admin_client.get(url, {"q": query})
        assert response.status_code == 200, (url, query)


def test_a_quoted_name_is_found_with_its_quotes(admin_client):
    PartnerOrganisationFactory(name='Föreningen "Unga vuxna"')
    for query in ['"Unga vuxna"', 'Unga"', '"unga']:
        response = admin_client.get("/admin/snippets/partners/partnerorganisation/", {"q": query})
        assert response.status_code == 200
        assert listed(response, "Unga vuxna"), query


def test_a_search_of_a_thousand_characters_answers(admin_client):
    # On PostgreSQL each word nested the query one level deeper: RecursionError.
    query = "Lernia " + ("lorem ipsum " * 84)[:990]
    for url in ("/admin/pages/search/", "/admin/snippets/partners/partnerorganisation/"):
        assert admin_client.get(url, {"q": query}).status_code == 200
    response = admin_client.get("/admin/snippets/partners/partnerorganisation/", {"q": "Lernia"})
    assert listed(response, "Lernia")


def test_documents_can_be_searched_and_filtered_by_usage_at_once(admin_client, world):
    # The usage-count filter is an annotation, which the search backend's filter check
    # could not read (AttributeError) as soon as something was typed in the search box.
    for url in ("/admin/documents/", "/admin/images/"):
        for params in ({"usage_count_min": "0"}, {"usage_count_min": "0", "usage_count_max": "5"}):
            response = admin_client.get(url, {"q": "Kalmar", **params})
            assert response.status_code == 200
    response = admin_client.get("/admin/documents/", {"q": "Kalmar", "usage_count_min": "0"})
    assert listed(response, "Kalmar-rutin.pdf")


# --- Huge numbers in admin filters --------------------------------------------------


@pytest.mark.parametrize(
    "url, params, still_listed",
    [
        ("/admin/pages/{home}/", {"content_type": HUGE}, "Om portalen"),
        ("/admin/pages/{home}/", {"site": HUGE}, "Om portalen"),
        ("/admin/pages/{home}/", {"edited_by": HUGE}, "Om portalen"),
        ("/admin/users/", {"group": HUGE}, "staff.a@example.se"),
        ("/admin/reports/site-history/", {"user": HUGE}, None),
        ("/admin/reports/site-history/", {"content_type": HUGE}, None),
        ("/admin/documents/", {"usage_count_min": HUGE, "usage_count_max": HUGE}, None),
        ("/admin/documents/", {"usage_count_min": "-" + HUGE, "usage_count_max": HUGE}, "Allmant"),
        ("/admin/documents/", {"usage_count_min": "1e309", "usage_count_max": "1e309"}, None),
    ],
)
def test_a_huge_number_in_an_admin_filter_is_refused_by_the_filter_form(
    admin_client, url, params, still_listed
):
    response = admin_client.get(url.format(home=home_page().pk), params)
    assert response.status_code == 200
    if still_listed:
        # An invalid choice leaves the listing unfiltered, with the form's error shown.
        assert listed(response, still_listed)


def test_numbers_no_column_can_hold_match_nothing_in_lists_and_everything_in_ranges(world):
    group = world.municipality_a.members_group
    assert list(Group.objects.filter(pk__in=[int(HUGE), group.pk])) == [group]
    assert not Group.objects.filter(pk__in=[int(HUGE)]).exists()
    Document = get_document_model()
    assert Document.objects.filter(pk__range=(-int(HUGE), int(HUGE))).count() == 2
    assert not Document.objects.filter(pk__range=(int(HUGE), int(HUGE) + 1)).exists()


# --- HTTP methods -------------------------------------------------------------------


@pytest.mark.parametrize("method", ["TRACE", "TRACK", "CONNECT", "PROPFIND"])
def test_unusual_methods_are_refused_without_content(client, world, method):
    client.force_login(world.users["staff of A"])
    document = world.content["A's document"]
    for url in (document.url, "/konto/mitt-konto/mina-uppgifter.json", "/"):
        response = client.generic(method, url)
        assert response.status_code == 405, (method, url)
        assert b"PDF" not in response.content and b"staff.a" not in response.content
        assert "GET" in response["Allow"]


def test_ordinary_methods_still_work(client, world):
    client.force_login(world.users["staff of A"])
    assert client.get(world.content["A's document"].url).status_code == 200
    assert client.head("/").status_code == 200


# --- Over-long query strings ----------------------------------------------------------


@pytest.mark.parametrize("query", ["a" * 17000, "q=" + "x" * 17000, "utm=" + "ö" * 6000])
def test_a_visitor_with_an_over_long_query_is_still_asked_to_log_in(client, world, query):
    page = world.content["page deep under A"]
    response = client.get(f"{page.url}?{query}")
    assert response.status_code == 302
    assert login_next(response) == page.url


def test_a_visitor_keeps_an_ordinary_query_through_the_login(client, world):
    page = world.content["page deep under A"]
    response = client.get(f"{page.url}?flik=2")
    assert login_next(response) == f"{page.url}?flik=2"


def test_a_missing_address_inside_a_section_with_an_over_long_query_asks_to_log_in(client, world):
    section = world.content["A's section"]
    response = client.get(f"{section.url}finns-inte/?{'b' * 17000}")
    assert response.status_code == 302
    assert login_next(response) == f"{section.url}finns-inte/"


# --- Setting up a fresh checkout ------------------------------------------------------


@pytest.mark.once
def test_migrate_works_before_the_data_folder_exists(tmp_path):
    var_dir = tmp_path / "ny-var"
    env = {
        **os.environ,
        "PORTAL_VAR_DIR": str(var_dir),
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--plan"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (var_dir / "portal.sqlite3").exists()
