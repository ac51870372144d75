"""Municipalities and shared spaces wire their groups, pages, collections and permissions."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
)

from portal.models import Municipality, MunicipalitySectionPage
from tests.factories import MunicipalityFactory, PartnerOrganisationFactory, add_shared_space


def _snapshot():
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "pages": sorted(Page.objects.values_list("url_path", flat=True)),
        "collections": sorted(Collection.objects.values_list("name", flat=True)),
        "page restrictions": sorted(
            PageViewRestriction.objects.values_list("page__title", "groups__name")
        ),
        "collection restrictions": sorted(
            CollectionViewRestriction.objects.values_list("collection__name", "groups__name")
        ),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
    }


@pytest.mark.django_db
def test_add_municipality_creates_everything_and_is_idempotent(capsys):
    before = _snapshot()
    call_command("add_municipality", "Kalmar kommun", "--code", "0880")
    kalmar = Municipality.objects.get(name="Kalmar kommun")
    after_first = _snapshot()

    assert kalmar.slug == "kalmar"
    assert kalmar.members_group.name == "Kalmar kommun – medlemmar"
    assert kalmar.editors_group.name == "Kalmar kommun – redaktörer"
    section = MunicipalitySectionPage.objects.get(municipality=kalmar)
    assert section.url_path == "/start/kalmar/"
    restriction = PageViewRestriction.objects.get(page=section)
    assert set(restriction.groups.all()) == {kalmar.members_group, kalmar.editors_group}
    collection_restriction = CollectionViewRestriction.objects.get(collection=kalmar.collection)
    assert set(collection_restriction.groups.all()) == set(restriction.groups.all())
    assert set(
        GroupPagePermission.objects.filter(group=kalmar.editors_group).values_list(
            "permission__codename", flat=True
        )
    ) == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
    assert set(
        GroupCollectionPermission.objects.filter(group=kalmar.editors_group).values_list(
            "permission__codename", flat=True
        )
    ) == {
        "add_document",
        "change_document",
        "choose_document",
        "add_image",
        "change_image",
        "choose_image",
        "add_media",
        "change_media",
    }
    assert kalmar.editors_group.permissions.filter(codename="access_admin").exists()
    assert after_first != before

    call_command("add_municipality", "Kalmar kommun", "--code", "0880")
    assert _snapshot() == after_first
    assert "Already present" in capsys.readouterr().out


@pytest.mark.django_db
def test_add_municipality_rejects_bad_code_and_changes_nothing():
    before = _snapshot()
    with translation.override("sv"), pytest.raises(CommandError, match="fyra siffror"):
        call_command("add_municipality", "Växjö kommun", "--code", "78A")
    assert _snapshot() == before
    assert not Municipality.objects.filter(name="Växjö kommun").exists()


@pytest.mark.django_db
def test_renaming_a_municipality_renames_what_it_owns():
    municipality = MunicipalityFactory(name="Norrtälje kommun", slug="norrtalje")
    groups = (municipality.members_group.pk, municipality.editors_group.pk)
    municipality.name = "Norrtälje kommun (ny)"
    municipality.slug = "norrtalje-ny"
    municipality.save()
    municipality.refresh_from_db()

    assert (municipality.members_group.pk, municipality.editors_group.pk) == groups
    assert municipality.members_group.name == "Norrtälje kommun (ny) – medlemmar"
    assert municipality.editors_group.name == "Norrtälje kommun (ny) – redaktörer"
    section = municipality.section_page.specific
    assert section.title == "Norrtälje kommun (ny)"
    assert section.url_path == "/start/norrtalje-ny/"
    assert municipality.collection.name == "Norrtälje kommun (ny)"
    assert Municipality.objects.count() == 1
    assert MunicipalitySectionPage.objects.count() == 1


@pytest.mark.django_db
def test_shared_space_restriction_follows_its_members():
    kalmar = MunicipalityFactory(name="Kalmar kommun")
    norrtalje = MunicipalityFactory(name="Norrtälje kommun")
    lernia = PartnerOrganisationFactory(name="Lernia")
    space = add_shared_space([kalmar], [lernia])

    def restricted_groups():
        return set(PageViewRestriction.objects.get(page=space).groups.all())

    assert restricted_groups() == {kalmar.members_group, kalmar.editors_group, lernia.group}

    space.municipalities = [norrtalje]
    space.partner_organisations = []
    space.save_revision().publish()
    assert restricted_groups() == {norrtalje.members_group, norrtalje.editors_group}

    # Nobody named: only superusers can see it, never "everyone".
    space.municipalities = []
    space.save_revision().publish()
    restriction = PageViewRestriction.objects.get(page=space)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert not restriction.groups.exists()


@pytest.mark.django_db
def test_partner_organisation_gets_a_group_and_rename_follows():
    lernia = PartnerOrganisationFactory(name="Lernia")
    assert lernia.group.name == "Partner – Lernia"
    lernia.name = "Lernia Utbildning"
    lernia.save()
    lernia.group.refresh_from_db()
    assert lernia.group.name == "Partner – Lernia Utbildning"
    assert Group.objects.filter(name__startswith="Partner –").count() == 1


@pytest.mark.django_db
def test_creating_a_municipality_in_the_wagtail_admin_provisions_it(admin_client):
    response = admin_client.post(
        "/admin/snippets/portal/municipality/add/",
        {"name": "Växjö kommun", "slug": "", "code": "0780"},
    )
    assert response.status_code == 302
    vaxjo = Municipality.objects.get(name="Växjö kommun")
    assert vaxjo.section_page is not None
    assert vaxjo.members_group.name == "Växjö kommun – medlemmar"


@pytest.mark.django_db
def test_admin_rejects_a_malformed_municipality_code(admin_client):
    response = admin_client.post(
        "/admin/snippets/portal/municipality/add/", {"name": "Växjö kommun", "code": "7x"}
    )
    assert response.status_code == 200
    assert "En kommunkod består av fyra siffror." in response.content.decode()
    assert not Municipality.objects.exists()


@pytest.mark.django_db
def test_seed_demo_is_refused_under_production_settings(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="never created"):
        call_command("seed_demo")
    assert not Municipality.objects.exists()
