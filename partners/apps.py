from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from partners.models import PartnerOrganisation
        from portal import cache_version

        # Organisations decide partner users' memberships, cached per user.
        cache_version.bump_on_change(PartnerOrganisation)
        # Contacts too: the search keeps the ids of visible contacts per reach.
        from partners.models import ContactPerson

        cache_version.bump_on_change(ContactPerson)
        # Who an organisation or contact is limited to decides who sees it (per reach).
        cache_version.bump_on_m2m_change(
            PartnerOrganisation.limited_to.through, ContactPerson.limited_to.through
        )

        from partners import search_items

        search_items.connect()
