"""Demo goals (dev and test only): Kalmar's own goal for the young people its social
services placed, a goal of the whole collaboration reported three times a year in a new
shared space of all four municipalities, and a small Roslagen goal read from Kolada.

Three years of figures, some of them small enough to be masked ("färre än 5"). All text is
written for this portal. Every step looks up before it creates, so running the seed twice
leaves the database as it was.
"""

from decimal import Decimal

from django.contrib.auth import get_user_model

from goals import periods
from goals.models import GoalPage, Indicator, Value
from partners.models import PartnerOrganisation
from portal.models import Municipality, SharedSpacePage
from portal.provisioning import home_page

KALMAR_EDITOR = "redaktor.kalmar@demo.samverkan.se"
YEARS = (2024, 2026)
# The last tertial of 2026 has not been reported yet: the reminders have something to say.
REPORTED_TERTIALS = periods.periods_between(*YEARS, periods.TERTIAL)[:-1]

# Kalmar, once a year: (with an occupation, of all who turned 21), (own housing, of the
# same), young people with a youth coordinator. 2024 had few enough to mask own housing.
KALMAR_FIGURES = {
    "2024": ((5, 7), (4, 7), 16),
    "2025": ((9, 12), (8, 12), 23),
    "2026": ((12, 14), (12, 14), 27),
}
KALMAR_COMMENTS = {"2026": "Preliminär siffra, avstämd med socialtjänsten i oktober."}

# The collaboration, per tertial 2024-T1 … 2026-T2, in REPORTED_TERTIALS' order.
PARTICIPANTS = {
    "kalmar": (18, 21, 24, 20, 23, 26, 22, 25),
    "sodertalje": (34, 38, 41, 36, 40, 44, 39, 42),
    "norrtalje": (11, 12, 14, 10, 13, 15, 12, 14),
    # Österåker started small: fewer than five in some tertials.
    "osteraker": (3, 4, 6, 2, 5, 7, 6, 8),
}
# (went on to work or studies, of those who ended their placement); None: nobody ended.
ONWARD = {
    "kalmar": ((5, 9), (6, 10), (7, 11), (6, 10), (7, 11), (8, 12), (7, 11), (8, 12)),
    "sodertalje": ((10, 17), (11, 18), (13, 20), (12, 19), (13, 20), (15, 22), (14, 21), (15, 22)),
    "norrtalje": ((5, 8), (5, 8), (6, 9), (5, 8), (6, 9), (7, 10), (6, 9), (7, 10)),
    "osteraker": ((2, 3), None, (3, 5), (2, 4), (5, 7), (5, 6), (6, 8), (5, 7)),
}
INTERRUPTED = {
    "kalmar": (6, 5, 7, 5, 4, 5, 3, 4),
    "sodertalje": (9, 7, 8, 6, 7, 5, 6, 5),
    "norrtalje": (2, 3, 1, 2, 1, 2, 1, 1),
    "osteraker": (1, 0, 1, 1, 0, 0, 1, 0),
}
# Roslagen, from Kolada (a share published as such, no counts behind it).
KOLADA_SHARES = {
    ("norrtalje", "2024"): "7.9",
    ("norrtalje", "2025"): "7.4",
    ("osteraker", "2024"): "5.1",
    ("osteraker", "2025"): "4.8",
}


def _rich(*paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _goal(parent, slug, indicators, **fields):
    """The goal `slug` under `parent`, created with its indicators if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = GoalPage(slug=slug, first_year=YEARS[0], last_year=YEARS[1], **fields)
    page.indicators = [Indicator(**spec) for spec in indicators]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _indicators(goal):
    return list(Indicator.objects.filter(goal=goal).order_by("sort_order"))


def _value(indicator, municipality, period, figure, user=None, comment="", source=Value.ENTERED):
    """A value, unless the municipality already has one for the period."""
    fields = {"entered_by": user, "comment": comment, "source": source}
    if isinstance(figure, tuple):
        fields["numerator"], fields["denominator"] = figure
    else:
        fields["value"] = Decimal(figure)
    Value.objects.get_or_create(
        indicator=indicator, municipality=municipality, period=period, defaults=fields
    )


def seed_kalmar(municipalities, owner):
    kalmar = municipalities["kalmar"]
    goal = _goal(
        kalmar.section_page.specific,
        "mal-sysselsattning-och-eget-boende",
        [
            {
                "name": "Andel med sysselsättning vid 21 år",
                "unit": Indicator.PERCENTAGE,
                "numerator_label": "med arbete, studier eller praktik",
                "denominator_label": "placerade unga som fyllt 21 under året",
                "target": Decimal("85"),
            },
            {
                "name": "Andel med eget boende vid 21 år",
                "unit": Indicator.PERCENTAGE,
                "numerator_label": "med eget hyreskontrakt eller andrahandskontrakt",
                "denominator_label": "placerade unga som fyllt 21 under året",
                "target": Decimal("85"),
            },
            {
                "name": "Unga med ungdomscoach",
                "unit": Indicator.COUNT,
                "description": "Hur många unga som under året haft en ungdomscoach.",
            },
        ],
        title=(
            "85 % av de ensamkommande unga som socialtjänsten placerat har sysselsättning "
            "och eget boende vid 21 års ålder"
        ),
        intro=_rich(
            "Ungdomscoacherna följer varje ung person från placeringen fram till 21 år. "
            "Vi mäter en gång om året hur många som då har en sysselsättning och ett eget "
            "boende."
        ),
        content_owner=owner,
        frequency=periods.YEAR,
        days_to_report=45,
    )
    occupation, housing, coached = _indicators(goal)
    for period, (work, home, coach) in KALMAR_FIGURES.items():
        comment = KALMAR_COMMENTS.get(period, "")
        _value(occupation, kalmar, period, work, owner, comment)
        _value(housing, kalmar, period, home, owner, comment)
        _value(coached, kalmar, period, coach, owner)
    return goal


def seed_shared_space(municipalities):
    """A shared space of all four municipalities and the two partners that run the
    placements (created as portal.demo creates Samverkan Roslagen)."""
    home = home_page()
    space = home.get_children().filter(slug="samverkan-unga-vuxna").first()
    if space is not None:
        return space.specific
    partners = PartnerOrganisation.objects.filter(name__in=["Lernia", "Integra"])
    space = SharedSpacePage(
        title="Samverkan unga vuxna i etablering",
        slug="samverkan-unga-vuxna",
        show_in_menus=True,
        intro=_rich(
            "Gemensam yta för de fyra kommunerna och utförarna av praktik och utbildning "
            "för unga vuxna som är nya i Sverige. Här följer vi upp samverkansmålen."
        ),
    )
    space.municipalities = list(municipalities.values())
    space.partner_organisations = list(partners)
    home.add_child(instance=space)
    space.save_revision().publish()
    return space


def seed_collaboration(municipalities, owner):
    goal = _goal(
        seed_shared_space(municipalities),
        "mal-vag-till-arbete-eller-studier",
        [
            {
                "name": "Deltagare i praktik eller utbildning",
                "unit": Indicator.COUNT,
                "description": "Unga vuxna som deltagit i praktik eller utbildning.",
            },
            {
                "name": "Andel som gått vidare till arbete eller studier",
                "unit": Indicator.PERCENTAGE,
                "numerator_label": "som gått vidare till arbete eller studier",
                "denominator_label": "deltagare som avslutat sin insats",
                "target": Decimal("60"),
            },
            {
                "name": "Avbrutna placeringar",
                "unit": Indicator.COUNT,
                "direction": Indicator.LOWER,
                "description": "Praktik- eller utbildningsplaceringar som avbröts i förtid.",
            },
        ],
        title="Fler unga vuxna i arbete eller studier efter insatsen",
        intro=_rich(
            "Kommunerna rapporterar tre gånger om året hur många som deltar, hur många som "
            "går vidare och hur många placeringar som avbryts."
        ),
        content_owner=owner,
        frequency=periods.TERTIAL,
    )
    participants, onward, interrupted = _indicators(goal)
    for slug, municipality in municipalities.items():
        for index, period in enumerate(REPORTED_TERTIALS):
            _value(participants, municipality, period, PARTICIPANTS[slug][index])
            _value(interrupted, municipality, period, INTERRUPTED[slug][index])
            if ONWARD[slug][index] is not None:
                _value(onward, municipality, period, ONWARD[slug][index])
    return goal


def seed_roslagen(municipalities):
    roslagen = home_page().get_children().filter(slug="samverkan-roslagen").first()
    if roslagen is None:
        return None
    goal = _goal(
        roslagen,
        "mal-unga-i-roslagen",
        [
            {
                "name": "Unga vuxna utan arbete eller studier",
                "unit": Indicator.PERCENTAGE,
                "direction": Indicator.LOWER,
                "target": Decimal("5"),
                "source": Indicator.KOLADA,
                "kolada_kpi": "N00945",
                "description": "Andel i procent, hämtad från Kolada (demovärden).",
            }
        ],
        title="Färre unga vuxna i Roslagen utanför arbete och studier",
        intro=_rich("Vi följer nyckeltalet i Kolada för båda kommunerna en gång om året."),
        frequency=periods.YEAR,
    )
    (share,) = _indicators(goal)
    for (slug, period), figure in KOLADA_SHARES.items():
        _value(share, municipalities[slug], period, figure, source=Value.KOLADA)
    return goal


def seed():
    municipalities = {
        slug: Municipality.objects.get(slug=slug)
        for slug in ("kalmar", "sodertalje", "norrtalje", "osteraker")
    }
    owner = get_user_model().objects.filter(email=KALMAR_EDITOR).first()
    return [
        seed_kalmar(municipalities, owner),
        seed_collaboration(municipalities, owner),
        seed_roslagen(municipalities),
    ]
