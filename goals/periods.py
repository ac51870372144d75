"""Reporting periods: a year ("2026") or a tertial ("2026-T2", reported three times a year
as municipalities do in Stratsys and Hypergene). Pure functions, no database."""

import datetime
import re

from django.utils.translation import gettext as _

PERIOD_RE = re.compile(r"^(?P<year>\d{4})(?:-T(?P<tertial>[123]))?$")
YEAR = "year"
TERTIAL = "tertial"
# The last day of each tertial: January–April, May–August, September–December.
TERTIAL_END = {1: (4, 30), 2: (8, 31), 3: (12, 31)}


def parse(period):
    """(year, tertial or 0) for a period written as 2026 or 2026-T2; ValueError otherwise."""
    match = PERIOD_RE.match((period or "").strip())
    if not match:
        raise ValueError(period)
    return int(match["year"]), int(match["tertial"] or 0)


def sort_key(period):
    return parse(period)


def periods_between(first_year, last_year, frequency):
    """Every period of the years, in order."""
    if frequency == TERTIAL:
        return [f"{y}-T{t}" for y in range(first_year, last_year + 1) for t in (1, 2, 3)]
    return [str(y) for y in range(first_year, last_year + 1)]


def end_of(period):
    year, tertial = parse(period)
    month, day = TERTIAL_END[tertial or 3]
    return datetime.date(year, month, day)


def label(period):
    year, tertial = parse(period)
    if tertial:
        return _("T%(tertial)s %(year)s") % {"tertial": tertial, "year": year}
    return str(year)


def previous(period, periods):
    """The period before `period` in the ordered list, or None."""
    index = periods.index(period) if period in periods else -1
    return periods[index - 1] if index > 0 else None
