"""Protecting individuals: small counts are never shown, nor anything that gives them away.

Pure functions over `Cell`s, no database. For one indicator and one period the cells are
the municipalities' figures and their total (the collaboration).
- Primary: a cell is masked when one of its counts (a count indicator's value, a share's
  numerator or denominator) is below the threshold (`GOALS_MASK_THRESHOLD`, 5); so is
  every percentage computed from it.
- Secondary: the total is the sum of the municipalities' counts, so a single masked cell
  could be read off as total minus the others. The next-smallest cells of the same period
  are masked with it (three at least, see `suppress`), or the total when there are not
  enough. The total is itself a count and masked when small.
Who sees a masked cell unmasked (editors of its municipality) is decided by the caller;
the masking itself is the same for every reader.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

PRIMARY = "primary"
SECONDARY = "secondary"
ONE_DECIMAL = Decimal("0.1")
# How many cells are hidden together at least (see `suppress`).
GROUP = 3


def threshold():
    return getattr(settings, "GOALS_MASK_THRESHOLD", 5)


@dataclass
class Cell:
    """One figure: a count (`value`) or a share (`numerator` of `denominator`), or a
    published share given as `value` (Kolada), with no counts behind it."""

    key: object  # a municipality id, or None for the total
    numerator: int | None = None
    denominator: int | None = None
    value: Decimal | None = None
    is_percentage: bool = False
    masked: str = ""  # "", PRIMARY or SECONDARY

    @property
    def counts(self):
        """The counts of people behind the figure."""
        if self.is_percentage:
            return [c for c in (self.numerator, self.denominator) if c is not None]
        return [self.value] if self.value is not None else []

    @property
    def has_figure(self):
        return self.figure is not None

    @property
    def figure(self):
        """The number shown: the count, or the percentage to one decimal."""
        if self.is_percentage:
            if self.numerator is not None and self.denominator:
                share = Decimal(self.numerator) * 100 / Decimal(self.denominator)
                return share.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)
            if self.numerator is None and self.denominator is None and self.value is not None:
                return Decimal(self.value).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)
            return None
        return self.value

    @property
    def size(self):
        """What "next-smallest" compares: the count that identifies people first."""
        counts = self.counts
        return min(counts) if counts else None


def is_small(cell, limit=None):
    limit = threshold() if limit is None else limit
    return any(count < limit for count in cell.counts)


def total_of(cells, is_percentage):
    """The collaboration's figure: the sum of the municipalities' counts. A share given
    without counts (Kolada) cannot be added up, so a total of such cells has no figure."""
    with_figures = [c for c in cells if c.has_figure]
    total = Cell(key=None, is_percentage=is_percentage)
    if not with_figures:
        return total
    if is_percentage:
        if any(c.numerator is None or c.denominator is None for c in with_figures):
            return total
        total.numerator = sum(c.numerator for c in with_figures)
        total.denominator = sum(c.denominator for c in with_figures)
    else:
        total.value = sum(Decimal(c.value) for c in with_figures)
    return total


def suppress(cells, total=None, limit=None, known=()):
    """Mark `cells` (one period's municipalities) and their `total` in place; returns the
    total. Cells without a figure are left alone (nothing to hide).

    Each municipality knows its own figure, so hiding two cells is not enough: the editor
    of one could take their own and the shown cells from the total and read the other. At
    least three cells are hidden together (the next-smallest ones are added), and where
    there are not three to hide, the total is masked instead. `known` are the keys whose
    true figures this reader is shown (their own municipalities): if that leaves a single
    masked cell hidden from them, the total is masked for them too."""
    limit = threshold() if limit is None else limit
    shown = [c for c in cells if c.has_figure]
    for cell in shown:
        cell.masked = PRIMARY if is_small(cell, limit) else ""
    if total is None:
        return None
    total.masked = PRIMARY if total.has_figure and is_small(total, limit) else ""
    if not total.has_figure:
        return total
    masked = [c for c in shown if c.masked]
    if masked and not total.masked:
        if len(shown) < GROUP:
            total.masked = SECONDARY
        else:
            others = sorted(
                (c for c in shown if not c.masked and c.size is not None),
                key=lambda c: (c.size, str(c.key)),
            )
            for cell in others[: GROUP - len(masked)]:
                cell.masked = SECONDARY
    hidden_from_reader = [c for c in shown if c.masked and c.key not in known]
    if len(hidden_from_reader) == 1:
        total.masked = total.masked or SECONDARY
    return total
