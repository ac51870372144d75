from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from partners import access_rules
from partners.choosers import contact_person_chooser_viewset
from partners.models import ContactPerson, PartnerOrganisation
from portal.snippet_viewsets import AccessCheckedSnippetViewSet


@hooks.register("register_search_items")
def partner_search_items():
    from partners import search_items

    return search_items.providers()


@hooks.register("register_access_rules")
def partner_access_rules():
    return {
        PartnerOrganisation: access_rules.partner_organisations_rule,
        ContactPerson: access_rules.contact_people_rule,
    }


@hooks.register("construct_sitemap_pages")
def leave_directory_out_of_sitemap(pages, request):
    # The directory asks every visitor to log in, whatever its privacy says.
    from partners.models import PartnerDirectoryPage

    return pages.not_type(PartnerDirectoryPage)


@hooks.register("register_access_memberships")
def partner_memberships():
    return {"partner_organisations": access_rules.user_partner_organisations}


@hooks.register("register_admin_viewset")
def register_contact_person_chooser():
    return contact_person_chooser_viewset


class PartnerOrganisationViewSet(AccessCheckedSnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    menu_label = _("Partner organisations")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "kind", "checked_on"]
    list_filter = ["kind"]
    search_fields = ["name"]


register_snippet(PartnerOrganisationViewSet)


class StalePartnersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("partners.change_partnerorganisation")


@hooks.register("register_reports_menu_item")
def register_stale_partners_menu_item():
    return StalePartnersMenuItem(
        _("Partners to check"), reverse("partners_stale_report"), icon_name="group", order=750
    )


@hooks.register("register_admin_urls")
def register_stale_partners_report_urls():
    from partners.reports import StalePartnersReportView

    return [
        path(
            "reports/partners-to-check/",
            StalePartnersReportView.as_view(),
            name="partners_stale_report",
        ),
        path(
            "reports/partners-to-check/results/",
            StalePartnersReportView.as_view(results_only=True),
            name="partners_stale_report_results",
        ),
    ]
