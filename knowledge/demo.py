"""Demo knowledge bank: topics, banks, routines, agreements, guides and real attachments.

Written for this portal (no text copied from elsewhere). Review dates are set relative to
the day the seed first runs so the demo always shows fresh, soon-due and overdue pages.
Every step looks up before it creates, so seeding twice changes nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupApprovalTask, Workflow, WorkflowPage

from knowledge import clock
from knowledge.files import make_docx, make_pdf
from knowledge.models import (
    AgreementPage,
    AgreementParty,
    AgreementReport,
    GuidePage,
    KnowledgeAttachment,
    KnowledgeIndexPage,
    RoutinePage,
    Topic,
)
from partners.models import ContactPerson, PartnerOrganisation
from portal.demo_images import collection_for_page
from portal.models import Municipality, SharedSpacePage
from portal.provisioning import home_page

TOPICS = [
    ("Skola", "Skolstart, närvaro och samarbete med elevhälsan."),
    ("Hälsa", "Hälsoundersökning, tandvård, BUP och psykisk hälsa."),
    ("Boende", "HVB-hem, stödboende och utslussning till eget boende."),
    ("Sysselsättning", "Praktik, feriejobb, studier och vägen till arbete."),
    ("Språk", "Tolk, modersmål och svenska som andraspråk."),
    ("Våld i nära relationer", "Hedersrelaterat våld, hot och skydd."),
    ("Etablering", "Uppehållstillstånd, folkbokföring och etableringsinsatser."),
]

OWNERS = {
    "karin": "redaktor.kalmar@demo.samverkan.se",
    "ada": "admin@demo.samverkan.se",
    "sara": "personal.sodertalje@demo.samverkan.se",
    "nils": "personal.norrtalje@demo.samverkan.se",
}


def _rich(*paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _child(parent, model, slug, setup=None, **fields):
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    if setup:
        setup(page)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _document(title, content, collection=None):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        # Created where the page using it lives (a file follows its page).
        document = Document(title=title, collection=collection or Collection.get_first_root_node())
        document.file.save(title, ContentFile(content), save=False)
        document.save()
    return document


def _steps(heading, *steps):
    return (
        "numbered_steps",
        {
            "heading": heading,
            "steps": [{"title": t, "text": _rich(d) if d else ""} for t, d in steps],
        },
    )


def _checklist(heading, *items):
    return ("checklist", {"heading": heading, "items": list(items)})


def _callout(kind, heading, text):
    return ("callout", {"kind": kind, "heading": heading, "text": _rich(text)})


def seed_topics():
    topics = {}
    for name, description in TOPICS:
        topic = Topic.objects.filter(name=name).first()
        if topic is None:
            topic = Topic.objects.create(name=name, description=description)
        topics[name] = topic
    return topics


def seed_banks():
    banks = {
        "shared": _child(
            home_page(),
            KnowledgeIndexPage,
            "kunskapsbanken",
            title="Kunskapsbanken",
            show_in_menus=True,
            intro=_rich(
                "Gemensamma rutiner, överenskommelser och verktyg för alla medlemskommuner. "
                "Varje sida visar när den senast granskades och vem som ansvarar för den."
            ),
        )
    }
    for municipality in Municipality.objects.exclude(section_page=None):
        banks[municipality.slug] = _child(
            municipality.section_page.specific,
            KnowledgeIndexPage,
            "kunskapsbank",
            title=f"Kunskapsbank – {municipality.name}",
            intro=_rich(f"Rutiner och överenskommelser som gäller i {municipality.name}."),
        )
    roslagen = SharedSpacePage.objects.filter(slug="samverkan-roslagen").first()
    if roslagen is not None:
        banks["roslagen"] = _child(
            roslagen,
            KnowledgeIndexPage,
            "kunskapsbank",
            title="Kunskapsbank – Samverkan Roslagen",
            intro=_rich("Det som parterna i Roslagen har kommit överens om."),
        )
    return banks


def seed_workflow(shared_bank):
    """Shared knowledge-bank pages go through a coordinator's approval before publishing."""
    from knowledge.approvers import shared_bank_approvers

    workflow = Workflow.objects.filter(name="Granskning av gemensam kunskapsbank").first()
    if workflow is None:
        workflow = Workflow.objects.create(name="Granskning av gemensam kunskapsbank")
        task = GroupApprovalTask.objects.create(name="Samordnare godkänner")
        approvers = shared_bank_approvers()
        if approvers is not None:
            task.groups.set([approvers])
        workflow.workflow_tasks.create(task=task, sort_order=0)
    WorkflowPage.objects.get_or_create(page=shared_bank, defaults={"workflow": workflow})


def _routine(
    bank,
    slug,
    title,
    *,
    owner,
    reviewed_days_ago,
    topics,
    municipalities=(),
    partners=(),
    attachments=(),
    local_version_of=None,
    **fields,
):
    def setup(page):
        page.topics = topics
        page.municipalities = list(municipalities)
        page.partner_organisations = list(partners)
        page.attachments = [KnowledgeAttachment(document=doc) for doc in attachments]

    today = clock.today()
    return _child(
        bank,
        RoutinePage,
        slug,
        setup=setup,
        title=title,
        content_owner=owner,
        last_reviewed=today - datetime.timedelta(days=reviewed_days_ago),
        local_version_of=local_version_of,
        **fields,
    )


def _blocks(spec, pages, contacts):
    """StreamField blocks from the compact form in knowledge/demo_routines.py."""
    blocks = []
    for item in spec:
        kind, rest = item[0], item[1:]
        if kind == "steps":
            heading, steps = rest
            blocks.append(_steps(heading, *steps))
        elif kind == "checklist":
            blocks.append(_checklist(*rest))
        elif kind == "callout":
            blocks.append(_callout(*rest))
        elif kind == "contact":
            organisation, name, note = rest
            contact = contacts(organisation, name)
            if contact is not None:
                blocks.append(("partner_contact", {"contact": contact, "note": note}))
        elif kind == "table":
            caption, columns, rows = rest
            blocks.append(("table", {"caption": caption, "columns": columns, "rows": rows}))
        elif kind == "link":
            slug, before, label, after = rest
            target = pages.get(slug)
            if target is not None:
                link = f'<a linktype="page" id="{target.pk}">{label}</a>'
                blocks.append(("paragraph", _rich(f"{before}{link}{after}")))
    return blocks


def _named_contact(organisation_name, name):
    return ContactPerson.objects.filter(organisation__name=organisation_name, name=name).first()


def seed_routines(banks, topics, owners, municipalities, partners):
    from knowledge.demo_routines import ROUTINES, SHARED

    files = {
        "mottagande": _document(
            "Checklista mottagande.pdf",
            make_pdf(
                "Checklista vid mottagande av ungdom",
                [
                    "Den här bilagan används första dygnet efter att en ungdom har flyttat in.",
                    "Kontrollera att ungdomen har fått larmnummer, nyckelbricka och en "
                    "kontaktperson bland personalen. Skriv in allergier och mediciner i "
                    "journalen samma dag. Boka hälsoundersökning inom två veckor.",
                    "Nyckelord för sökning: ankomstsamtal, nyckelbricka, första dygnet.",
                ],
            ),
            _bank_collection(banks, "kalmar"),
        ),
        "orosanmalan": _document(
            "Mall orosanmälan.docx",
            make_docx(
                "Stöd för orosanmälan",
                [
                    "Beskriv vad du har sett eller hört, när det hände och vem som var med.",
                    "Skriv sakligt och utan egna tolkningar. Anmälan lämnas till "
                    "socialtjänstens mottagningsgrupp samma dag. Vid akut fara: ring 112.",
                ],
                [["Fält", "Exempel"], ["Datum och tid", "Måndag kl. 14.30"]],
            ),
            _bank_collection(banks, "kalmar"),
        ),
    }
    created = {}  # (bank key, slug) -> page
    shared_pages = {}
    for data in ROUTINES:
        bank_key = data["bank"]
        bank = banks.get(bank_key) or banks[SHARED]
        scope = data["municipality"]
        if scope == "all":
            scoped = list(municipalities.values())
        else:
            scoped = [municipalities[scope]] if scope in municipalities else []
        original = shared_pages.get(data.get("local_of"))
        page = _routine(
            bank,
            data["slug"],
            data["title"],
            owner=owners.get(data["owner"]),
            reviewed_days_ago=data["days"],
            topics=[topics[name] for name in data["topics"]],
            municipalities=scoped,
            partners=[partners[name] for name in data.get("partners", ()) if name in partners],
            attachments=[files[key] for key in data.get("attachments", ())],
            local_version_of=original,
            summary=data["summary"],
            purpose=_rich(data["purpose"]) if data.get("purpose") else "",
            applies_to=data.get("applies_to", original.applies_to if original else ""),
            responsible_role=data["role"],
            steps=_blocks(data["steps"], shared_pages, _named_contact),
        )
        created[(bank_key, data["slug"])] = page
        if bank_key == SHARED:
            shared_pages[data["slug"]] = page
    return created


def _bank_collection(banks, key):
    bank = banks.get(key)
    return collection_for_page(bank) if bank is not None else None


# bank, slug, title, partner, municipality, start and end (days from today), topic,
# summary, [(party, commitment)], [(report, from, to, how often)]
AGREEMENTS = [
    (
        "kalmar",
        "overenskommelse-bup",
        "Överenskommelse med BUP om konsultation",
        "BUP Kalmar län",
        "kalmar",
        -400,
        60,
        "Hälsa",
        "BUP ger Kalmars HVB konsultation inom en vecka och tar emot remisser med förtur "
        "för placerade ungdomar; gäller två år och förlängs vid uppföljningen.",
        [
            (
                "Kalmar kommun",
                "Utse en kontaktperson per boende, skicka remisser via vårdcentralen och "
                "bjuda in BUP till SIP-möten.",
            ),
            (
                "BUP Kalmar län",
                "Erbjuda konsultation utan namn inom en vecka och bedöma remisser för "
                "placerade ungdomar inom tre veckor.",
            ),
        ],
        [
            (
                "Väntetider och antal konsultationer",
                "BUP Kalmar län",
                "Kalmar kommun",
                "Varje halvår",
            )
        ],
    ),
    (
        "roslagen",
        "overenskommelse-lernia",
        "Överenskommelse om praktik med Lernia",
        "Lernia",
        "norrtalje",
        -200,
        500,
        "Sysselsättning",
        "Lernia ordnar praktikplatser för unga vuxna i Norrtälje och Österåker och följer "
        "upp dem med handläggaren; överenskommelsen löper i tre år.",
        [
            (
                "Norrtälje kommun",
                "Anmäla deltagare med samtycke och utse en handläggare som följer praktiken.",
            ),
            (
                "Lernia",
                "Matcha deltagare mot en praktikplats inom tre veckor och rapportera "
                "frånvaro samma vecka.",
            ),
        ],
        [("Startade och avslutade praktiker", "Lernia", "Norrtälje kommun", "Varje kvartal")],
    ),
    (
        "roslagen",
        "overenskommelse-af",
        "Överenskommelse om etableringsstöd",
        "Arbetsförmedlingen",
        "osteraker",
        -700,
        -20,
        "Etablering",
        "Överenskommelsen om gemensam planering för unga vuxna i etableringsprogrammet i "
        "Österåker har gått ut och håller på att förhandlas om.",
        [
            (
                "Österåkers kommun",
                "Bjuda in Arbetsförmedlingen till planeringsmöte när en ung vuxen fyller 18.",
            ),
            (
                "Arbetsförmedlingen",
                "Delta i planeringsmötet och skriva in den unga inom fyra veckor.",
            ),
        ],
        [("Inskrivna unga vuxna", "Arbetsförmedlingen", "Österåkers kommun", "Varje kvartal")],
    ),
    (
        "sodertalje",
        "overenskommelse-integra",
        "Överenskommelse om språkträning med Integra",
        "Integra",
        "sodertalje",
        -100,
        700,
        "Språk",
        "Integra ger språkträning och språkpraktik två eftermiddagar i veckan för unga på "
        "Södertäljes stödboenden, med en plats per boende och termin.",
        [
            (
                "Södertälje kommun",
                "Anmäla deltagare före terminsstart och stå för resor till språkträningen.",
            ),
            (
                "Integra",
                "Hålla språkträning tisdagar och torsdagar och meddela boendet vid frånvaro.",
            ),
        ],
        [("Närvaro och nivå i svenska", "Integra", "Södertälje kommun", "Varje termin")],
    ),
    (
        "shared",
        "overenskommelse-sommarjobb",
        "Gemensam överenskommelse om sommarjobb",
        "Arbetsförmedlingen",
        None,
        -30,
        80,
        "Sysselsättning",
        "Kommunerna och Arbetsförmedlingen delar på handledare och arbetsplatser för "
        "sommarjobb åt unga nya i Sverige; gäller sommaren ut.",
        [
            (
                "Medlemskommunerna",
                "Erbjuda minst tjugo sommarjobb var och utse en handledare per arbetsplats.",
            ),
            (
                "Arbetsförmedlingen",
                "Informera inskrivna unga om sommarjobben och hjälpa dem att söka.",
            ),
        ],
        [("Tillsatta sommarjobb", "Medlemskommunerna", "Samverkansgruppen", "Efter sommaren")],
    ),
    (
        "shared",
        "overenskommelse-skolan",
        "Överenskommelse om elevhälsa och boenden",
        None,
        None,
        -365,
        None,
        "Skola",
        "Skolornas elevhälsa och kommunernas boenden informerar varandra om placerade "
        "elevers frånvaro och hälsa; gäller tills vidare.",
        [
            (
                "Medlemskommunerna",
                "Låta boendets kontaktperson delta i elevhälsomöten när ungdomen vill det.",
            ),
            (
                "Skolorna",
                "Meddela boendet samma dag vid ogiltig frånvaro och bjuda in till "
                "frånvaroutredning.",
            ),
        ],
        [("Frånvaro bland placerade elever", "Skolorna", "Samverkansgruppen", "Varje termin")],
    ),
]


def seed_agreements(banks, topics, owners, municipalities, partners):
    today = clock.today()
    day = datetime.timedelta(days=1)
    for row in AGREEMENTS:
        bank_key, slug, title, partner_name, muni_key, start, end, topic_name = row[:8]
        summary, commitments, reports = row[8:]
        bank = banks.get(bank_key) or banks["shared"]
        partner = partners.get(partner_name)
        municipality = municipalities.get(muni_key)
        valid_from = today + start * day
        valid_until = today + end * day if end is not None else None
        signed = _document(
            f"{title} (signerad).pdf",
            make_pdf(
                title,
                [summary]
                + [
                    f"{party} åtar sig att {text[0].lower()}{text[1:]}"
                    for party, text in commitments
                ]
                + ["Överenskommelsen följs upp på ett gemensamt möte två gånger per år."],
            ),
            collection_for_page(bank),
        )

        def setup(page, partner=partner, municipality=municipality, row=row):
            topic_name, commitments, reports = row[7], row[9], row[10]
            page.partner_organisations = [partner] if partner else []
            page.municipalities = [municipality] if municipality else list(municipalities.values())
            page.topics = [topics[topic_name]]
            contact = (
                ContactPerson.objects.filter(organisation=partner).first() if partner else None
            )
            page.contact_people = [contact] if contact else []
            page.commitments = [
                AgreementParty(party=party, commitment=_rich(text)) for party, text in commitments
            ]
            page.reports = [
                AgreementReport(report=report, from_party=sender, to_party=to, frequency=often)
                for report, sender, to, often in reports
            ]

        _child(
            bank,
            AgreementPage,
            slug,
            setup=setup,
            title=title,
            summary=summary,
            valid_from=valid_from,
            valid_until=valid_until,
            notice_period="tre månader",
            signed_document=signed,
            content_owner=owners["ada"] if bank_key == "shared" else owners.get("karin"),
            last_reviewed=today - 60 * day,
        )


def seed_guides(banks, topics, owners):
    today = clock.today()
    shared = banks["shared"]
    collection = collection_for_page(shared)
    plan = _document(
        "Individuell framtidsplan – mall.docx",
        make_docx(
            "Individuell framtidsplan",
            [
                "Planen skrivs tillsammans med ungdomen och följs upp varje halvår.",
                "Fyll i mål för skola, hälsa, boende och fritid. Skriv vem som ansvarar.",
            ],
            [["Område", "Mål", "Ansvarig"], ["Skola", "", ""], ["Hälsa", "", ""]],
        ),
        collection,
    )
    bam = _document(
        "Behov och ansvarsmodellen.pdf",
        make_pdf(
            "Behov och Ansvarsmodellen",
            [
                "Modellen hjälper parterna att se vilka behov en ungdom har och vem som "
                "ansvarar för att de möts: kommunen, regionen eller staten.",
                "Använd den vid gemensamma planeringsmöten.",
            ],
        ),
        collection,
    )
    samtal = _document(
        "Samtalsguide första mötet.pdf",
        make_pdf(
            "Samtalsguide",
            [
                "Frågor att ställa vid första mötet med en ungdom: vad vill du att vi ska "
                "veta om dig, vad behöver du i dag, vem kan du ringa om något händer?",
            ],
        ),
        collection,
    )
    guides = [
        (
            "individuell-framtidsplan",
            "Individuell framtidsplan",
            "tool",
            plan,
            "Etablering",
            "En mall för ungdomens egen plan för skola, hälsa, boende och fritid, som "
            "skrivs tillsammans med kontaktpersonen och följs upp varje halvår.",
            [
                _steps(
                    "Så används mallen",
                    (
                        "Skriv tillsammans",
                        "Kontaktpersonen och ungdomen fyller i planen tillsammans, gärna med tolk.",
                    ),
                    (
                        "Ett mål per område",
                        "Skriv ett mål för skola, hälsa, boende och "
                        "fritid, med ungdomens egna ord.",
                    ),
                    (
                        "Vem ansvarar",
                        "Skriv vem som gör vad: ungdomen, boendet, skolan eller god man.",
                    ),
                    ("Följ upp varje halvår", "Gå igenom planen och stryk det som är klart."),
                ),
            ],
        ),
        (
            "behov-och-ansvarsmodellen",
            "Behov och Ansvarsmodellen",
            "guide",
            bam,
            "Etablering",
            "Ett sätt att på planeringsmöten beskriva ungdomens behov först och sedan "
            "fördela ansvaret mellan familjenätverk, kommun, region och stat.",
            [
                _steps(
                    "Mötet i tre delar",
                    (
                        "Behoven",
                        "Ungdomen och nätverket beskriver behoven, utan att "
                        "först fråga vem som ska lösa dem.",
                    ),
                    (
                        "Ansvaret",
                        "För varje behov skrivs vem som ansvarar och vad den "
                        "personen eller myndigheten ska göra.",
                    ),
                    ("Handlingsplanen", "Planen får datum och en uppföljning inom tre månader."),
                ),
                _callout(
                    "tip",
                    "Passar bra med SIP",
                    "Modellen går att använda på SIP-möten när många parter deltar.",
                ),
            ],
        ),
        (
            "samtalsguide",
            "Samtalsguide för första mötet",
            "guide",
            samtal,
            "Språk",
            "Frågor och förhållningssätt för det första samtalet med en nyanländ ungdom: "
            "trygghet först, historien kan vänta.",
            [
                _checklist(
                    "Inför samtalet",
                    "Boka tolk och fråga om ungdomen vill ha tolk av ett visst kön",
                    "Välj ett lugnt rum utan avbrott",
                    "Säg hur länge samtalet varar",
                ),
                _steps(
                    "Under samtalet",
                    ("Börja med nuet", "Fråga vad ungdomen behöver i dag, inte om flykten."),
                    ("Förklara vem du är", "Berätta vad du gör och vad som skrivs ned."),
                    ("Avsluta tydligt", "Säg när ni ses nästa gång och vem ungdomen kan ringa."),
                ),
            ],
        ),
    ]
    for slug, title, kind, document, topic_name, summary, content in guides:

        def setup(page, document=document, topic_name=topic_name):
            page.attachments = [KnowledgeAttachment(document=document)]
            page.topics = [topics[topic_name]]

        _child(
            shared,
            GuidePage,
            slug,
            setup=setup,
            title=title,
            kind=kind,
            summary=summary,
            content=content,
            content_owner=owners["ada"],
            last_reviewed=today - datetime.timedelta(days=120),
        )


def seed():
    User = get_user_model()
    owners = {key: User.objects.filter(email=email).first() for key, email in OWNERS.items()}
    municipalities = {m.slug: m for m in Municipality.objects.all()}
    partners = {p.name: p for p in PartnerOrganisation.objects.all()}
    topics = seed_topics()
    banks = seed_banks()
    seed_workflow(banks["shared"])
    seed_routines(banks, topics, owners, municipalities, partners)
    seed_agreements(banks, topics, owners, municipalities, partners)
    seed_guides(banks, topics, owners)
    return banks
