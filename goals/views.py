"""The goal page's three routes: the page (charts and tables per indicator), the
comparison across municipalities for one period, and the CSV of the figures shown. They are
routes of the page, so Wagtail's serving (and the access module's hook) has let the reader
in before any of this runs; the figures come masked from goals.figures."""

import csv
import io

from django.contrib import messages
from django.utils.translation import gettext as _

from goals import charts, masking, periods
from goals.figures import figures_for
from partners.exports import _attachment, neutralise_formula
from portal.access import access_for


def _figures(page, request):
    # A preview shows the draft's indicators (its rows are in memory, some without an id).
    rows = list(page.indicators.all()) if getattr(request, "is_preview", False) else None
    return figures_for([page], access_for(request.user), indicators=rows)[page.pk]


def goal_view(page, request):
    indicators = _figures(page, request)
    for figures in indicators:
        figures.chart = charts.line_chart(figures)
    return page.render(
        request,
        context_overrides={
            "indicators": indicators,
            "mask_limit": masking.threshold(),
            "latest": next((f.latest for f in reversed(indicators) if f.latest), None),
        },
    )


def chosen_period(page, request, indicators):
    """The period asked for, or the latest with figures; an unknown one is said and
    replaced by that default."""
    latest = max((f.latest for f in indicators if f.latest), key=periods.sort_key, default=None)
    default = latest or (page.periods[-1] if page.periods else None)
    asked = request.GET.get("period")
    if asked is None or asked == "":
        return default
    if asked in page.periods:
        return asked
    messages.error(request, _("There is no such period for this goal: showing the latest."))
    return default


def comparison_view(page, request):
    indicators = _figures(page, request)
    period = chosen_period(page, request, indicators)
    for figures in indicators:
        figures.bars = charts.bar_chart(figures, period) if period else None
        figures.period_rows = [(row, row.cell(period)) for row in figures.rows] if period else []
        figures.period_target = figures.target_text(period) if period else ""
    return page.render(
        request,
        template="goals/goal_comparison.html",
        context_overrides={
            "indicators": indicators,
            "period": period,
            "period_label": periods.label(period) if period else "",
            "period_choices": [(p, periods.label(p)) for p in page.periods],
            "mask_limit": masking.threshold(),
        },
    )


CSV_HEADERS = [
    "Indikator",
    "Enhet",
    "Kommun",
    "Period",
    "Värde",
    "Täljare",
    "Nämnare",
    "Mål",
]


def csv_rows(indicators):
    for figures in indicators:
        indicator = figures.indicator
        unit = _("percentage") if indicator.is_percentage else _("count")
        for row in figures.rows:
            for shown in row.cells:
                if shown.cell.figure is None:
                    continue
                full = not shown.hidden and indicator.is_percentage
                yield [
                    neutralise_formula(indicator.name),
                    unit,
                    neutralise_formula(row.label),
                    shown.period,
                    shown.text,
                    shown.cell.numerator if full and shown.cell.numerator is not None else "",
                    shown.cell.denominator if full and shown.cell.denominator is not None else "",
                    figures.target_text(shown.period),
                ]


def csv_view(page, request):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    writer.writerows(csv_rows(_figures(page, request)))
    return _attachment(
        buffer.getvalue().encode("utf-8-sig"), "text/csv; charset=utf-8", f"{page.slug}.csv"
    )
