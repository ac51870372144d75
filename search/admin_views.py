"""The search's admin: synonyms (portal administrators) and the weekly report of searches
that found nothing (editors and portal administrators)."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from knowledge import clock
from portal.access import access_for
from portal.snippet_viewsets import AccessCheckedSnippetViewSet
from search.models import Synonym, ZeroResultSearch

REPORT_WEEKS = 12
DASHBOARD_WEEKS = 4
DASHBOARD_COUNT = 5


def may_read_zero_results(user):
    access = access_for(user)
    return access.may_use_admin and (access.is_portal_admin or access.is_editor)


class SynonymViewSet(AccessCheckedSnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = _("Search synonyms")
    add_to_settings_menu = True
    list_display = ["words"]
    search_fields = ["words"]


def zero_result_totals(weeks):
    """Searches without results over the last `weeks`, summed per search, most frequent
    first."""
    since = clock.today() - datetime.timedelta(weeks=weeks)
    return (
        ZeroResultSearch.objects.filter(week__gte=since)
        .values("query")
        .annotate(total=Sum("count"), weeks=Count("week"))
        .order_by("-total", "query")
    )


DASHBOARD_MIN_COUNT = 2


class ZeroResultsPanel(Component):
    """The dashboard's short list: the most frequent searches without results in the last
    weeks (one query), for editors and portal administrators, linking to the report."""

    name = "searches-without-results"
    order = 400
    template_name = "wagtailadmin/home/searches_without_results.html"

    def render_html(self, parent_context=None):
        if not may_read_zero_results(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        return {
            # Searches made more than once: a single search may be a person's name.
            "rows": list(
                zero_result_totals(DASHBOARD_WEEKS).filter(total__gte=DASHBOARD_MIN_COUNT)[
                    :DASHBOARD_COUNT
                ]
            ),
            "weeks": DASHBOARD_WEEKS,
        }


class ZeroResultsReportView(ReportView):
    """The most frequent searches without results over the last weeks, summed per search."""

    page_title = _("Searches without results")
    header_icon = "search"
    index_url_name = "search_zero_results_report"
    index_results_url_name = "search_zero_results_report_results"
    columns = [
        Column("query", label=_("Search")),
        Column("weeks", label=_("Weeks")),
        Column("total", label=_("Times")),
    ]
    list_export = ["query", "weeks", "total"]
    export_headings = {"query": _("Search"), "weeks": _("Weeks"), "total": _("Times")}

    def dispatch(self, request, *args, **kwargs):
        if not may_read_zero_results(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return zero_result_totals(REPORT_WEEKS)

    def get_filename(self):
        return f"sokningar-utan-traff-{clock.today():%Y-%m-%d}"
