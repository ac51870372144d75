from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
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
