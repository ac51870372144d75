"""Server-rendered SVG charts of an indicator's figures (no script, no build step).

Only what the reader may see is drawn: a masked cell is a gap in its line, never a point.
Every chart has the same figures as a table beside it (templates/goals/includes/), so
colour is never the only carrier: lines also differ by marker shape and dash, and the
legend names them in text."""

from dataclasses import dataclass, field
from decimal import Decimal

WIDTH = 640
HEIGHT = 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 48
# At least 3:1 against white (WCAG 1.4.11) and told apart by shape as well.
COLOURS = ["#1d4f91", "#a63c00", "#2b6e2f", "#6a2c91", "#b0122b", "#00615a", "#5b4a00"]
MARKERS = ["circle", "square", "triangle", "diamond"]
DASHES = ["", "6 3", "2 3", "8 3 2 3"]


@dataclass
class Series:
    label: str
    colour: str
    marker: str
    dash: str
    is_total: bool = False
    points: list = field(default_factory=list)  # (x, y, text) per shown figure
    segments: list = field(default_factory=list)  # "x,y x,y ..." runs without gaps

    @property
    def marker_label(self):
        from django.utils.translation import gettext as _

        names = {
            "circle": _("circles"),
            "square": _("squares"),
            "triangle": _("triangles"),
            "diamond": _("diamonds"),
        }
        label = names[self.marker]
        return _("thick line, %(markers)s") % {"markers": label} if self.is_total else label


@dataclass
class Chart:
    width: int
    height: int
    series: list
    x_ticks: list  # (x, label)
    y_ticks: list  # (y, label)
    target: list  # "x,y x,y" runs of the target line
    plot: dict


def _scale_max(figures):
    if figures.indicator.is_percentage:
        return Decimal(100)
    highest = Decimal(0)
    for row in figures.rows:
        for shown in row.cells:
            if shown.figure is not None:
                highest = max(highest, Decimal(shown.figure))
    for value in figures.targets.values():
        highest = max(highest, Decimal(value))
    if highest <= 0:
        return Decimal(10)
    step = _nice_step(highest / 4)
    return ((highest / step).to_integral_value(rounding="ROUND_CEILING")) * step


def _nice_step(raw):
    raw = float(raw)
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return Decimal(factor * magnitude)
    return Decimal(10 * magnitude)


def line_chart(figures, rows=None):
    """A chart of each municipality and the collaboration over the periods."""
    from django.utils.formats import number_format

    rows = figures.rows if rows is None else rows
    top = _scale_max(figures)
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    count = max(len(figures.periods), 1)
    step = plot_w / max(count - 1, 1)

    def x_of(index):
        return round(LEFT + (index * step if count > 1 else plot_w / 2), 1)

    def y_of(value):
        return round(TOP + plot_h - float(Decimal(value) / top) * plot_h, 1)

    series = []
    for number, row in enumerate(rows):
        if row.is_total:
            colour, marker, dash = "#111111", "circle", ""
        else:
            colour = COLOURS[number % len(COLOURS)]
            marker = MARKERS[number % len(MARKERS)]
            dash = DASHES[number % len(DASHES)]
        line = Series(row.label, colour, marker, dash, is_total=row.is_total)
        run = []
        for index, shown in enumerate(row.cells):
            if shown.figure is None:
                if run:
                    line.segments.append(" ".join(run))
                run = []
                continue
            x, y = x_of(index), y_of(min(Decimal(shown.figure), top))
            line.points.append((x, y, f"{row.label} {shown.period}: {shown.text}"))
            run.append(f"{x},{y}")
        if run:
            line.segments.append(" ".join(run))
        series.append(line)
    target_runs, run = [], []
    for index, period in enumerate(figures.periods):
        value = figures.targets.get(period)
        if value is None:
            if run:
                target_runs.append(" ".join(run))
            run = []
            continue
        run.append(f"{x_of(index)},{y_of(min(Decimal(value), top))}")
    if run:
        target_runs.append(" ".join(run))
    unit = " %" if figures.indicator.is_percentage else ""
    y_ticks = [(y_of(top * i / 4), f"{number_format(top * i / 4, 0)}{unit}") for i in range(5)]
    # Label every period when they fit, else every third (tertials: one per year).
    every = 1 if count <= 8 else 3
    x_ticks = [
        (x_of(i), label) for i, (p, label) in enumerate(figures.period_labels) if i % every == 0
    ]
    return Chart(
        WIDTH,
        HEIGHT,
        series,
        x_ticks,
        y_ticks,
        target_runs,
        {"left": LEFT, "right": WIDTH - RIGHT, "top": TOP, "bottom": HEIGHT - BOTTOM},
    )


@dataclass
class Bar:
    label: str
    text: str
    width: float
    y: int
    is_total: bool


def bar_chart(figures, period):
    """Horizontal bars: every municipality and the collaboration in one period."""
    top = _scale_max(figures)
    bar_left, bar_right, row_h = 180, WIDTH - 90, 28
    bars = []
    for index, row in enumerate(figures.rows):
        shown = row.cell(period)
        figure = shown.figure if shown else None
        width = 0.0
        if figure is not None:
            width = round(float(min(Decimal(figure), top) / top) * (bar_right - bar_left), 1)
        bars.append(
            Bar(row.label, shown.text if shown else "", width, 8 + index * row_h, row.is_total)
        )
    target = figures.targets.get(period)
    target_x = None
    if target is not None:
        target_x = round(
            bar_left + float(min(Decimal(target), top) / top) * (bar_right - bar_left), 1
        )
    return {
        "width": WIDTH,
        "height": 16 + len(bars) * row_h,
        "bars": bars,
        "bar_left": bar_left,
        "text_x": bar_left - 8,
        "target_x": target_x,
    }
