from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from partners.models import PartnerOrganisation


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    menu_label = _("Partner organisations")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "kind", "checked_on"]
    list_filter = ["kind"]
    search_fields = ["name"]


register_snippet(PartnerOrganisationViewSet)
