"""Demo municipalities, shared space, pages and one user per role (dev and test only).

All text is written for this portal. Every step looks up before it creates, so running the
seed twice leaves the database as it was.
"""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from partners.models import PartnerOrganisation
from portal.demo_images import alt_text, collection_for_page, demo_image
from portal.models import AccessibilityStatementPage, ContentPage, Municipality, SharedSpacePage
from portal.provisioning import home_page

DEMO_PASSWORD = "Samverkan-demo-2026"  # noqa: S105 - dev-only demo logins, refused in production

MUNICIPALITIES = [
    ("Kalmar kommun", "0880", "kalmar"),
    ("Södertälje kommun", "0181", "sodertalje"),
    ("Norrtälje kommun", "0188", "norrtalje"),
    ("Österåkers kommun", "0117", "osteraker"),
]

PARTNERS = [
    ("Lernia", "Utbildning och matchning mot arbete för unga vuxna."),
    ("Integra", "Stöd i etablering, praktik och språkträning."),
    ("Arbetsförmedlingen", "Statlig myndighet för arbetsmarknad och etablering."),
    ("BUP Kalmar län", "Barn- och ungdomspsykiatrin i regionen."),
]


def _rich(*paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _child(parent, model, slug, **fields):
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def seed_municipalities():
    result = {}
    for name, code, slug in MUNICIPALITIES:
        municipality = Municipality.objects.filter(name=name).first()
        if municipality is None:
            municipality = Municipality(name=name, code=code, slug=slug)
            municipality.save()
        result[slug] = municipality
    return result


def seed_partners():
    result = {}
    for name, description in PARTNERS:
        organisation = PartnerOrganisation.objects.filter(name=name).first()
        if organisation is None:
            organisation = PartnerOrganisation(name=name, description=description)
            organisation.save()
        result[name] = organisation
    return result


def _image_block(scene, page, caption=""):
    """An image block whose file is in the collection of the section `page` is in."""
    image = demo_image(scene, collection_for_page(page))
    return ("image", {"image": image, "alt_text": alt_text(scene), "caption": caption})


def seed_pages(municipalities, partners):
    home = home_page()
    if not home.intro:
        home.intro = _rich(
            "Här samlar kommunerna och deras samverkansparter rutiner, överenskommelser, "
            "kontaktuppgifter och nyheter om arbetet med ensamkommande och unga i riskzon."
        )
        home.save_revision().publish()

    _child(
        home,
        AccessibilityStatementPage,
        "tillganglighet",
        title="Tillgänglighetsredogörelse",
        intro=_rich(
            "Portalen ska gå att använda för alla, med mus eller tangentbord, med skärmläsare "
            "och på en liten skärm. Här berättar vi hur långt vi har kommit."
        ),
        compliance=AccessibilityStatementPage.PARTLY,
        known_problems=(
            "<ul><li>Filmer som laddas upp före den 1 januari 2027 kan sakna textning; "
            "be redaktören om en utskrift.</li>"
            "<li>Bifogade PDF-filer från andra myndigheter är inte alltid taggade för "
            "skärmläsare.</li></ul>"
        ),
        report_email="tillganglighet@demo.samverkan.se",
        assessed_on=datetime.date(2026, 11, 27),
    )

    _child(
        home,
        ContentPage,
        "om-portalen",
        title="Om portalen",
        show_in_menus=True,
        intro=_rich("Samverkansportalen är en gemensam arbetsyta för kommuner och myndigheter."),
        body=[
            _image_block("samtal", home, "Samverkan börjar runt ett bord."),
            ("heading", "Varför en gemensam portal?"),
            (
                "paragraph",
                _rich(
                    "När socialtjänst, skola, vård och arbetsmarknadsaktörer arbetar kring samma "
                    "ungdom behöver alla utgå från samma och aktuella information. Portalen "
                    "gör det lätt att hitta rätt rutin och rätt kontaktperson."
                ),
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "heading": "Inga uppgifter om enskilda",
                    "text": _rich(
                        "Skriv aldrig namn, personnummer eller annat som pekar ut en enskild "
                        "ungdom. Portalen är till för rutiner och yrkeskontakter."
                    ),
                },
            ),
        ],
    )
    _child(
        home,
        ContentPage,
        "vision-och-mal",
        title="Vision och mål",
        show_in_menus=True,
        intro=_rich("Varje ung människa ska mötas av vuxna som samarbetar och tar ansvar."),
        body=[
            ("heading", "Vår vision"),
            (
                "quote",
                {
                    "text": "Ingen ungdom ska behöva upprepa sin historia för att få hjälp.",
                    "attribution": "Samverkansgruppens gemensamma vision",
                },
            ),
            ("heading", "Mål för samverkan"),
            (
                "paragraph",
                "<ul><li>Alla placerade ungdomar har en individuell framtidsplan som "
                "följs upp varje halvår.</li><li>Varje överenskommelse har en ansvarig "
                "på båda sidor och ett datum för uppföljning.</li><li>Rutiner granskas "
                "minst en gång om året.</li></ul>",
            ),
        ],
    )

    kalmar = municipalities["kalmar"].section_page.specific
    if not kalmar.intro:
        kalmar.intro = _rich(
            "Kalmar kommuns interna avsnitt för HVB-hem, stödboende och socialtjänst."
        )
        kalmar.show_in_menus = True
        kalmar.save_revision().publish()
    hvb = _child(
        kalmar,
        ContentPage,
        "hvb-och-stodboende",
        title="HVB och stödboende i Kalmar",
        show_in_menus=True,
        intro=_rich("Arbetssätt och kontaktvägar för personalen på kommunens boenden."),
        body=[
            _image_block("bostad", kalmar, "Målet för varje placering: ett eget hem."),
            ("heading", "Våra boenden"),
            (
                "paragraph",
                _rich(
                    "Kommunen har två HVB för ungdomar 13–18 år och ett stödboende med "
                    "träningslägenheter för unga vuxna upp till 21 år. Varje ungdom har en "
                    "kontaktperson bland personalen och en handläggare på socialtjänsten.",
                    "Växeln på socialförvaltningen nås på 0480-36 00 00 vardagar 8–16.30. "
                    "Efter kontorstid svarar socialjouren.",
                ),
            ),
        ],
    )
    _child(
        hvb,
        ContentPage,
        "introduktion-nyanstallda",
        title="Introduktion för nyanställda",
        intro=_rich("Det här går vi igenom med varje ny medarbetare under första veckan."),
        body=[
            ("heading", "Första veckan"),
            (
                "paragraph",
                "<ul><li>Dag 1: rundvisning, nycklar och larm med enhetschefen.</li>"
                "<li>Dag 2: gå bredvid en erfaren kollega hela passet.</li>"
                "<li>Dag 3: genomgång av journalsystemet och tystnadsplikten.</li>"
                "<li>Dag 4: rutinerna för orosanmälan, mottagande och skolfrånvaro i "
                "kunskapsbanken.</li><li>Dag 5: uppföljningssamtal med enhetschefen.</li></ul>",
            ),
        ],
    )
    for slug in ("sodertalje", "norrtalje", "osteraker"):
        section = municipalities[slug].section_page.specific
        if not section.show_in_menus:
            section.show_in_menus = True
            section.intro = _rich(f"Internt avsnitt för medarbetare i {municipalities[slug].name}.")
            section.save_revision().publish()

    roslagen = home.get_children().filter(slug="samverkan-roslagen").first()
    if roslagen is None:
        roslagen = SharedSpacePage(
            title="Samverkan Roslagen",
            slug="samverkan-roslagen",
            show_in_menus=True,
            intro=_rich(
                "Gemensam yta för Norrtälje, Österåker och de aktörer som arbetar med "
                "sysselsättning för unga i Roslagen."
            ),
        )
        roslagen.municipalities = [municipalities["norrtalje"], municipalities["osteraker"]]
        roslagen.partner_organisations = [partners["Lernia"], partners["Arbetsförmedlingen"]]
        home.add_child(instance=roslagen)
        roslagen.save_revision().publish()
    return roslagen


def _user(email, first, last, groups=(), superuser=False):
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(username=email, email=email, first_name=first, last_name=last)
        user.is_superuser = user.is_staff = superuser
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    user.groups.add(*groups)
    return user


def seed_users(municipalities, partners):
    kalmar = municipalities["kalmar"]
    users = [
        ("admin@demo.samverkan.se", "Ada", "Admin", (), True, "portaladministratör"),
        (
            "redaktor.kalmar@demo.samverkan.se",
            "Karin",
            "Redaktör",
            (kalmar.editors_group,),
            False,
            "redaktör, Kalmar",
        ),
        (
            "personal.kalmar@demo.samverkan.se",
            "Kalle",
            "Medarbetare",
            (kalmar.members_group,),
            False,
            "medarbetare, Kalmar",
        ),
        (
            "personal.sodertalje@demo.samverkan.se",
            "Sara",
            "Medarbetare",
            (municipalities["sodertalje"].members_group,),
            False,
            "medarbetare, Södertälje",
        ),
        (
            "personal.norrtalje@demo.samverkan.se",
            "Nils",
            "Medarbetare",
            (municipalities["norrtalje"].members_group,),
            False,
            "medarbetare, Norrtälje",
        ),
        (
            "partner.lernia@demo.samverkan.se",
            "Lina",
            "Partner",
            (partners["Lernia"].group,),
            False,
            "partneranvändare, Lernia",
        ),
    ]
    return [
        (_user(email, first, last, groups, superuser), role)
        for email, first, last, groups, superuser, role in users
    ]


def seed():
    municipalities = seed_municipalities()
    partners = seed_partners()
    seed_pages(municipalities, partners)
    return seed_users(municipalities, partners)
