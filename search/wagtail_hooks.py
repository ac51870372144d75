from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from search.admin_views import (
    SynonymViewSet,
    ZeroResultsPanel,
    ZeroResultsReportView,
    may_read_zero_results,
)


@hooks.register("register_search_items")
def portal_pages():
    """Every other portal page (content pages, sections, indexes) as a plain page."""
    from portal.models.pages import BasePortalPage
    from search.page_items import PageProvider

    return {BasePortalPage: PageProvider(BasePortalPage, "page")}


@hooks.register("after_bulk_action")
def reindex_after_bulk_action(request, action_type, objects, action_class_instance):
    """Bulk actions on documents (e.g. "add to collection") update rows without saving
    each document: index them again as they are now."""
    from wagtail.documents import get_document_model

    from search import indexing

    document_model = get_document_model()
    ids = [obj.pk for obj in objects if isinstance(obj, document_model)]
    for document in document_model.objects.filter(pk__in=ids):
        indexing.index_object(document)


@hooks.register("register_access_rules")
def search_access_rules():
    from search.models import Synonym

    # Synonyms are the portal administrators' to edit (they name no content).
    return {Synonym: lambda access, qs: qs if access.is_portal_admin else qs.none()}


@hooks.register("register_portal_admin_model_permissions")
def synonym_permissions():
    return [("search", f"{action}_synonym") for action in ("add", "change", "delete", "view")]


register_snippet(SynonymViewSet)


class ZeroResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_zero_results(request.user)


@hooks.register("register_reports_menu_item")
def register_zero_results_menu_item():
    return ZeroResultsMenuItem(
        _("Searches without results"),
        reverse("search_zero_results_report"),
        icon_name="search",
        order=760,
    )


@hooks.register("register_admin_urls")
def register_zero_results_report_urls():
    return [
        path(
            "reports/searches-without-results/",
            ZeroResultsReportView.as_view(),
            name="search_zero_results_report",
        ),
        path(
            "reports/searches-without-results/results/",
            ZeroResultsReportView.as_view(results_only=True),
            name="search_zero_results_report_results",
        ),
    ]


@hooks.register("construct_homepage_panels")
def zero_results_panel(request, panels):
    panels.append(ZeroResultsPanel())
