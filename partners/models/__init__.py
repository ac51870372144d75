from partners.models.directory_page import PartnerDirectoryPage
from partners.models.organisations import (
    ContactPerson,
    Liaison,
    OrganisationKind,
    PartnerOrganisation,
    PartnerOrganisationTopic,
)

__all__ = [
    "ContactPerson",
    "Liaison",
    "OrganisationKind",
    "PartnerDirectoryPage",
    "PartnerOrganisation",
    "PartnerOrganisationTopic",
]
