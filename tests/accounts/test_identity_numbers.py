"""Personal identity numbers and coordination numbers block publishing, for every app's
pages and snippets, unless an administrator records a reason."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from partners.models import PartnerOrganisation
from portal.identity_numbers import find_numbers, luhn_ok
from portal.models import IdentityNumberOverride

FOUND = [
    "Eleven 121212-1212 ska skrivas in",
    "19121212-1212",
    "191212121212",
    "1212121212",
    "121212+1212",
    "19121212 1212",
    "samordningsnummer 701063-2391",
    "197010632391",
    "pnr:121212-1212.",
]
NOT_FOUND = [
    "121212-1213",  # wrong check digit
    "Ring 0480-450000",
    "ärende 2024-1234",
    "131312-1212",  # month 13
    "121232-1216",  # day 32
    "1212121212121212",  # longer digit run
    "kod AB1212121212",
    "",
]


@pytest.mark.parametrize("text", FOUND)
def test_numbers_are_found(text):
    assert find_numbers(text), text


@pytest.mark.parametrize("text", NOT_FOUND)
def test_other_numbers_are_left_alone(text):
    assert not find_numbers(text), text


def test_luhn():
    assert luhn_ok("1212121212")
    assert not luhn_ok("1212121213")


def _page_data(page, body_text, action="action-publish", title=None):
    data = nested_form_data(
        {
            "title": title or page.title,
            "slug": page.slug,
            "intro": rich_text(""),
            "body": streamfield([("paragraph", rich_text(f"<p>{body_text}</p>"))]),
        }
    )
    if action:
        data[action] = "publish"
    return data


@pytest.mark.django_db
def test_publishing_a_page_with_a_number_is_blocked_and_shows_where(client, world):
    page = world.content["public page"]
    client.force_login(world.users["superuser"])
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", _page_data(page, "Eleven Anna 121212-1212 bor på HVB")
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "ser ut som ett personnummer" in body
    assert "121212-XXXX" in body  # where it is, without repeating the full number
    assert "121212-1212" not in body.split("ser ut som ett personnummer")[1][:400]
    page.refresh_from_db()
    assert "121212" not in str(page.specific.body.raw_data)


@pytest.mark.django_db
def test_a_number_in_the_title_is_blocked_too(client, world):
    page = world.content["public page"]
    client.force_login(world.users["editor of A"])
    section = world.content["A's section"]
    response = client.post(
        f"/admin/pages/{section.pk}/edit/",
        _page_data(section, "Rutin", title="Kalmar 19121212-1212"),
    )
    assert response.status_code == 200
    assert "ser ut som ett personnummer" in response.content.decode()
    assert page.title == "Om portalen"


@pytest.mark.django_db
def test_saving_a_draft_is_allowed(client, world):
    page = world.content["public page"]
    client.force_login(world.users["superuser"])
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", _page_data(page, "121212-1212", action=None)
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.has_unpublished_changes
    assert "121212" not in str(page.specific.body.raw_data)  # live version unchanged


@pytest.mark.django_db
def test_submitting_for_moderation_is_blocked(client, world):
    page = world.content["public page"]
    client.force_login(world.users["superuser"])
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", _page_data(page, "701063-2391", action="action-submit")
    )
    assert response.status_code == 200
    assert "ser ut som ett personnummer" in response.content.decode()


def _partner_add_url():
    return reverse(PartnerOrganisation.snippet_viewset.get_url_name("add"))


def _partner_data(description="", contact_about=""):
    return nested_form_data(
        {
            "name": "Frivården Kalmar",
            "slug": "",
            "kind": "frivard",
            "description": description,
            "website": "",
            "liaisons": inline_formset([]),
            "contacts": inline_formset(
                [
                    {
                        "name": "Kim Kontakt",
                        "title": "",
                        "phone": "",
                        "email": "",
                        "contact_about": contact_about,
                        "has_left": "",
                    }
                ]
            ),
        }
    )


@pytest.mark.django_db
def test_snippet_of_another_app_is_covered(client, world):
    client.force_login(world.users["superuser"])
    response = client.post(_partner_add_url(), _partner_data(description="Gäller 121212-1212"))
    assert response.status_code == 200
    assert "ser ut som ett personnummer" in response.content.decode()
    assert not PartnerOrganisation.objects.filter(name="Frivården Kalmar").exists()


@pytest.mark.django_db
def test_inline_rows_of_snippets_are_covered(client, world):
    client.force_login(world.users["superuser"])
    response = client.post(_partner_add_url(), _partner_data(contact_about="Ärende om 1212121212"))
    assert response.status_code == 200
    assert "ser ut som ett personnummer" in response.content.decode()
    assert not PartnerOrganisation.objects.filter(name="Frivården Kalmar").exists()


@pytest.mark.django_db
def test_only_superusers_can_override(client, world):
    client.force_login(world.users["editor of A"])
    response = client.get(reverse("portal_identity_number_override"))
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_admin_override_with_reason_lets_publishing_through_and_is_recorded(client, world):
    page = world.content["public page"]
    client.force_login(world.users["superuser"])
    data = _page_data(page, "Diarienummer 121212-1212 (inte en person)")
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    errors = str(response.context["form"].errors)
    assert "en administratör tillåta det" in errors
    assert "/admin/personnummer/tillat/?ct=" in errors

    url = reverse("portal_identity_number_override")
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(type(page.specific))
    query = f"?ct={ct.pk}&obj={page.pk}&number=1212121212"
    assert client.get(url + query).status_code == 200
    # A reason is required.
    response = client.post(url + query, {"number": "1212121212", "reason": ""})
    assert response.status_code == 200
    assert not IdentityNumberOverride.objects.exists()
    response = client.post(
        url + query, {"number": "1212121212", "reason": "Diarienummer i ärendesystemet"}
    )
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    override = IdentityNumberOverride.objects.get()
    assert override.created_by == world.users["superuser"]
    entry = PageLogEntry.objects.get(action="portal.identity_number_override")
    assert entry.page_id == page.pk
    assert entry.data["reason"] == "Diarienummer i ärendesystemet"

    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert "121212-1212" in str(page.specific.body.raw_data)
    # The override is for that number only.
    response = client.post(f"/admin/pages/{page.pk}/edit/", _page_data(page, "701063-2391"))
    assert response.status_code == 200


@pytest.mark.django_db
def test_bulk_publish_from_the_listing_is_blocked_for_drafts_with_numbers(client, world):
    page = world.content["public page"].specific
    page.intro = "<p>Placerad elev 121212-1212</p>"
    page.save_revision()
    clean = world.content["login-only page"].specific
    clean.intro = "<p>Ny ingress</p>"
    clean.save_revision()
    client.force_login(world.users["superuser"])
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    response = client.post(
        f"{url}?id={page.pk}&id={clean.pk}&next=/admin/pages/", {"include_descendants": ""}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert "121212" not in page.intro
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("publicerades inte" in m and "121212-XXXX" in m for m in messages)


@pytest.mark.django_db
def test_bulk_publish_of_clean_drafts_still_works(client, world):
    clean = world.content["login-only page"].specific
    clean.intro = "<p>Ny ingress</p>"
    clean.save_revision()
    client.force_login(world.users["superuser"])
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{url}?id={clean.pk}&next=/admin/pages/", {"include_descendants": ""})
    clean.refresh_from_db()
    assert clean.intro == "<p>Ny ingress</p>"


@pytest.mark.django_db
def test_phone_fields_are_not_checked(client, world):
    # 0701212128 passes as 070121-2128 (date and Luhn) but is a mobile number.
    assert find_numbers("0701212128")
    client.force_login(world.users["superuser"])
    data = _partner_data()
    data["contacts-0-phone"] = "0701212128"
    response = client.post(_partner_add_url(), data)
    assert response.status_code == 302
    assert PartnerOrganisation.objects.get(name="Frivården Kalmar").contacts.get().phone
