"""The figures of goals as one reader may see them: per indicator, a row per reporting
municipality and one for the collaboration, a cell per period, masked by goals.masking,
with each municipality's latest status. A fixed number of queries for any number of
goals, indicators and values."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from goals import masking, periods

BETTER = "better"
UNCHANGED = "unchanged"
WORSE = "worse"
NOT_MEASURED = "not_measured"
FIRST = "first"
HIDDEN = "hidden"
NOT_COMPARABLE = "not_comparable"
STATUS_LABELS = {
    BETTER: gettext_lazy("Better"),
    UNCHANGED: gettext_lazy("Unchanged"),
    WORSE: gettext_lazy("Worse"),
    NOT_MEASURED: gettext_lazy("Not measured"),
    FIRST: gettext_lazy("First measurement"),
    HIDDEN: gettext_lazy("Not shown (too few)"),
    NOT_COMPARABLE: gettext_lazy("Cannot be compared (too few the period before)"),
}
STATUS_ARROWS = {BETTER: "↑", UNCHANGED: "→", WORSE: "↓"}
# A share that moved less than this many percentage points is unchanged.
UNCHANGED_POINTS = Decimal("0.5")


def masked_text():
    return _("fewer than %(limit)s") % {"limit": masking.threshold()}


def format_figure(figure, is_percentage):
    if figure is None:
        return ""
    if is_percentage:
        return f"{number_format(figure, 1)} %"
    return number_format(figure.normalize() if isinstance(figure, Decimal) else figure, 0)


@dataclass
class Shown:
    """A cell as this reader sees it."""

    period: str
    cell: masking.Cell
    own: bool = False  # the reader's own municipality: shown unmasked

    @property
    def hidden(self):
        return bool(self.cell.masked) and not self.own

    @property
    def figure(self):
        return None if self.hidden else self.cell.figure

    @property
    def text(self):
        if self.hidden:
            return masked_text()
        return format_figure(self.cell.figure, self.cell.is_percentage)

    @property
    def counts_text(self):
        """ "12 av 14" for a share the reader may see in full."""
        cell = self.cell
        if self.hidden or not cell.is_percentage or cell.numerator is None:
            return ""
        return _("%(numerator)s of %(denominator)s") % {
            "numerator": cell.numerator,
            "denominator": cell.denominator,
        }


@dataclass
class Row:
    label: str
    key: object  # municipality id, None for the collaboration
    cells: list
    status: str = NOT_MEASURED
    target_met: bool | None = None

    @property
    def is_total(self):
        return self.key is None

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def arrow(self):
        return STATUS_ARROWS.get(self.status, "")

    latest_period: str | None = None

    def cell(self, period):
        return next((c for c in self.cells if c.period == period), None)

    @property
    def latest_cell(self):
        return self.cell(self.latest_period) if self.latest_period else None


@dataclass
class IndicatorFigures:
    indicator: object
    periods: list
    rows: list = field(default_factory=list)
    targets: dict = field(default_factory=dict)  # period -> Decimal
    latest: str | None = None  # the last period anyone has a figure for

    @property
    def total(self):
        return self.rows[-1] if self.rows else None

    def row_for(self, key):
        return next(row for row in self.rows if row.key == key)

    def target_text(self, period):
        return format_figure(self.targets.get(period), self.indicator.is_percentage)

    @property
    def target_cells(self):
        return [(p, self.target_text(p)) for p in self.periods]

    @property
    def latest_label(self):
        return periods.label(self.latest) if self.latest else ""

    @property
    def period_labels(self):
        return [(p, periods.label(p)) for p in self.periods]


def reporting_municipalities(goals):
    """{goal pk: [Municipality]}: a section's municipality, or those a shared space names."""
    from portal.models import Municipality, SharedSpacePage

    parent_of = {goal.pk: goal.path[: -goal.steplen] for goal in goals}
    parents = set(parent_of.values())
    by_parent = defaultdict(list)
    for municipality in Municipality.objects.filter(section_page__path__in=parents).annotate(
        parent_path=F("section_page__path")
    ):
        by_parent[municipality.parent_path].append(municipality)
    links = SharedSpacePage.municipalities.through.objects.filter(
        sharedspacepage__path__in=parents
    ).select_related("municipality")
    for link in links.annotate(parent_path=F("sharedspacepage__path")):
        by_parent[link.parent_path].append(link.municipality)
    return {
        pk: sorted(by_parent.get(path, []), key=lambda m: m.name) for pk, path in parent_of.items()
    }


def figures_for(goals, access, limit=None, indicators=None):
    """{goal pk: [IndicatorFigures]} as `access`'s user may see them. `indicators` are the
    rows to show instead of the saved ones (a preview shows the draft's)."""
    from goals.models import Indicator, Target, Value

    goals = list(goals)
    if not goals:
        return {}
    municipalities = reporting_municipalities(goals)
    if indicators is None:
        indicators = list(
            Indicator.objects.filter(goal__in=[g.pk for g in goals]).order_by(
                "goal_id", "sort_order"
            )
        )
    saved_ids = [i.pk for i in indicators if i.pk]
    targets = defaultdict(dict)
    for indicator_id, period, value in Target.objects.filter(indicator__in=saved_ids).values_list(
        "indicator_id", "period", "value"
    ):
        targets[indicator_id][period] = value
    values = {}
    for row in Value.objects.filter(indicator_id__in=saved_ids).values(
        "indicator_id", "municipality_id", "period", "numerator", "denominator", "value"
    ):
        values[(row["indicator_id"], row["municipality_id"], row["period"])] = row
    known = {m.pk for m in access.edited_municipalities}
    by_goal = {g.pk: g for g in goals}
    result = defaultdict(list)
    built = {}  # indicator pk -> IndicatorFigures, for the computed ones to read
    by_row = {}  # id() of each indicator row (a draft's new rows have no pk)
    # Counts and shares first, computed shares after them: they are built from the
    # masked figures of their two counts.
    for indicator in sorted(indicators, key=lambda i: i.source == Indicator.COMPUTED):
        goal = by_goal[indicator.goal_id]
        figures = _indicator_figures(
            indicator,
            goal.periods,
            municipalities[goal.pk],
            values,
            targets[indicator.pk] if indicator.pk else {},
            known,
            limit,
            built,
        )
        by_row[id(indicator)] = figures
        if indicator.pk:
            built[indicator.pk] = figures
    for indicator in indicators:
        result[indicator.goal_id].append(by_row[id(indicator)])
    return {g.pk: result.get(g.pk, []) for g in goals}


def _sources(indicator, built):
    """A computed indicator's two counts, when both are counts of the same goal."""
    from goals.models import Indicator

    if indicator.source != Indicator.COMPUTED:
        return None
    pair = [
        built.get(indicator.computed_numerator_id),
        built.get(indicator.computed_denominator_id),
    ]
    if any(
        f is None or f.indicator.goal_id != indicator.goal_id or f.indicator.unit != Indicator.COUNT
        for f in pair
    ):
        return ()  # a source of another goal (a copied page) or not a count: no figures
    return pair


def _cell(indicator, municipality_id, period, values):
    cell = masking.Cell(key=municipality_id, is_percentage=indicator.is_percentage)
    row = values.get((indicator.pk, municipality_id, period))
    if row:
        cell.numerator, cell.denominator, cell.value = (
            row["numerator"],
            row["denominator"],
            row["value"],
        )
    return cell


def _computed_cell(key, period, sources, is_total=False):
    """A share of two counts, shown only where both counts are shown: so it says nothing
    their own tables do not (the counts' masking, primary and secondary, carries over)."""
    cell = masking.Cell(key=key, is_percentage=True)
    top_row, bottom_row = (f.total if is_total else f.row_for(key) for f in sources)
    top, bottom = top_row.cell(period), bottom_row.cell(period)
    if top is None or bottom is None or top.cell.figure is None or bottom.cell.figure is None:
        return cell
    numerator, denominator = int(top.cell.figure), int(bottom.cell.figure)
    if not denominator or numerator > denominator:
        return cell
    cell.numerator, cell.denominator = numerator, denominator
    if top.cell.masked or bottom.cell.masked:
        cell.masked = masking.SECONDARY
    return cell


def _indicator_figures(
    indicator, goal_periods, municipalities, values, targets, known, limit, built=None
):
    figures = IndicatorFigures(indicator=indicator, periods=list(goal_periods))
    own_targets = {p: targets.get(p, indicator.target) for p in goal_periods}
    figures.targets = {p: t for p, t in own_targets.items() if t is not None}
    rows = [Row(label=m.name, key=m.pk, cells=[]) for m in municipalities]
    total_row = Row(label=_("The collaboration"), key=None, cells=[])
    sources = _sources(indicator, built or {})
    for period in goal_periods:
        if sources is not None:
            if sources:
                cells = [_computed_cell(m.pk, period, sources) for m in municipalities]
                total = _computed_cell(None, period, sources, is_total=True)
            else:
                cells = [masking.Cell(key=m.pk, is_percentage=True) for m in municipalities]
                total = masking.Cell(key=None, is_percentage=True)
            # Primary masking of the share itself; what the counts hid stays hidden.
            for cell in [*cells, total]:
                if cell.has_figure and not cell.masked and masking.is_small(cell, limit):
                    cell.masked = masking.PRIMARY
        else:
            cells = [_cell(indicator, m.pk, period, values) for m in municipalities]
            total = masking.total_of(cells, indicator.is_percentage)
            masking.suppress(cells, total, limit=limit, known=known)
        for row, cell in zip(rows, cells, strict=True):
            row.cells.append(Shown(period, cell, own=cell.key in known))
        total_row.cells.append(Shown(period, total))
        if any(c.has_figure for c in cells):
            figures.latest = period
    figures.rows = [*rows, total_row]
    for row in figures.rows:
        _status(row, figures)
    return figures


def _status(row, figures):
    """Better, unchanged or worse than the period before, by the indicator's direction."""
    if figures.latest is None:
        return
    row.latest_period = figures.latest
    current = row.cell(figures.latest)
    if current is None or current.cell.figure is None:
        row.status = NOT_MEASURED
        return
    if current.hidden:
        row.status = HIDDEN
        return
    target = figures.targets.get(figures.latest)
    higher = figures.indicator.direction == figures.indicator.HIGHER
    if target is not None:
        row.target_met = current.figure >= target if higher else current.figure <= target
    before_period = periods.previous(figures.latest, figures.periods)
    before = row.cell(before_period) if before_period else None
    if before is None or before.cell.figure is None:
        row.status = FIRST
        return
    if before.hidden:
        row.status = NOT_COMPARABLE
        return
    change = current.figure - before.figure
    margin = UNCHANGED_POINTS if figures.indicator.is_percentage else Decimal(0)
    if abs(change) <= margin:
        row.status = UNCHANGED
    elif (change > 0) == higher:
        row.status = BETTER
    else:
        row.status = WORSE
