"""Smaller access fixes of issue 9: odd input in the identity-number override, no shared
password for collections, the same answer for missing and refused addresses, refusals in
the audit log."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape
from django.utils.translation import gettext, override

from portal.models import IdentityNumberOverride
from tests.partners import fixtures as partner_fixtures

directory = partner_fixtures.directory  # the partner tests' fixture, used here too
OVERRIDE_URL = "/admin/personnummer/tillat/"
HUGE = "99999999999999999999999999"


LINK_ERRORS = [
    "The link is incomplete or damaged.",
    "The link names a content type that does not exist.",
    "The link names an object that does not exist.",
]


def _sv(message):
    """A message as the Swedish interface shows it (translated or not yet)."""
    with override("sv"):
        return escape(gettext(message))


def _page_ct(page):
    return ContentType.objects.get_for_model(type(page.specific)).pk


# --- identity-number override: odd input answers 400, never 500 ---------------------


@pytest.mark.parametrize(
    "query",
    [
        "ct=abc",
        "ct=1e309",
        "ct=NaN",
        f"ct={HUGE}",
        "ct=-1",
        "ct=",
        "",
        "ct=1&ct=abc",
        "ct={ct}&obj=abc",
        "ct={ct}&obj=" + HUGE,
        "ct={ct}&obj=1e309",
        "ct={ct}&obj=" + "9" * 1000,
        "ct=999999&obj=1",
        "ct={ct}&obj=999999",
    ],
)
def test_a_damaged_override_link_answers_400_with_a_message(client, world, query):
    page = world.content["public page"]
    client.force_login(world.users["superuser"])
    url = f"{OVERRIDE_URL}?{query.format(ct=_page_ct(page))}"
    response = client.get(url)
    assert response.status_code == 400
    assert any(_sv(message) in response.content.decode() for message in LINK_ERRORS)
    response = client.post(url, {"number": "1212121212", "reason": "Ordernummer"})
    assert response.status_code == 400
    assert not IdentityNumberOverride.objects.exists()


def test_a_sound_override_link_still_shows_the_form(client, world):
    page = world.content["public page"]
    client.force_login(world.users["superuser"])
    response = client.get(f"{OVERRIDE_URL}?ct={_page_ct(page)}&obj={page.pk}&number=1212121212")
    assert response.status_code == 200
    assert page.title in response.content.decode()


@pytest.mark.parametrize("user", ["editor of A", "staff of A", "partner user"])
def test_others_learn_nothing_from_the_override_link(client, world, user):
    """Existing object, missing object, damaged link: the same refusal for non-superusers."""
    page = world.content["A's section"]
    client.force_login(world.users[user])
    ct = _page_ct(page)
    answers = {
        (response.status_code, response.get("Location", "").split("?")[0])
        for response in (
            client.get(f"{OVERRIDE_URL}?ct={ct}&obj={page.pk}"),
            client.get(f"{OVERRIDE_URL}?ct={ct}&obj=999999"),
            client.get(f"{OVERRIDE_URL}?ct={ct}&obj=abc"),
            client.get(f"{OVERRIDE_URL}?ct={HUGE}"),
        )
    }
    assert len(answers) == 1
    status, location = answers.pop()
    # Wagtail sends admin users it refuses to the dashboard, others to the login.
    assert (status, location) in ((302, "/konto/login/"), (302, "/admin/"), (403, ""))


# --- no shared passwords for collections -------------------------------------------------


def test_the_collection_privacy_form_offers_no_shared_password(client, world):
    from wagtail.models import Collection

    collection = Collection.get_first_root_node().add_child(name="Öppna filer")
    client.force_login(world.users["superuser"])
    url = f"/admin/collections/{collection.pk}/privacy/"
    html = client.get(url).json()["html"]
    assert 'value="login"' in html
    assert 'value="password"' not in html
    client.post(url, {"restriction_type": "password", "password": "hemligt"})
    assert not collection.get_view_restrictions().exists()


@pytest.mark.parametrize("user", ["anonymous", "staff of A", "superuser"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_wagtails_document_password_form_answers_404(client, world, user, method):
    from wagtail.models import CollectionViewRestriction

    restriction = CollectionViewRestriction.objects.first()
    if user != "anonymous":
        client.force_login(world.users[user])
    response = getattr(client, method)(
        f"/dokument/authenticate_with_password/{restriction.pk}/", {"password": "x"}
    )
    assert response.status_code == 404
    assert "_auth_user_id" not in client.session or user != "anonymous"


# --- visitors cannot tell a missing page from a restricted one ---------------------------


def test_a_visitor_gets_the_login_for_missing_and_restricted_pages_alike(client, world):
    restricted = client.get(world.content["login-only page"].url)  # /for-inloggade/
    assert restricted.status_code == 302
    for path in ["/finns-inte/", "/om-portalen/finns-inte/", "/for-inloggade/finns-inte/"]:
        missing = client.get(path)
        assert missing.status_code == restricted.status_code, path
        assert missing["Location"] == f"/konto/login/?next={path}"


def test_a_missing_page_costs_a_visitor_few_queries(client, world, django_assert_max_num_queries):
    client.get("/")  # the site root is cached after the first request
    with django_assert_max_num_queries(3):
        assert client.get("/finns-inte/djupare/").status_code == 302


@pytest.mark.parametrize("path", ["/static/finns-inte/", "/static/finns-inte.css"])
def test_static_addresses_keep_a_plain_404(client, world, path):
    assert client.get(path).status_code == 404


def test_a_missing_media_file_is_answered_like_a_restricted_one(client, world):
    # The media folder holds images of restricted sections too: a file address.
    response = client.get("/media/original_images/finns-inte.jpg")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_logged_in_users_keep_the_plain_404(client, world):
    client.force_login(world.users["staff of A"])
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert client.get(world.content["B's section"].url).status_code == 404


# --- "mark reviewed": missing and not-yours look the same --------------------------------


def _routine(parent, **fields):
    from tests.knowledge.factories import add_index, add_routine

    return add_routine(add_index(parent, slug="kb"), **fields)


def test_mark_reviewed_answers_404_alike_for_other_sections_and_missing_pages(client, world):
    import datetime

    others = _routine(world.content["B's section"], last_reviewed=datetime.date(2025, 1, 1))
    client.force_login(world.users["editor of A"])
    answers = []
    for page_id in (others.pk, 999999, HUGE):
        for method in (client.get, client.post):
            response = method(f"/admin/kunskapsbanken/granskad/{page_id}/")
            answers.append((response.status_code, response.content))
    assert {status for status, _body in answers} == {404}
    assert len({body for _status, body in answers}) == 1
    others.refresh_from_db()
    assert others.last_reviewed == datetime.date(2025, 1, 1)


# --- refusals in the partner directory and the compare view reach the audit log ----------


def _refusals(obj):
    from wagtail.models import ModelLogEntry

    return list(ModelLogEntry.objects.for_instance(obj).filter(action="portal.access_refused"))


@pytest.mark.parametrize(
    ("user", "org"),
    [("staff of A", "Södertälje gymnasieskola"), ("partner user", "BUP Kalmar län")],
)
def test_an_organisation_refused_in_the_directory_is_logged(client, world, directory, user, org):
    organisation = directory.orgs[org]
    client.force_login(world.users[user])
    assert client.get(f"{directory.page.url}{organisation.slug}/").status_code == 404
    [entry] = _refusals(organisation)
    assert entry.user_id == world.users[user].pk
    assert entry.data["path"] == f"{directory.page.url}{organisation.slug}/"
    # Its contacts' vCards are refused (and logged) through the organisation too.
    contact = organisation.contacts.first()
    url = f"{directory.page.url}{organisation.slug}/kontakt/{contact.pk}/vcard/"
    assert client.get(url).status_code == 404
    assert len(_refusals(organisation)) == 2


def test_a_contact_refused_in_the_directory_is_logged(client, world, directory):
    bup = directory.orgs["BUP Kalmar län"]
    client.force_login(world.users["staff of B"])
    for name in ("Kim Kalmarsson", "Per Berg"):  # limited to Kalmar; has left
        contact = directory.contacts[name]
        url = f"{directory.page.url}{bup.slug}/kontakt/{contact.pk}/vcard/"
        assert client.get(url).status_code == 404
        [entry] = _refusals(contact)
        assert entry.user_id == world.users["staff of B"].pk


def test_wrong_or_missing_directory_addresses_are_not_refusals(client, world, directory):
    from wagtail.models import ModelLogEntry

    client.force_login(world.users["staff of A"])
    lena = directory.contacts["Lena Lernia"]  # visible, but under another organisation
    bup = directory.orgs["BUP Kalmar län"]
    for path in (
        "finns-inte/",
        f"{bup.slug}/kontakt/{lena.pk}/vcard/",
        f"{bup.slug}/kontakt/999999/vcard/",
        f"{bup.slug}/kontakt/{HUGE}/vcard/",
    ):
        assert client.get(directory.page.url + path).status_code == 404, path
    assert not ModelLogEntry.objects.filter(action="portal.access_refused").exists()


def test_a_version_refused_in_the_compare_view_is_logged(client, world):
    from wagtail.models import PageLogEntry

    from tests.knowledge.factories import add_index, add_routine

    shared = add_routine(add_index(None, slug="kunskapsbanken"), title="Skolstart")
    kalmar = add_routine(
        add_index(world.content["A's section"], slug="kb"), local_version_of=shared
    )
    sodertalje = add_routine(
        add_index(world.content["B's section"], slug="kb"), local_version_of=shared
    )
    client.force_login(world.users["staff of A"])
    compare = f"{shared.url}jamfor/?a={shared.pk}&b="
    assert client.get(compare + str(sodertalje.pk)).status_code == 404
    [entry] = PageLogEntry.objects.filter(action="portal.access_refused")
    assert (entry.page_id, entry.user_id) == (sodertalje.pk, world.users["staff of A"].pk)
    # Pages the reader may see, missing ids and odd input are no refusals.
    for raw in (world.content["public page"].pk, 999999, HUGE, "abc", "1e309"):
        assert client.get(compare + str(raw)).status_code == 404, raw
    assert client.get(compare + str(kalmar.pk)).status_code == 200
    assert PageLogEntry.objects.filter(action="portal.access_refused").count() == 1


# --- failed logins for unknown addresses reach the audit log -----------------------------


def test_a_failed_login_for_an_unknown_address_is_in_the_site_history(client, world):
    from django.contrib.auth import get_user_model
    from wagtail.models import ModelLogEntry, Site

    users = get_user_model().objects.count()
    response = client.post("/konto/login/", {"login": "gissad@example.se", "password": "x" * 12})
    assert response.status_code == 200
    entry = ModelLogEntry.objects.get(action="portal.login_failed")
    assert entry.content_type.model_class() is Site
    assert entry.data == {"email": "gissad@example.se", "ip": "127.0.0.1", "unknown_account": True}
    assert get_user_model().objects.count() == users
    client.force_login(world.users["superuser"])
    history = client.get("/admin/reports/site-history/?action=portal.login_failed")
    assert "gissad@example.se" in history.content.decode()
