"""Starting a new knowledge page in the admin: the owner is filled in, a page that cannot
be published is neither created nor autosaved, and addresses are ASCII."""

import re

import pytest

from knowledge.bulk import create_published_pages
from knowledge.models import RoutinePage
from tests.knowledge.test_lifecycle import _routine_form


def _add_url(bank):
    return f"/admin/pages/add/knowledge/routinepage/{bank.pk}/"


def test_a_new_routine_is_owned_by_the_editor_who_starts_it(client, world, banks):
    editor = world.users["editor of A"]
    client.force_login(editor)
    html = client.get(_add_url(banks["A"])).content.decode()
    select = re.search(r'<select name="content_owner".*?</select>', html, re.S).group(0)
    assert re.search(rf'<option value="{editor.pk}" selected>', select)


def test_a_routine_that_cannot_be_published_gets_one_message_and_no_draft(client, world, banks):
    editor = world.users["editor of A"]
    client.force_login(editor)
    data = _routine_form(banks["A"], content_owner=str(editor.pk), **{"action-publish": "publish"})
    response = client.post(_add_url(banks["A"]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Sidan kunde inte skapas") == 1
    assert "En rutin behöver ett granskningsdatum innan den kan publiceras." in html
    assert "Sidan &#x27;Ny rutin&#x27; skapad" not in html and "skapad." not in html
    assert not RoutinePage.objects.filter(slug="ny-rutin").exists()
    # The form is shown again as holding unsaved changes, which Wagtail's autosave would
    # save as a draft at once; the editor's script stops that (a real browser checks it in
    # test_new_pages_browser.py).
    assert 'data-w-unsaved-force-value="true"' in html
    assert 'addEventListener("w-autosave:save"' in html


def test_the_admins_slug_field_makes_ascii_slugs(client, world, banks):
    client.force_login(world.users["editor of A"])
    html = client.get(_add_url(banks["A"])).content.decode()
    slug_input = re.search(r'<input[^>]*name="slug"[^>]*>', html).group(0)
    # Without the attribute the slug controller's allowUnicode is false: the title's
    # "å", "ä", "ö" become "a", "a", "o" (checked in a browser in test_new_pages_browser.py).
    assert 'data-controller="w-slug"' in slug_input
    assert "allow-unicode" not in slug_input


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Rutin för våld i nära relationer", "rutin-for-vald-i-nara-relationer"),
        ("Åtgärder vid ökad frånvaro", "atgarder-vid-okad-franvaro"),
    ],
)
def test_pages_created_by_code_get_ascii_slugs(world, banks, title, slug):
    # The bulk path (imports, demo data, the test factories) and add_child alike.
    (bulk,) = create_published_pages(banks["A"], [RoutinePage(title=title)])
    assert bulk.slug == slug
    one = banks["B"].add_child(instance=RoutinePage(title=title))
    assert one.slug == slug
    assert banks["A"].get_children().get(pk=bulk.pk).url.isascii()


def test_a_slug_typed_with_swedish_letters_is_saved_in_ascii(client, world, banks):
    client.force_login(world.users["editor of A"])
    response = client.post(_add_url(banks["A"]), _routine_form(banks["A"], slug="rutin-för-skola"))
    assert response.status_code == 302
    assert RoutinePage.objects.get(title="Ny rutin").slug == "rutin-for-skola"


def test_every_portal_page_type_gets_an_ascii_slug(world):
    from tests.factories import add_page

    page = add_page(None, title="Om vår portal", slug="om-vår-portal", one_by_one=True)
    page.refresh_from_db()
    assert page.slug == "om-var-portal"
    assert page.url.isascii()
