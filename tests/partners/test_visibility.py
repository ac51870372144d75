"""Who sees which organisations and contacts, for every user kind of the access matrix,
through the access module and over HTTP (directory, organisation page)."""

import pytest

from partners.models import ContactPerson, PartnerOrganisation
from portal.access import access_for
from tests.test_access_matrix import USERS

ALL = {"Lernia", "BUP Kalmar län", "Integra", "Frivården Kalmar", "Södertälje gymnasieskola"}
OPEN = {"Lernia", "BUP Kalmar län", "Integra"}
VISIBLE_ORGS = {
    "anonymous": set(),
    "inactive user": set(),
    "staff of A": OPEN | {"Frivården Kalmar"},
    "editor of A": OPEN | {"Frivården Kalmar"},
    "staff of B": OPEN | {"Södertälje gymnasieskola"},
    # Own organisation, plus those sharing a space that are not limited to municipalities.
    "partner user": {"Lernia", "Integra"},
    "superuser": ALL,
}
VISIBLE_CONTACTS = {
    "anonymous": set(),
    "inactive user": set(),
    "staff of A": {
        "Åsa Lind",
        "Kim Kalmarsson",
        "Lena Lernia",
        "Ingrid Integra",
        "Fredrik Frivård",
    },
    "editor of A": {
        "Åsa Lind",
        "Kim Kalmarsson",
        "Lena Lernia",
        "Ingrid Integra",
        "Fredrik Frivård",
    },
    "staff of B": {"Åsa Lind", "Lena Lernia", "Sanna Söder", "Ingrid Integra", "Sofia Skola"},
    # A partner user sees colleagues limited to a municipality, but not other limited ones.
    "partner user": {"Lena Lernia", "Sanna Söder", "Ingrid Integra"},
    "superuser": {
        "Åsa Lind",
        "Kim Kalmarsson",
        "Lena Lernia",
        "Sanna Söder",
        "Ingrid Integra",
        "Fredrik Frivård",
        "Sofia Skola",
    },
}


def _login(client, world, user):
    if user != "anonymous":
        client.force_login(world.users[user])


def _main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.parametrize("user", USERS)
def test_access_module_limits_organisations_and_contacts(world, directory, user):
    access = access_for(world.users[user])
    orgs = access.visible_snippets(PartnerOrganisation.objects.all())
    assert {o.name for o in orgs} == VISIBLE_ORGS[user]
    for name, org in directory.orgs.items():
        assert access.can_view_snippet(org) is (name in VISIBLE_ORGS[user])
    contacts = access.visible_snippets(ContactPerson.objects.filter(has_left=False))
    assert {c.name for c in contacts} == VISIBLE_CONTACTS[user]


@pytest.mark.parametrize("user", USERS)
def test_directory_lists_what_the_user_may_see(client, world, directory, user):
    _login(client, world, user)
    response = client.get(directory.page.url)
    if user in ("anonymous", "inactive user"):
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/?next=/partnerkatalog/")
        return
    assert response.status_code == 200
    main = _main(response)
    for name in ALL:
        assert (f">{name}</a></h2>" in main) is (name in VISIBLE_ORGS[user]), name
    for name in VISIBLE_CONTACTS["superuser"] | {"Per Berg"}:
        assert (name in main) is (name in VISIBLE_CONTACTS[user]), name


@pytest.mark.parametrize("user", USERS)
def test_organisation_pages_follow_the_same_rule(client, world, directory, user):
    _login(client, world, user)
    missing = client.get(directory.page.url + "finns-inte/")
    for name, org in directory.orgs.items():
        response = client.get(directory.page.url + f"{org.slug}/")
        if user in ("anonymous", "inactive user"):
            assert response.status_code == 302
            assert "/konto/login/" in response["Location"]
        elif name in VISIBLE_ORGS[user]:
            assert response.status_code == 200
            main = _main(response)
            assert f"<h1>{name}</h1>" in main
            shown = {c for c in VISIBLE_CONTACTS["superuser"] | {"Per Berg"} if c in main}
            expected = {
                c.name
                for c in org.contacts.all()
                if c.name in VISIBLE_CONTACTS[user] and not c.has_left
            }
            assert shown == expected
        else:
            # The same answer as for an organisation that does not exist.
            assert response.status_code == 404
            assert _main(response) == _main(missing)


def test_contact_who_left_is_hidden_but_kept(client, world, directory):
    client.force_login(world.users["superuser"])
    html = _main(client.get(directory.page.url + "bup-kalmar-lan/"))
    assert "Per Berg" not in html
    assert ContactPerson.objects.filter(name="Per Berg", has_left=True).exists()


def test_phone_and_email_are_links(client, world, directory):
    client.force_login(world.users["staff of A"])
    html = _main(client.get(directory.page.url + "bup-kalmar-lan/"))
    assert '<a href="tel:0480-84000">0480-840 00</a>' in html
    assert '<a href="mailto:bup@regionkalmar.example.se">' in html
    listing = _main(client.get(directory.page.url))
    assert 'href="tel:010-1234567"' in listing
    assert 'href="mailto:' in listing


def test_topic_choices_come_only_from_visible_organisations(client, world, directory):
    frivard = directory.orgs["Frivården Kalmar"]
    frivard.topics.add("hemlig insats")
    frivard.save()  # cluster tags are written on save
    client.force_login(world.users["staff of B"])
    assert "hemlig insats" not in _main(client.get(directory.page.url))
    client.force_login(world.users["staff of A"])
    assert "hemlig insats" in _main(client.get(directory.page.url))
