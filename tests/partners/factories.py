"""Factories for the partner directory (the shared ones live in tests/factories.py)."""

import factory

from partners.models import ContactPerson, PartnerDirectoryPage
from tests.factories import PartnerOrganisationFactory, add_page


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson
        skip_postgeneration_save = True

    organisation = factory.SubFactory(PartnerOrganisationFactory)
    name = factory.Sequence(lambda n: f"Kontakt {n}")
    title = "Handläggare"
    phone = "010-123 45 67"
    email = factory.Sequence(lambda n: f"kontakt{n}@partner.example.se")
    contact_about = "Allmänna frågor"

    @factory.post_generation
    def limited_to(self, create, extracted, **kwargs):
        if create and extracted:
            self.limited_to.set(extracted)
            self.save()


def organisation(name, *, kind="annan", served=(), limited_to=(), topics=(), **fields):
    """A saved organisation with its many-to-many fields set."""
    org = PartnerOrganisationFactory(name=name, kind=kind, **fields)
    org.kind = kind
    for key, value in fields.items():
        setattr(org, key, value)
    org.municipalities_served = list(served)
    org.limited_to = list(limited_to)
    org.topics.set(list(topics))
    org.save()
    return org


def add_directory(title="Partnerkatalog", slug="partnerkatalog"):
    return add_page(None, model=PartnerDirectoryPage, title=title, slug=slug)
