"""Every user kind against every content kind, through the access module and over HTTP."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal.access import access_for

USERS = [
    "anonymous",
    "staff of A",
    "staff of B",
    "editor of A",
    "partner user",
    "inactive user",
    "superuser",
]
PAGES = [
    "public page",
    "login-only page",
    "A's section",
    "page deep under A",
    "B's section",
    "shared space A + partner",
]
FILES = ["A's document", "A's image", "public document"]

# The expected answer of every cell: True = may see.
EVERYONE = set(USERS)
LOGGED_IN = {"staff of A", "staff of B", "editor of A", "partner user", "superuser"}
OF_A = {"staff of A", "editor of A", "superuser"}
EXPECTED = {
    "public page": EVERYONE,
    "login-only page": LOGGED_IN,
    "A's section": OF_A,
    "page deep under A": OF_A,
    "B's section": {"staff of B", "superuser"},
    "shared space A + partner": OF_A | {"partner user"},
    "A's document": OF_A,
    "A's image": OF_A,
    "public document": EVERYONE,
}
# One test per kind of user walks every cell of that row (one world built per row, not
# per cell); a failure lists every cell that disagrees with the expectation.


def _can_view(access, thing, obj):
    if "document" in thing:
        return access.can_view_document(obj)
    if "image" in thing:
        return access.can_view_image(obj)
    return access.can_view_page(obj)


def _visible_ids(access, thing, obj):
    if "document" in thing:
        return set(access.visible_documents().values_list("pk", flat=True))
    if "image" in thing:
        return set(access.visible_images().values_list("pk", flat=True))
    return set(access.visible_pages().values_list("pk", flat=True))


@pytest.mark.parametrize("user", USERS)
def test_access_module_answers_every_cell(world, user):
    wrong = []
    for thing in PAGES + FILES:
        obj = world.content[thing]
        access = access_for(world.users[user])
        expected = user in EXPECTED[thing]
        if _can_view(access, thing, obj) is not expected:
            wrong.append(f"can_view {thing}")
        if (obj.pk in _visible_ids(access, thing, obj)) is not expected:
            wrong.append(f"visible {thing}")
    assert wrong == []


def _main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def _login(client, world, user):
    if user != "anonymous":
        client.force_login(world.users[user])


def _page_answer_is_right(client, world, user, page):
    response = client.get(world.content[page].url)
    if user in EXPECTED[page]:
        return (
            response.status_code == 200 and world.content[page].title in response.content.decode()
        )
    if user in ("anonymous", "inactive user"):
        # Inactive users are not logged in at all (Django refuses them), so they are asked to log in.
        return response.status_code == 302 and response["Location"].startswith(
            "/konto/login/?next="
        )
    # Logged-in users without access learn nothing: the same 404 as a missing page.
    missing = client.get(world.content[page].url + "finns-inte/")
    return (
        response.status_code == 404
        and missing.status_code == 404
        and _main(response) == _main(missing)
    )


@pytest.mark.parametrize("user", USERS)
def test_page_serving_follows_the_matrix(client, world, user):
    _login(client, world, user)
    wrong = [page for page in PAGES if not _page_answer_is_right(client, world, user, page)]
    assert wrong == []


def _document_answer_is_right(client, world, user, document):
    response = client.get(world.content[document].url)
    if user in EXPECTED[document]:
        return response.status_code == 200 and b"".join(response.streaming_content).startswith(
            b"%PDF"
        )
    if user in ("anonymous", "inactive user"):
        return response.status_code == 302 and "/konto/login/" in response["Location"]
    return response.status_code == 404


@pytest.mark.parametrize("user", USERS)
def test_document_download_follows_the_matrix(client, world, user):
    _login(client, world, user)
    documents = ("A's document", "public document")
    wrong = [d for d in documents if not _document_answer_is_right(client, world, user, d)]
    assert wrong == []


def test_user_removed_from_group_loses_access_on_next_request(client, world):
    user = world.users["staff of A"]
    client.force_login(user)
    url = world.content["page deep under A"].url
    assert client.get(url).status_code == 200
    user.groups.remove(world.municipality_a.members_group)
    assert client.get(url).status_code == 404


def test_access_answers_are_cached_per_user_object(world, django_assert_num_queries):
    user = world.users["staff of A"]
    pages = [world.content[name] for name in PAGES]
    access_for(user).can_view_page(pages[0])
    with django_assert_num_queries(0):
        for page in pages:
            access_for(user).can_view_page(page)


def test_anonymous_and_none_users_see_only_public_content(world):
    for user in (None, AnonymousUser()):
        access = access_for(user)
        assert access.can_view_page(world.content["public page"])
        assert not access.can_view_page(world.content["A's section"])


@pytest.mark.parametrize("user", USERS)
def test_partner_organisation_snippets_follow_the_rule(world, user):
    from partners.models import PartnerOrganisation

    other = PartnerOrganisation.objects.create(name="Integra")
    visible = set(access_for(world.users[user]).visible_snippets(PartnerOrganisation.objects.all()))
    expected = {
        "anonymous": set(),
        "inactive user": set(),
        # A partner user sees their own organisation and those sharing a space with them.
        "partner user": {world.partner},
    }.get(user, {world.partner, other})
    assert visible == expected
    assert access_for(world.users[user]).can_view_snippet(other) is (other in expected)


def test_document_files_are_not_reachable_around_the_access_check(client, world, settings):
    """The dev server serves media for the admin, behind the access check, never documents."""
    import importlib

    from django.urls import clear_url_caches

    import portal.urls

    settings.DEBUG = True
    try:
        importlib.reload(portal.urls)
        clear_url_caches()
        doc = world.content["A's document"]
        image = world.content["A's image"]
        rendition = image.get_rendition("max-165x165")
        client.force_login(world.users["staff of B"])
        assert client.get(f"/media/{doc.file.name}").status_code == 404
        assert client.get(f"/media/{image.file.name}").status_code == 404
        assert client.get(f"/media/{rendition.file.name}").status_code == 404
        # Those who may see the image get it (the admin's thumbnails work in dev).
        client.force_login(world.users["staff of A"])
        assert client.get(f"/media/{doc.file.name}").status_code == 404
        assert client.get(f"/media/{image.file.name}").status_code == 200
        assert client.get(f"/media/{rendition.file.name}").status_code == 200
    finally:
        settings.DEBUG = False
        importlib.reload(portal.urls)
        clear_url_caches()


def test_visitors_get_the_same_answer_for_missing_and_restricted_addresses(client, world):
    existing = client.get(world.content["page deep under A"].url)
    missing = client.get(world.content["A's section"].url + "finns-inte/")
    assert existing.status_code == missing.status_code == 302
    assert missing["Location"].startswith("/konto/login/?next=")
    doc = world.content["A's document"]
    assert client.get(doc.url).status_code == 302
    assert client.get(f"/dokument/{doc.pk + 999}/finns-inte.pdf").status_code == 302
    # Outside the sections too: a missing public address is not told apart from a
    # restricted one (tests/test_small_access_fixes.py).
    assert client.get("/finns-inte/").status_code == 302


@pytest.mark.parametrize("path", ["/_util/login/", "/_util/authenticate_with_password/1/2/"])
def test_wagtails_second_login_and_password_form_are_gone(client, world, path):
    user = world.users["staff of A"]
    response = client.post(path, {"username": user.email, "password": "Ett-langt-testlosen-42"})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response["Location"].startswith("/konto/login/")


def test_page_chooser_offers_an_editor_only_pages_they_may_read(client, world):
    from tests.factories import add_page

    add_page(world.content["B's section"], title="Södertäljes rutin för skolstart", slug="b-rutin")
    client.force_login(world.users["editor of A"])
    search = client.get("/admin/choose-page/search/", {"q": "rutin"})
    assert search.status_code == 200
    html = search.content.decode()
    assert "Rutin för inskrivning" in html  # A's own page stays choosable
    assert "Södertäljes rutin för skolstart" not in html
    b_section = world.content["B's section"]
    browse = client.get(f"/admin/choose-page/{b_section.pk}/")
    assert "Södertäljes rutin för skolstart" not in browse.content.decode()


def test_logged_in_user_without_admin_access_is_not_bounced_forever(client, world):
    client.force_login(world.users["staff of A"])
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert len(response.redirect_chain) <= 2
    assert response.redirect_chain[-1][0].startswith("/konto/login/")
