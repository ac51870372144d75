"""Admin report: partner organisations whose details nobody has checked for 12 months."""

import datetime

from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from partners.models import PartnerOrganisation

STALE_AFTER_MONTHS = 12


def stale_since(today=None):
    """The date twelve months before `today`; anything checked before it is due again."""
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


def stale_organisations(today=None):
    cutoff = stale_since(today)
    return PartnerOrganisation.objects.filter(
        Q(checked_on__isnull=True) | Q(checked_on__lt=cutoff)
    ).order_by(F("checked_on").asc(nulls_first=True), "name")


def _edit_url(organisation):
    return reverse("wagtailsnippets_partners_partnerorganisation:edit", args=[organisation.pk])


class StalePartnersReportView(ReportView):
    page_title = _("Partners to check")
    header_icon = "group"
    index_url_name = "partners_stale_report"
    index_results_url_name = "partners_stale_report_results"
    model = PartnerOrganisation
    permission_required = "change"
    columns = [
        TitleColumn("name", label=_("Organisation"), get_url=_edit_url),
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        DateColumn("checked_on", label=_("Checked on")),
    ]
    list_export = ["name", "get_kind_display", "checked_on"]
    export_headings = {
        "name": _("Organisation"),
        "get_kind_display": _("Kind"),
        "checked_on": _("Checked on"),
    }

    def get_queryset(self):
        return stale_organisations()

    def get_filename(self):
        return f"samverkansparter-att-kontrollera-{datetime.date.today():%Y-%m-%d}"
