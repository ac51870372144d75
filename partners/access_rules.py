"""Who may see partner organisations and their contact people (registered with
portal.access through the `register_access_rules` hook in partners/wagtail_hooks.py)."""

from django.db.models import Exists, OuterRef, Q

from portal.access import limited_to_my_municipalities


def partner_organisations_rule(access, queryset):
    """Staff see the directory, except organisations limited to other municipalities;
    partner users see their own organisation and the (unlimited) organisations that share a
    space with them; visitors see nothing."""
    from partners.models import PartnerOrganisation
    from portal.models import SharedSpacePage

    if not access.is_authenticated:
        return queryset.none()
    if access.is_portal_admin:
        return queryset
    own = Q(group_id__in=list(access.group_ids))
    limits = PartnerOrganisation.limited_to.through
    if access.is_member_staff:
        return queryset.filter(
            own | limited_to_my_municipalities(access, limits, "partnerorganisation_id")
        )
    shares_a_space = Exists(
        SharedSpacePage.partner_organisations.through.objects.filter(
            partnerorganisation_id=OuterRef("pk"),
            sharedspacepage_id__in=list(access.visible_shared_space_ids),
        )
    )
    limited = Exists(limits.objects.filter(partnerorganisation_id=OuterRef("pk")))
    return queryset.filter(own | (shares_a_space & ~limited))


def contact_people_rule(access, queryset):
    """Contacts of organisations the user may see; a contact limited to named municipalities
    only for those municipalities' staff (and colleagues in the same organisation). People
    who have left stay in the history and the organisation's admin form, but are shown
    nowhere, not even to administrators."""
    from partners.models import ContactPerson, PartnerOrganisation

    if not access.is_authenticated:
        return queryset.none()
    queryset = queryset.filter(has_left=False)
    if access.is_portal_admin:
        return queryset
    organisations = partner_organisations_rule(access, PartnerOrganisation.objects.all())
    limits = ContactPerson.limited_to.through
    return queryset.filter(organisation__in=organisations.values("pk")).filter(
        Q(organisation__group_id__in=list(access.group_ids))
        | limited_to_my_municipalities(access, limits, "contactperson_id")
    )


# Both depend only on the reader's groups (and the municipalities they give), and partners
# bumps the cache version when an organisation or a contact changes (partners/apps.py).
partner_organisations_rule.per_reach = True
contact_people_rule.per_reach = True


def user_partner_organisations(access):
    from partners.models import PartnerOrganisation

    return list(PartnerOrganisation.objects.filter(group_id__in=access.group_ids))
