"""The demo partner directory: enough organisations of every kind, idempotent."""

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from partners.models import (
    ContactPerson,
    Liaison,
    OrganisationKind,
    PartnerDirectoryPage,
    PartnerOrganisation,
)


def _snapshot():
    return (
        sorted(PartnerOrganisation.objects.values_list("name", "kind", "checked_on", "email")),
        sorted(ContactPerson.objects.values_list("organisation__name", "name", "email")),
        sorted(Liaison.objects.values_list("organisation__name", "name", "title")),
        Revision.objects.count(),
        PartnerDirectoryPage.objects.count(),
    )


@pytest.mark.django_db
def test_demo_directory_is_complete_and_seeding_twice_changes_nothing(client):
    call_command("seed_demo", verbosity=0)
    first = _snapshot()
    call_command("seed_demo", verbosity=0)
    assert _snapshot() == first

    organisations = PartnerOrganisation.objects.all()
    assert organisations.count() >= 20
    assert {o.kind for o in organisations} == set(OrganisationKind.values)
    for name in ("Lernia", "Integra", "Arbetsförmedlingen", "BUP Kalmar län"):
        assert organisations.filter(name=name).count() == 1
    for organisation in organisations:
        assert 2 <= organisation.contacts.count() <= 4, organisation.name
        assert organisation.checked_on is not None
    served = {m.slug for o in organisations for m in o.municipalities_served.all()}
    assert served == {"kalmar", "sodertalje", "norrtalje", "osteraker"}
    assert Liaison.objects.filter(user__isnull=False).exists()
    assert Liaison.objects.filter(user__isnull=True).exists()

    # The directory is in the menu and works for a demo staff member.
    directory = PartnerDirectoryPage.objects.get()
    assert directory.show_in_menus
    client.login(email="personal.kalmar@demo.samverkan.se", password="Samverkan-demo-2026")
    response = client.get(directory.url)
    assert response.status_code == 200
    assert "Partnerkatalog" in response.content.decode()
    # Södertälje's own social services are limited to Södertälje.
    assert "Socialtjänsten Södertälje" not in response.content.decode()
