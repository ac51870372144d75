"""Goals for the tests: a published goal page with indicators, and values in bulk."""

import itertools
from decimal import Decimal

from goals.models import GoalPage, Indicator, Target, Value
from tests.factories import publish_new

_slugs = itertools.count(1)


def add_goal(parent, indicators=(), one_by_one=False, **fields):
    """A published goal under `parent` (a section or shared space). `indicators` are dicts
    of Indicator fields; the page is returned with its saved indicators in order."""
    fields.setdefault("title", "Sysselsättning och eget boende")
    fields.setdefault("slug", f"mal-{next(_slugs)}")
    fields.setdefault("first_year", 2024)
    fields.setdefault("last_year", 2026)
    page = GoalPage(**fields)
    page.indicators = [Indicator(**spec) for spec in indicators]
    return publish_new(parent, page, one_by_one)


def share(name="Andel med sysselsättning", **fields):
    return {
        "name": name,
        "unit": Indicator.PERCENTAGE,
        "numerator_label": "med sysselsättning",
        "denominator_label": "unga som fyllt 21",
        "target": Decimal("85"),
        **fields,
    }


def count(name="Antal deltagare", **fields):
    return {"name": name, "unit": Indicator.COUNT, "target": None, **fields}


def add_values(indicator, figures, user=None):
    """`figures`: {(municipality, period): n or (numerator, denominator)}."""
    rows = []
    for (municipality, period), figure in figures.items():
        if isinstance(figure, tuple):
            rows.append(
                Value(
                    indicator=indicator,
                    municipality=municipality,
                    period=period,
                    numerator=figure[0],
                    denominator=figure[1],
                    entered_by=user,
                )
            )
        else:
            rows.append(
                Value(
                    indicator=indicator,
                    municipality=municipality,
                    period=period,
                    value=Decimal(figure),
                    entered_by=user,
                )
            )
    return Value.objects.bulk_create(rows)


def add_target(indicator, period, value):
    return Target.objects.create(indicator=indicator, period=period, value=Decimal(value))
