"""Editing partners in the Wagtail admin: revisions, inline contacts and liaisons."""

from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from partners.models import PartnerOrganisation


def test_editing_an_organisation_saves_a_revision_with_contacts(client, world):
    client.force_login(world.users["superuser"])
    data = nested_form_data(
        {
            "name": "Frivården Kalmar",
            "slug": "",
            "kind": "frivard",
            "description": "Kriminalvårdens frivård i Kalmar.",
            "topics": "frivård, återfall",
            "municipalities_served": (world.municipality_a.pk,),
            "website": "",
            "switchboard_phone": "010-162 00 00",
            "email": "frivard.kalmar@example.se",
            "visiting_address": "",
            "opening_hours": "Vardagar 8–16",
            "checked_on": "2026-10-01",
            "limited_to": (world.municipality_a.pk,),
            "contacts": inline_formset(
                [
                    {
                        "name": "Fia Frivård",
                        "title": "Frivårdsinspektör",
                        "phone": "",
                        "email": "fia@example.se",
                        "contact_about": "Samverkan kring unga klienter",
                        "limited_to": (world.municipality_a.pk,),
                    }
                ]
            ),
            "liaisons": inline_formset(
                [
                    {
                        "user": world.users["staff of A"].pk,
                        "name": "",
                        "title": "Socialsekreterare",
                        "municipality": world.municipality_a.pk,
                        "phone": "",
                        "email": "",
                        "responsibility": "Hela samverkan",
                    }
                ]
            ),
        }
    )
    response = client.post("/admin/snippets/partners/partnerorganisation/add/", data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    org = PartnerOrganisation.objects.get(name="Frivården Kalmar")
    assert org.slug == "frivarden-kalmar"
    assert org.group is not None
    assert list(org.limited_to.all()) == [world.municipality_a]
    contact = org.contacts.get()
    assert list(contact.limited_to.all()) == [world.municipality_a]
    assert org.liaisons.get().user == world.users["staff of A"]
    assert sorted(t.name for t in org.topics.all()) == ["frivård", "återfall"]
    revision = Revision.objects.for_instance(org).get()
    assert revision.content["contacts"][0]["name"] == "Fia Frivård"
    assert org.latest_revision == revision


def test_liaison_needs_a_user_or_a_name(client, world):
    client.force_login(world.users["superuser"])
    data = nested_form_data(
        {
            "name": "Ny part",
            "slug": "",
            "kind": "annan",
            "description": "",
            "topics": "",
            "website": "",
            "switchboard_phone": "",
            "email": "",
            "visiting_address": "",
            "opening_hours": "",
            "checked_on": "",
            "contacts": inline_formset([]),
            "liaisons": inline_formset(
                [
                    {
                        "user": "",
                        "name": "",
                        "title": "Samordnare",
                        "municipality": "",
                        "phone": "",
                        "email": "",
                        "responsibility": "",
                    }
                ]
            ),
        }
    )
    response = client.post("/admin/snippets/partners/partnerorganisation/add/", data)
    assert response.status_code == 200
    assert "Välj en användare i portalen eller skriv ett namn." in response.content.decode()
    assert not PartnerOrganisation.objects.filter(name="Ny part").exists()


def test_admin_listing_edit_form_and_directory_page_form_render(client, world, directory):
    client.force_login(world.users["superuser"])
    listing = client.get("/admin/snippets/partners/partnerorganisation/")
    assert listing.status_code == 200
    assert "Barn- och ungdomspsykiatri (BUP)" in listing.content.decode()
    bup = directory.orgs["BUP Kalmar län"]
    edit = client.get(f"/admin/snippets/partners/partnerorganisation/edit/{bup.pk}/")
    html = edit.content.decode()
    assert edit.status_code == 200
    for text in ("Kontaktpersoner", "Ansvariga hos oss", "Synlighet", "Kim Kalmarsson"):
        assert text in html
    # Editors can add a directory page under the home page (only one exists already).
    home = directory.page.get_parent()
    assert client.get(f"/admin/pages/{home.pk}/").status_code == 200
    assert client.get("/admin/reports/partners-to-check/results/").status_code == 200
