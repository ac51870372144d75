"""Generated content for the benchmark: routines in the demo's knowledge banks, and the
partner organisations and contact people they name ("matching contacts").

    python -m bench.generate --routines 10000

brings the database to 10 000 generated routines (on top of the demo's), adding only
what is missing, so the sizes of one run build on each other. For every 5 routines there
is one organisation with 5 contact people; each routine names one of them in a
partner-contact step and names the organisation as related partner. Routines are spread
over the demo's banks (shared bank 40 %, the four municipalities' banks, the Roslagen
shared space's bank), so they inherit the demo's section restrictions, and get the
demo's topics, owners and a spread of review dates (current, soon due, overdue).
Organisations are spread over kinds and municipalities like the demo's; one in ten is
limited to one municipality, one contact in ten is limited, one in twenty has left.

Everything is created through `knowledge.bulk` (tree API, one revision each, indexing in
bulk), deterministically (fixed random seed).
"""

import argparse
import datetime
import json
import os
import random
import sys
import time

CONTACTS_PER_ORGANISATION = 5
ROUTINE_PREFIX = "rutin-"

BANK_WEIGHTS = [
    ("shared", 40),
    ("kalmar", 15),
    ("sodertalje", 15),
    ("norrtalje", 10),
    ("osteraker", 10),
    ("roslagen", 10),
]
BANK_OWNERS = {
    "shared": "admin@demo.samverkan.se",
    "kalmar": "redaktor.kalmar@demo.samverkan.se",
    "sodertalje": "personal.sodertalje@demo.samverkan.se",
    "norrtalje": "personal.norrtalje@demo.samverkan.se",
    "osteraker": "admin@demo.samverkan.se",
    "roslagen": "personal.norrtalje@demo.samverkan.se",
}
SUBJECTS = [
    "Ankomstsamtal",
    "Avvikelserapport",
    "Besök av god man",
    "Bokning av tolk",
    "Dokumentation i journal",
    "Frånvaro i skolan",
    "Fickpengar",
    "Hälsoundersökning",
    "Hot och våld",
    "Kontakt med vårdnadshavare",
    "Läkemedelshantering",
    "Nattjour",
    "Orosanmälan",
    "Planering av praktik",
    "Rymning",
    "Samordnad individuell plan",
    "Skolstart",
    "Tandvård",
    "Uppföljning av placering",
    "Utslussning",
]
ROLES = ["Enhetschef HVB", "Kontaktperson", "Handläggare", "Samordnare", "Sjuksköterska"]
ORG_TOPICS = [
    "arbete",
    "boende",
    "ensamkommande",
    "etablering",
    "fritid",
    "hälsa",
    "placering",
    "psykisk hälsa",
    "skola",
    "språk",
    "utbildning",
]
FIRST_NAMES = ["Anna", "Ali", "Eva", "Johan", "Karin", "Maria", "Omid", "Sara", "Samir", "Ulla"]
LAST_NAMES = ["Berg", "Ek", "Haddad", "Holm", "Lind", "Nyström", "Osman", "Ring", "Sund", "Wik"]


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()


def _rich(text):
    return f"<p>{text}</p>"


def demo_context():
    """The demo's banks, municipalities, topics and owners (seed_demo must have run)."""
    from django.contrib.auth import get_user_model

    from knowledge.models import KnowledgeIndexPage, Topic
    from portal.models import Municipality, SharedSpacePage
    from portal.provisioning import home_page

    municipalities = {m.slug: m for m in Municipality.objects.all()}
    banks = {"shared": KnowledgeIndexPage.objects.child_of(home_page()).get()}
    for slug, municipality in municipalities.items():
        banks[slug] = KnowledgeIndexPage.objects.child_of(municipality.section_page).get()
    roslagen = SharedSpacePage.objects.get(slug="samverkan-roslagen")
    banks["roslagen"] = KnowledgeIndexPage.objects.child_of(roslagen).get()
    users = {u.email: u for u in get_user_model().objects.filter(email__in=BANK_OWNERS.values())}
    return {
        "municipalities": municipalities,
        "banks": banks,
        "topics": list(Topic.objects.order_by("pk")),
        "owners": {key: users[email] for key, email in BANK_OWNERS.items()},
    }


# --- organisations -------------------------------------------------------------------


def generated_organisations():
    from partners.models import PartnerOrganisation

    return PartnerOrganisation.objects.filter(slug__startswith="gen-")


def build_organisation(number, context):
    from partners.models import ContactPerson, OrganisationKind, PartnerOrganisation

    rng = random.Random(f"org-{number}")
    municipalities = list(context["municipalities"].values())
    kind = rng.choice(OrganisationKind.values)
    served = rng.sample(municipalities, rng.randint(1, 3))
    place = served[0].name.replace(" kommun", "")
    name = f"{OrganisationKind(kind).label} {place} {number:05d}"
    organisation = PartnerOrganisation(
        name=name,
        slug=f"gen-{number:05d}",
        kind=kind,
        description=f"Genererad samverkanspart nummer {number} för prestandamätning.",
        website=f"https://org{number}.example.se/",
        switchboard_phone=f"08-465 00{number % 100:02d}",
        email=f"info@org{number}.example.se",
        opening_hours="Vardagar 8–16",
        checked_on=datetime.date(2026, 1, 1) - datetime.timedelta(days=rng.randint(0, 700)),
    )
    organisation.municipalities_served = served
    organisation.limited_to = [served[0]] if rng.random() < 0.1 else []
    organisation.topics.set(rng.sample(ORG_TOPICS, 2))
    contacts = []
    for order in range(CONTACTS_PER_ORGANISATION):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        contact = ContactPerson(
            sort_order=order,
            name=f"{first} {last}",
            title=rng.choice(["Handläggare", "Samordnare", "Kurator", "Coach", "Rektor"]),
            phone=f"070-174 06 {(number + order) % 100:02d}",
            email=f"kontakt{order}@org{number}.example.se",
            contact_about="Frågor om samarbetet kring unga.",
            has_left=rng.random() < 0.05,
        )
        contact.limited_to = [rng.choice(served)] if rng.random() < 0.1 else []
        contacts.append(contact)
    organisation.contacts = contacts
    return organisation


def ensure_organisations(count, context):
    from knowledge.bulk import create_organisations

    existing = generated_organisations().count()
    if existing >= count:
        return 0
    organisations = [build_organisation(n, context) for n in range(existing + 1, count + 1)]
    create_organisations(organisations)
    return len(organisations)


# --- routines ------------------------------------------------------------------------


def generated_routine_count():
    from knowledge.models import RoutinePage

    return RoutinePage.objects.filter(slug__startswith=ROUTINE_PREFIX).count()


def _bank_for(rng):
    keys = [key for key, _weight in BANK_WEIGHTS]
    weights = [weight for _key, weight in BANK_WEIGHTS]
    return rng.choices(keys, weights)[0]


def build_routine(number, context, contact, today):
    from knowledge.models import RoutinePage

    rng = random.Random(f"routine-{number}")
    bank_key = _bank_for(rng)
    municipalities = context["municipalities"]
    if bank_key == "shared":
        scope = rng.sample(list(municipalities.values()), rng.randint(0, 2))
    elif bank_key == "roslagen":
        scope = [municipalities[rng.choice(["norrtalje", "osteraker"])]]
    else:
        scope = [municipalities[bank_key]]
    subject = rng.choice(SUBJECTS)
    steps = [
        (
            "numbered_steps",
            {
                "heading": "Arbetsgång",
                "steps": [
                    {"title": "Ta reda på behovet", "text": _rich("Prata med ungdomen.")},
                    {"title": "Gör det rutinen beskriver", "text": _rich("Dokumentera samma dag.")},
                    {"title": "Följ upp", "text": _rich("Stäm av inom två veckor.")},
                ],
            },
        ),
        ("partner_contact", {"contact": contact, "note": f"Frågor om {subject.lower()}"}),
    ]
    if rng.random() < 0.3:
        steps.append(("checklist", {"heading": "Kom ihåg", "items": ["Journal", "Uppföljning"]}))
    page = RoutinePage(
        title=f"{subject} {number:05d}",
        slug=f"{ROUTINE_PREFIX}{number:05d}",
        summary=f"Så här arbetar vi med {subject.lower()} (rutin {number}).",
        purpose=_rich("Att alla gör på samma sätt och vet vem som ansvarar."),
        applies_to="Medarbetare som arbetar med ensamkommande och unga i riskzon.",
        responsible_role=rng.choice(ROLES),
        steps=steps,
        content_owner=context["owners"][bank_key],
        last_reviewed=today - datetime.timedelta(days=rng.randint(0, 540)),
    )
    page.topics = rng.sample(context["topics"], rng.randint(1, 2))
    page.municipalities = scope
    page.partner_organisations = [contact.organisation]
    return bank_key, page


def routine_contacts(first, last):
    """The contact each routine number in [first, last] names (routine n: contact n)."""
    from partners.models import ContactPerson

    contacts = list(
        ContactPerson.objects.filter(organisation__slug__startswith="gen-")
        .select_related("organisation")
        .order_by("organisation__slug", "sort_order")
    )
    return {number: contacts[number - 1] for number in range(first, last + 1)}


def ensure_routines(count, context, *, chunk_size=500, progress=None):
    from knowledge import clock
    from knowledge.bulk import create_published_pages

    existing = generated_routine_count()
    if existing >= count:
        return 0
    today = clock.today()
    contacts = routine_contacts(existing + 1, count)
    for start in range(existing + 1, count + 1, chunk_size):
        numbers = range(start, min(start + chunk_size, count + 1))
        by_bank = {}
        for number in numbers:
            bank_key, page = build_routine(number, context, contacts[number], today)
            by_bank.setdefault(bank_key, []).append(page)
        for bank_key, pages in by_bank.items():
            create_published_pages(
                context["banks"][bank_key],
                pages,
                prefetch=("topics", "attachments"),
                chunk_size=chunk_size,
            )
        if progress:
            progress(numbers[-1])
    return count - existing


def ensure(routines, *, verbose=True):
    context = demo_context()
    started = time.perf_counter()

    def say(message):
        if verbose:
            print(f"  [{time.perf_counter() - started:7.1f}s] {message}", flush=True)

    organisations = -(-routines // CONTACTS_PER_ORGANISATION)
    added = ensure_organisations(organisations, context)
    say(f"organisations: {organisations} (added {added})")
    added = ensure_routines(
        routines,
        context,
        progress=lambda n: say(f"routines: {n}/{routines}") if n % 5000 == 0 else None,
    )
    say(f"routines: {routines} (added {added})")
    return time.perf_counter() - started


def stats(reader_email):
    """What the database holds, and how many index pages the shared bank has for `reader`."""
    from django.contrib.auth import get_user_model

    from knowledge.listing import PAGE_SIZE, knowledge_pages_for
    from knowledge.models import KnowledgePage
    from partners.models import ContactPerson, PartnerOrganisation

    reader = get_user_model().objects.get(email=reader_email)
    visible = knowledge_pages_for(demo_context()["banks"]["shared"], reader).count()
    return {
        "generated_routines": generated_routine_count(),
        "knowledge_pages": KnowledgePage.objects.count(),
        "organisations": PartnerOrganisation.objects.count(),
        "contacts": ContactPerson.objects.count(),
        "reader_index_pages": max(1, -(-visible // PAGE_SIZE)),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--routines", type=int, required=True)
    parser.add_argument(
        "--stats-for", metavar="EMAIL", help="also print counts as JSON, with this reader's pages"
    )
    args = parser.parse_args(argv)
    setup_django()
    elapsed = ensure(args.routines)
    print(f"generated content in place: {args.routines} routines ({elapsed:.0f} s)")
    if args.stats_for:
        print("BENCH_JSON " + json.dumps(stats(args.stats_for)))


if __name__ == "__main__":
    sys.exit(main())
