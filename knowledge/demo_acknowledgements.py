"""Demo read-and-acknowledge: routines in Kalmar's knowledge bank that Kalmar's staff are
asked to read and confirm, one of them confirmed by half of them.

Written for this portal. Due dates are set relative to the day the seed first runs. Every
step looks up before it creates, so seeding twice changes nothing.
"""

import datetime

from knowledge import clock
from knowledge.demo import _checklist, _child, _rich, _steps
from knowledge.models import Acknowledgement, RoutinePage, Topic
from portal.demo import _user
from portal.models import Municipality

# Staff of Kalmar beyond the demo's own medarbetare, so that "partly confirmed" shows as
# a count (2 of 4) rather than all or nothing.
EXTRA_STAFF = [
    ("elin.kalmar@demo.samverkan.se", "Elin", "Ek"),
    ("omar.kalmar@demo.samverkan.se", "Omar", "Said"),
    ("johanna.kalmar@demo.samverkan.se", "Johanna", "Lind"),
]
# Who has confirmed the partly confirmed routine.
CONFIRMED_BY = ["elin.kalmar@demo.samverkan.se", "omar.kalmar@demo.samverkan.se"]

ROUTINES = [
    {
        "slug": "brandskydd-hvb",
        "title": "Brandskydd och utrymning på HVB",
        "due_in": 21,
        "topic": "Boende",
        "summary": "Vad personalen gör när brandlarmet går, hur ungdomarna förs ut och vem "
        "som räknar in dem vid återsamlingsplatsen.",
        "role": "Enhetschef på HVB",
        "steps": [
            _steps(
                "När larmet går",
                ("Varna och larma", "Ring 112 och säg adressen, även om larmet går till SOS."),
                ("Utrym", "Led ungdomarna ut via närmaste säkra väg. Använd aldrig hissen."),
                (
                    "Räkna in",
                    "Den som har passet räknar in alla vid återsamlingsplatsen med "
                    "närvarolistan och meddelar räddningsledaren om någon saknas.",
                ),
            ),
            _checklist(
                "Varje månad",
                "Prova brandvarnarna på alla rum.",
                "Se till att utrymningsvägarna är fria.",
                "Gå igenom återsamlingsplatsen med nya ungdomar.",
            ),
        ],
        # Half of the staff asked have confirmed this one.
        "partly": True,
    },
    {
        "slug": "avvikelserapportering",
        "title": "Avvikelser och lex Sarah",
        "due_in": 30,
        "topic": "Boende",
        "summary": "Hur du rapporterar ett missförhållande eller en risk för ett "
        "missförhållande, och vad som händer med rapporten.",
        "role": "Medarbetare på HVB och stödboende",
        "steps": [
            _steps(
                "Så rapporterar du",
                (
                    "Rapportera samma dag",
                    "Fyll i avvikelseblanketten i verksamhetssystemet och meddela din "
                    "närmaste chef.",
                ),
                (
                    "Beskriv vad som hände",
                    "Skriv sakligt vad som hände, när och var. Skriv inte in ungdomens "
                    "fullständiga namn i rubriken.",
                ),
                (
                    "Chefen utreder",
                    "Chefen utreder och bedömer om det är ett allvarligt missförhållande "
                    "som ska anmälas till IVO.",
                ),
            ),
        ],
    },
    {
        "slug": "lakemedelshantering",
        "title": "Läkemedel på boendet",
        "due_in": -5,
        "topic": "Hälsa",
        "summary": "Förvaring, utdelning och signering av ungdomarnas läkemedel, och vad du "
        "gör när en dos har missats.",
        "role": "Medarbetare med delegering",
        "steps": [
            _checklist(
                "Vid varje utdelning",
                "Kontrollera namn, läkemedel, dos och tid mot ordinationen.",
                "Signera i listan direkt efter utdelningen.",
                "Lås läkemedelsskåpet efter dig.",
            ),
        ],
    },
]


def _staff(municipality):
    return [
        _user(email, first, last, groups=(municipality.members_group,))
        for email, first, last in EXTRA_STAFF
    ]


def _routine(bank, data, group, today):
    def setup(page):
        page.confirm_groups = [group]
        topic = Topic.objects.filter(name=data["topic"]).first()
        page.topics = [topic] if topic else []

    # Published by _child through save_revision().publish(): the publish signal sets the
    # version readers confirm (knowledge.acknowledgements).
    return _child(
        bank,
        RoutinePage,
        data["slug"],
        setup=setup,
        title=data["title"],
        summary=data["summary"],
        purpose=_rich("Att alla i personalgruppen gör på samma sätt."),
        responsible_role=data["role"],
        steps=data["steps"],
        last_reviewed=today,
        confirm_by=today + datetime.timedelta(days=data["due_in"]),
    )


def seed():
    kalmar = Municipality.objects.filter(slug="kalmar").first()
    if kalmar is None or kalmar.section_page is None:
        return []
    bank = kalmar.section_page.get_children().filter(slug="kunskapsbank").first()
    if bank is None:
        return []
    staff = _staff(kalmar)
    today = clock.today()
    pages = []
    for data in ROUTINES:
        page = _routine(bank, data, kalmar.members_group, today)
        page.refresh_from_db()
        if data.get("partly") and page.confirm_revision_id:
            for user in staff:
                if user.email in CONFIRMED_BY:
                    Acknowledgement.objects.get_or_create(
                        user=user, page=page, revision_id=page.confirm_revision_id
                    )
        pages.append(page)
    return pages
