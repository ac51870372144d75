"""The directory page: filters, text search, sorting, pagination, constant query count,
and the organisation page with liaisons."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.models import Liaison
from partners.models.directory_page import DIRECTORY_PAGE_SIZE
from tests.factories import PartnerOrganisationFactory, UserFactory
from tests.partners.factories import ContactPersonFactory, organisation


def _main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def _listed(response):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', _main(response))


@pytest.fixture
def staff_a(client, world, directory):
    client.force_login(world.users["staff of A"])
    return client


def test_directory_is_sorted_by_name(staff_a, directory):
    assert _listed(staff_a.get(directory.page.url)) == [
        "BUP Kalmar län",
        "Frivården Kalmar",
        "Integra",
        "Lernia",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "bup"}, ["BUP Kalmar län"]),
        ({"kind": "frivard"}, ["Frivården Kalmar"]),
        ({"municipality": "sodertalje"}, ["Integra", "Lernia"]),
        ({"municipality": "kalmar", "kind": "utbildning"}, ["Lernia"]),
        ({"topic": "arbete"}, ["Integra", "Lernia"]),
        ({"topic": "psykisk-hälsa"}, ["BUP Kalmar län"]),
    ],
)
def test_filters(staff_a, directory, query, expected):
    assert _listed(staff_a.get(directory.page.url, query)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lernia", ["Lernia"]),  # organisation name, any case
        ("Åsa", ["BUP Kalmar län"]),  # contact name
        ("kurator", ["BUP Kalmar län"]),  # contact title
        ("praktikplatser", ["Lernia"]),  # what to contact them about
        ("Per Berg", []),  # has left: not searchable
        ("Sanna", []),  # limited to Södertälje: staff of A cannot find her
        ("ingen träff alls", []),
    ],
)
def test_text_search(staff_a, directory, text, expected):
    response = staff_a.get(directory.page.url, {"q": text})
    assert _listed(response) == expected
    if not expected:
        assert "Inga organisationer matchar din sökning." in _main(response)


def test_search_finds_limited_contact_for_her_municipality(client, world, directory):
    client.force_login(world.users["staff of B"])
    assert _listed(client.get(directory.page.url, {"q": "Sanna"})) == ["Lernia"]


def test_unknown_filter_value_is_reported_not_a_crash(staff_a, directory):
    response = staff_a.get(directory.page.url, {"kind": "hemlig", "municipality": "x"})
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in _main(response)
    assert len(_listed(response)) == 4


def test_filter_form_has_labels_and_swedish_choices(staff_a, directory):
    main = _main(staff_a.get(directory.page.url))
    for field in ("q", "kind", "municipality", "topic"):
        assert f'<label for="id_{field}">' in main
    assert "Barn- och ungdomspsykiatri (BUP)" in main
    assert "4 organisationer" in main


def test_pagination_keeps_filters(staff_a, world, directory):
    size = DIRECTORY_PAGE_SIZE
    for n in range(size + 5):
        organisation(f"Förening {n:02d}", kind="foreningsliv")
    first = staff_a.get(directory.page.url, {"kind": "foreningsliv"})
    assert len(_listed(first)) == size
    assert "?kind=foreningsliv&amp;page=2" in _main(first)
    second = staff_a.get(directory.page.url, {"kind": "foreningsliv", "page": 2})
    assert _listed(second) == [f"Förening {n:02d}" for n in range(size, size + 5)]
    assert "Sida 2 av 2" in _main(second)
    # A page number out of range or not a number shows a page, not an error.
    assert staff_a.get(directory.page.url, {"page": "999"}).status_code == 200
    assert staff_a.get(directory.page.url, {"page": "abc"}).status_code == 200


def _queries(client, url, params=None):
    # A first request warms per-session and per-site caches; measure a steady one.
    client.get(url, params or {})
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(context.captured_queries)


def _grow(world, count):
    for n in range(count):
        org = organisation(
            f"Organisation {n:03d}",
            kind="skola",
            served=[world.municipality_a],
            topics=["skola"],
        )
        for _ in range(3):
            ContactPersonFactory(organisation=org)


@pytest.mark.parametrize("params", [{}, {"q": "a", "topic": "skola", "municipality": "kalmar"}])
def test_query_count_does_not_grow_with_the_directory(staff_a, world, directory, params):
    small = _queries(staff_a, directory.page.url, params)
    _grow(world, 45)
    large = _queries(staff_a, directory.page.url, params)
    assert small == large
    assert len(_listed(staff_a.get(directory.page.url, params))) == DIRECTORY_PAGE_SIZE


def test_organisation_page_query_count_is_constant(staff_a, world, directory):
    url = directory.page.url + "bup-kalmar-lan/"
    small = _queries(staff_a, url)
    bup = directory.orgs["BUP Kalmar län"]
    for _ in range(10):
        ContactPersonFactory(organisation=bup)
    for n in range(5):
        Liaison.objects.create(organisation=bup, user=UserFactory(), title=f"Roll {n}")
    assert _queries(staff_a, url) == small


def test_organisation_page_names_our_liaisons(staff_a, world, directory):
    bup = directory.orgs["BUP Kalmar län"]
    karin = UserFactory(first_name="Karin", last_name="Ansvarig", email="karin@kalmar.example.se")
    Liaison.objects.create(
        organisation=bup,
        user=karin,
        municipality=world.municipality_a,
        title="Enhetschef",
        responsibility="Överenskommelsen om skolstöd",
    )
    Liaison.objects.create(organisation=bup, name="Olle Utan Konto", phone="0480-123 45")
    main = _main(staff_a.get(directory.page.url + "bup-kalmar-lan/"))
    assert "Ansvariga hos oss" in main
    assert "<h3>Karin Ansvarig</h3>" in main
    assert "Enhetschef, Kalmar kommun" in main
    assert "Ansvarar för: Överenskommelsen om skolstöd" in main
    assert 'href="mailto:karin@kalmar.example.se"' in main
    assert "<h3>Olle Utan Konto</h3>" in main
    assert 'href="tel:0480-12345"' in main


def test_organisation_page_lists_the_agreements_the_reader_may_see(world, directory, client):
    import datetime

    from tests.knowledge.factories import add_agreement, add_index

    bup = directory.orgs["BUP Kalmar län"]
    kalmar_bank = add_index(world.municipality_a.section_page.specific, slug="kb-kalmar")
    add_agreement(
        kalmar_bank,
        datetime.date(2026, 1, 1),
        datetime.date(2027, 12, 31),
        title="Överenskommelse om skolstöd med BUP",
        partner_organisations=[bup],
        municipalities=[world.municipality_a],
    )
    url = directory.page.url + "bup-kalmar-lan/"

    client.force_login(world.users["staff of A"])
    main = _main(client.get(url))
    assert 'id="agreements-heading"' in main
    assert "Överenskommelse om skolstöd med BUP" in main

    # Staff of B see BUP, but not Kalmar's restricted agreement.
    client.force_login(world.users["staff of B"])
    main = _main(client.get(url))
    assert "Överenskommelse om skolstöd med BUP" not in main


def test_organisation_without_details_still_renders(staff_a, world, directory):
    org = PartnerOrganisationFactory(name="Tom förening", description="")
    response = staff_a.get(directory.page.url + f"{org.slug}/")
    assert response.status_code == 200
    assert "Inga kontaktpersoner finns listade." in _main(response)
