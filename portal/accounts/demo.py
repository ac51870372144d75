"""Demo content for accounts: one pending invitation, so the admin's list is not empty.
Idempotent; no e-mail is sent."""

from django.contrib.auth import get_user_model

from portal.models import Invitation

DEMO_INVITEE = "ny.kollega@demo.samverkan.se"


def seed():
    from partners.models import PartnerOrganisation

    partner = PartnerOrganisation.objects.filter(name="Integra").first()
    if partner is None or partner.group is None:
        return []
    if not Invitation.objects.filter(email=DEMO_INVITEE).exists():
        inviter = get_user_model().objects.filter(email="admin@demo.samverkan.se").first()
        Invitation.objects.create(email=DEMO_INVITEE, group=partner.group, invited_by=inviter)
    return []
