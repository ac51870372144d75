"""The search's admin: synonyms (portal administrators) and the weekly report of searches
that found nothing (editors and portal administrators)."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from knowledge import clock
from portal.access import access_for
from portal.snippet_viewsets import AccessCheckedSnippetViewSet
from search.models import Synonym, ZeroResultSearch

REPORT_WEEKS = 12


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
        since = clock.today() - datetime.timedelta(weeks=REPORT_WEEKS)
        rows = (
            ZeroResultSearch.objects.filter(week__gte=since)
            .values("query")
            .annotate(total=Sum("count"), weeks=Count("week"))
            .order_by("-total", "query")
        )
        return rows

    def get_filename(self):
        return f"sokningar-utan-traff-{clock.today():%Y-%m-%d}"
