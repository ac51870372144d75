"""What a partner organisation owns: its group, named after it (idempotent)."""

from portal.provisioning import named_group, sync_shared_space_restriction


def partner_group_name(name):
    return f"Partner – {name}"


def provision_partner_group(organisation):
    from partners.models import PartnerOrganisation

    group = named_group(organisation.group, partner_group_name(organisation.name))
    if organisation.group_id != group.pk:
        PartnerOrganisation.objects.filter(pk=organisation.pk).update(group=group)
        organisation.group = group
    for space in organisation.shared_spaces.all():
        sync_shared_space_restriction(space)
