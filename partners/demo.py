"""Demo partner directory: organisations of every kind across the demo municipalities,
their contact people, our liaisons and the directory page (dev and test only).

Text, names and numbers are invented. Mobile numbers and Stockholm-area (08) switchboards
are from PTS's range for fiction; the other switchboards carry the area code of the
organisation's home municipality (Kalmar 0480, Norrtälje 0176), and agencies that work
in every member municipality have a national 010 number. Every step compares before it
writes, so running the seed twice changes nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from partners.models import ContactPerson, Liaison, PartnerDirectoryPage, PartnerOrganisation
from portal.models import Municipality
from portal.provisioning import home_page

K, S, N, OS = "kalmar", "sodertalje", "norrtalje", "osteraker"


def _phone(n):
    return f"070-174 06 {n:02d}"


AREA_CODES = {K: "0480", S: "08", N: "0176", OS: "08"}
# Agencies with one number for the whole country.
NATIONAL = {"Arbetsförmedlingen", "Migrationsverket, mottagningsenheten", "Lernia"}


def _switchboard(n, data):
    if data["name"] in NATIONAL:
        return f"010-486 00 {n:02d}"
    code = AREA_CODES[data["served"][0]]
    if code == "08":
        return f"08-465 004 {n:02d}"
    return f"{code}-36 04 {n:02d}" if code == "0480" else f"{code}-71 04 {n:02d}"


def _org(name, kind, description, served, topics, months_since_check, contacts, **extra):
    return {
        "name": name,
        "kind": kind,
        "description": description,
        "served": served,
        "topics": topics,
        "months": months_since_check,
        "contacts": contacts,
        **extra,
    }


def _contact(name, title, about, limited=()):
    return {"name": name, "title": title, "contact_about": about, "limited": limited}


ORGANISATIONS = [
    _org(
        "Lernia",
        "utbildning",
        "Utbildning och matchning mot arbete för unga vuxna.",
        [K, N, OS],
        ["arbete", "utbildning"],
        2,
        [
            _contact("Maria Lindqvist", "Affärsansvarig", "Avtal och platser på yrkesutbildning"),
            _contact("Johan Ek", "Coach", "Unga som behöver stöd att komma till praktik"),
            _contact("Sara Holm", "Studie- och yrkesvägledare", "Val av utbildning"),
        ],
        liaisons=[
            ("redaktor.kalmar@demo.samverkan.se", "", "Enhetschef", K, "Avtalet med Lernia"),
        ],
    ),
    _org(
        "Integra",
        "frivilligorganisation",
        "Stöd i etablering, praktik och språkträning.",
        [K, S],
        ["arbete", "språk"],
        4,
        [
            _contact("Amir Haddad", "Verksamhetsledare", "Samarbete och nya deltagare"),
            _contact("Lisa Berg", "Handledare", "Språkpraktik och studiebesök"),
        ],
        liaisons=[("personal.kalmar@demo.samverkan.se", "", "Boendestödjare", K, "Praktik")],
    ),
    _org(
        "Arbetsförmedlingen",
        "arbetsformedlingen",
        "Statlig myndighet för arbetsmarknad och etablering.",
        [K, S, N, OS],
        ["arbete", "etablering"],
        6,
        [
            _contact("Karin Nyström", "Arbetsförmedlare, unga", "Inskrivning och planering"),
            _contact("Ali Yusuf", "Arbetsförmedlare, etablering", "Etableringsprogrammet"),
            _contact(
                "Eva Sund", "Samverkansansvarig", "Överenskommelser med kommunen", limited=(N, OS)
            ),
        ],
        liaisons=[
            ("", "Peter Alm", "Chef arbetsmarknadsenheten", K, "Samverkan med Arbetsförmedlingen"),
        ],
    ),
    _org(
        "BUP Kalmar län",
        "bup",
        "Barn- och ungdomspsykiatrin i regionen.",
        [K],
        ["psykisk hälsa", "trauma"],
        14,
        [
            _contact("Helena Ståhl", "Kurator", "Konsultation inför remiss"),
            _contact("Omid Rahimi", "Psykolog", "Traumabehandling för ensamkommande"),
            _contact("Birgitta Lund", "Sjuksköterska", "Läkemedel och provtagning", limited=(K,)),
        ],
        liaisons=[("redaktor.kalmar@demo.samverkan.se", "", "Enhetschef", K, "Vårdsamverkan")],
    ),
    _org(
        "Socialtjänsten Kalmar, barn och unga",
        "socialtjanst",
        "Myndighetsutövning för barn och unga, placeringar och uppföljning.",
        [K],
        ["placering", "myndighetsutövning"],
        1,
        [
            _contact("Jonas Wik", "Socialsekreterare", "Placerade ungdomar i HVB"),
            _contact("Anna Falk", "Familjehemssekreterare", "Familjehem och kontaktfamiljer"),
        ],
        limited_to=[K],
    ),
    _org(
        "Socialtjänsten Södertälje, ensamkommande",
        "socialtjanst",
        "Handläggning för ensamkommande barn och unga vuxna.",
        [S],
        ["placering", "ensamkommande"],
        3,
        [
            _contact("Fatima Osman", "Socialsekreterare", "Ny ankomst och utredning"),
            _contact("Mikael Ros", "Gruppledare", "Tider för överlämning"),
        ],
        limited_to=[S],
        liaisons=[
            ("personal.sodertalje@demo.samverkan.se", "", "Samordnare", S, "Överlämningar"),
        ],
    ),
    _org(
        "Kalmarsundsgymnasiet",
        "skola",
        "Gymnasieskola med språkintroduktion.",
        [K],
        ["skola", "språk"],
        8,
        [
            _contact("Ulla Svensson", "Rektor", "Mottagande och skolplacering"),
            _contact("Samir Aziz", "Studiehandledare på arabiska", "Studiehandledning"),
            _contact("Kristin Olsson", "Skolkurator", "Frånvaro och trivsel"),
        ],
    ),
    _org(
        "Södertälje språkintroduktion",
        "skola",
        "Introduktionsprogram för nyanlända elever.",
        [S],
        ["skola", "språk"],
        13,
        [
            _contact("Nadia Karimi", "Biträdande rektor", "Inskrivning"),
            _contact("Erik Palm", "Mentor", "Kontakt med boendet"),
        ],
    ),
    _org(
        "Vuxenpsykiatrin Norrtälje",
        "vuxenpsykiatri",
        "Psykiatrisk öppenvård för unga vuxna från 18 år.",
        [N],
        ["psykisk hälsa"],
        5,
        [
            _contact("Gunilla Björk", "Mottagningssköterska", "Tidsbokning och remisser"),
            _contact("Daniel Frost", "Överläkare", "Konsultation i komplexa ärenden"),
        ],
    ),
    _org(
        "Vårdcentralen Åkersberga",
        "primarvard",
        "Primärvård med särskild mottagning för nyanlända.",
        [OS],
        ["hälsa", "hälsoundersökning"],
        7,
        [
            _contact("Petra Lind", "Distriktssköterska", "Hälsoundersökningar för nyanlända"),
            _contact("Hassan Noor", "Tolksamordnare", "Bokning av tolk"),
        ],
    ),
    _org(
        "Frivården Kalmar",
        "frivard",
        "Kriminalvårdens frivård för unga klienter i Kalmar.",
        [K],
        ["kriminalitet", "återfall"],
        16,
        [
            _contact("Tove Ring", "Frivårdsinspektör", "Ungdomsövervakning och samverkan"),
            _contact("Stefan Hed", "Programledare", "Behandlingsprogram"),
        ],
        limited_to=[K],
    ),
    _org(
        "Kriminalvården region Stockholm",
        "kriminalvard",
        "Anstalter och häkten; utslussning av unga vuxna.",
        [S, N, OS],
        ["kriminalitet", "utslussning"],
        10,
        [
            _contact("Jenny Ahl", "Utslussningssamordnare", "Planering inför frigivning"),
            _contact("Robert Zetterberg", "Kriminalvårdsinspektör", "Kontakt under verkställighet"),
        ],
    ),
    _org(
        "SiS ungdomshem Långanäs",
        "sis",
        "Statens institutionsstyrelses särskilda ungdomshem.",
        [K, S],
        ["placering", "LVU"],
        11,
        [
            _contact("Marie Kron", "Placeringssamordnare", "Lediga platser och intag"),
            _contact("Leo Vik", "Avdelningsföreståndare", "Utskrivning och eftervård"),
        ],
    ),
    _org(
        "Migrationsverket, mottagningsenheten",
        "migrationsverket",
        "Frågor om asylprocess, ersättning och boende under asyltiden.",
        [K, S, N, OS],
        ["asyl", "ensamkommande"],
        18,
        [
            _contact("Elin Forsberg", "Handläggare", "Ärenden om ensamkommande barn"),
            _contact("Yonas Tesfaye", "Mottagningshandläggare", "Ersättningar"),
        ],
    ),
    _org(
        "Arbetsmarknadsenheten Kalmar",
        "arbetsmarknadsenhet",
        "Kommunens stöd till arbete och studier för unga vuxna.",
        [K],
        ["arbete", "praktik"],
        2,
        [
            _contact("Linnea Hjort", "Jobbcoach", "Praktikplatser i kommunen"),
            _contact("Mats Grön", "Enhetschef", "Feriejobb och sommarjobb"),
        ],
        liaisons=[
            ("personal.kalmar@demo.samverkan.se", "", "Boendestödjare", K, "Feriejobb"),
            ("", "Peter Alm", "Chef arbetsmarknadsenheten", K, "Hela samverkan"),
        ],
    ),
    _org(
        "Komvux Norrtälje",
        "utbildning",
        "Vuxenutbildning och sfi.",
        [N, OS],
        ["utbildning", "språk"],
        9,
        [
            _contact("Åsa Nord", "Studie- och yrkesvägledare", "Antagning till sfi och komvux"),
            _contact("Reza Ahmadi", "Lärare i sfi", "Nivåplacering"),
        ],
        liaisons=[("personal.norrtalje@demo.samverkan.se", "", "Handläggare", N, "Studier")],
    ),
    _org(
        "IFK Österåker ungdom",
        "foreningsliv",
        "Fotboll och friidrott med öppna träningar för nyanlända ungdomar.",
        [OS],
        ["fritid", "idrott"],
        20,
        [
            _contact("Oskar Blom", "Ungdomsansvarig", "Prova-på-träningar"),
            _contact("Hanna Eklöf", "Ledare", "Träningstider och utrustning"),
        ],
    ),
    _org(
        "Svenska kyrkan Södertälje",
        "trossamfund",
        "Samtalsstöd, läxhjälp och mötesplatser.",
        [S],
        ["fritid", "samtalsstöd"],
        12,
        [
            _contact("Ingrid Malm", "Diakon", "Samtalsstöd och sorg"),
            _contact("Tomas Rydén", "Präst", "Mötesplatsen på torsdagar"),
        ],
    ),
    _org(
        "Röda Korset Norrtälje",
        "frivilligorganisation",
        "Språkcafé, läxhjälp och familjeåterförening.",
        [N],
        ["språk", "familjeåterförening"],
        6,
        [
            _contact("Karl Ström", "Volontärsamordnare", "Läxhjälp och språkcafé"),
            _contact("Mona Said", "Handläggare", "Familjeåterförening och efterforskning"),
            _contact("Lars Ekman", "Volontär", "Fritidsaktiviteter", limited=(N,)),
        ],
    ),
    _org(
        "Stödboendet Solrosen",
        "hvb",
        "Stödboende för ungdomar 16–20 år i Österåker.",
        [OS],
        ["boende", "ensamkommande"],
        15,
        [
            _contact("Cecilia Dahl", "Föreståndare", "Platser och inskrivning"),
            _contact("Ibrahim Kaya", "Boendestödjare", "Vardagsfrågor och kontakt med god man"),
        ],
    ),
    _org(
        "HVB Kalmar Strand",
        "hvb",
        "HVB-hem för pojkar 13–18 år.",
        [K],
        ["boende", "placering"],
        1,
        [
            _contact("Anders Vall", "Föreståndare", "Placeringsförfrågningar"),
            _contact("Yasmin Ali", "Behandlingsassistent", "Kontakt med skola och vård"),
        ],
    ),
    _org(
        "Familjerätten Österåker",
        "annan",
        "Faderskap, vårdnad och särskilt förordnade vårdnadshavare.",
        [OS, N],
        ["vårdnad", "god man"],
        30,
        [
            _contact("Pia Lönn", "Familjerättssekreterare", "Särskilt förordnad vårdnadshavare"),
            _contact("Henrik Sjö", "Handläggare", "Gode män"),
        ],
    ),
]

EXTRA_DETAILS = {
    "Arbetsförmedlingen": {
        "website": "https://arbetsformedlingen.example.se/",
        "opening_hours": "Kundtjänst vardagar 8–16",
    },
    "BUP Kalmar län": {
        "visiting_address": "Lasarettsvägen 8\n392 44 Kalmar",
        "opening_hours": "Vardagar 8–16.30, akut via växeln dygnet runt",
    },
    "Migrationsverket, mottagningsenheten": {"opening_hours": "Telefontid vardagar 9–15"},
}


def _months_ago(months):
    today = timezone.localdate()
    return today - datetime.timedelta(days=round(months * 30.5))


def _desired(index, data):
    slug_email = data["name"].split(",")[0].lower().replace(" ", ".")
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e")):
        slug_email = slug_email.replace(a, b)
    values = {
        "kind": data["kind"],
        "description": data["description"],
        "switchboard_phone": _switchboard(index, data),
        "email": f"info@{slug_email}.example.se",
        "website": f"https://{slug_email}.example.se/",
        "visiting_address": "",
        "opening_hours": "Vardagar 8–16",
    }
    values.update(EXTRA_DETAILS.get(data["name"], {}))
    return values


def _set_many(organisation, field, wanted):
    current = set(getattr(organisation, field).values_list("pk", flat=True))
    if current != {m.pk for m in wanted}:
        setattr(organisation, field, wanted)
        return True
    return False


def seed_organisation(index, data, municipalities, users):
    organisation = PartnerOrganisation.objects.filter(name=data["name"]).first()
    created = organisation is None
    if created:
        organisation = PartnerOrganisation(name=data["name"])
    changed = created
    values = _desired(index, data)
    if organisation.checked_on is None:
        values["checked_on"] = _months_ago(data["months"])
    for key, value in values.items():
        if getattr(organisation, key) != value:
            setattr(organisation, key, value)
            changed = True
    served = [municipalities[slug] for slug in data["served"]]
    limited = [municipalities[slug] for slug in data.get("limited_to", ())]
    if created:
        organisation.municipalities_served = served
        organisation.limited_to = limited
    else:
        changed |= _set_many(organisation, "municipalities_served", served)
        changed |= _set_many(organisation, "limited_to", limited)
    if changed:
        organisation.save()
    if set(organisation.topics.names()) != set(data["topics"]):
        organisation.topics.set(data["topics"])
        organisation.save()
        changed = True

    existing = set(organisation.contacts.values_list("name", flat=True))
    for order, contact in enumerate(data["contacts"]):
        if contact["name"] in existing:
            continue
        person = ContactPerson(
            organisation=organisation,
            sort_order=order,
            name=contact["name"],
            title=contact["title"],
            phone=_phone((index * 4 + order) % 100),
            email=contact["name"].lower().replace(" ", ".") + "@partner.example.se",
            contact_about=contact["contact_about"],
        )
        person.email = person.email.translate(str.maketrans("åäöé", "aaoe"))
        person.limited_to = [municipalities[slug] for slug in contact["limited"]]
        person.save()
        changed = True

    for order, (email, name, title, municipality, responsibility) in enumerate(
        data.get("liaisons", ())
    ):
        user = users.get(email) if email else None
        if email and user is None:
            continue  # the portal demo users are not there (e.g. a partial seed)
        lookup = {"user": user} if user else {"name": name}
        if organisation.liaisons.filter(**lookup).exists():
            continue
        Liaison.objects.create(
            organisation=organisation,
            sort_order=order,
            user=user,
            name=name,
            title=title,
            municipality=municipalities[municipality],
            responsibility=responsibility,
        )
        changed = True

    if changed:
        PartnerOrganisation.objects.get(pk=organisation.pk).save_revision(clean=False)
    return organisation


def seed_directory_page():
    home = home_page()
    page = PartnerDirectoryPage.objects.first()
    if page is None:
        page = PartnerDirectoryPage(
            title="Partnerkatalog",
            slug="partnerkatalog",
            show_in_menus=True,
            intro=(
                "<p>Hitta rätt person hos skolan, vården, Arbetsförmedlingen, frivården och "
                "de andra aktörerna vi samverkar med, och se vem hos oss som ansvarar för "
                "samarbetet.</p>"
            ),
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def seed():
    municipalities = {m.slug: m for m in Municipality.objects.filter(slug__in=[K, S, N, OS])}
    if len(municipalities) < 4:
        return None  # portal.demo seeds the municipalities first
    emails = {
        email for data in ORGANISATIONS for email, *_rest in data.get("liaisons", ()) if email
    }
    users = {u.email: u for u in get_user_model().objects.filter(email__in=emails)}
    for index, data in enumerate(ORGANISATIONS):
        seed_organisation(index, data, municipalities, users)
    return seed_directory_page()
