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
        document = Document(title=title, collection=collection or Collection.get_first_root_node())
        document.file.save(title, ContentFile(content), save=False)
        document.save()
    return document


def _contact(organisation, name, title, about):
    if organisation is None:
        return None
    contact = ContactPerson.objects.filter(organisation=organisation).order_by("sort_order").first()
    if contact is None:
        contact = ContactPerson.objects.create(
            organisation=organisation,
            name=name,
            title=title,
            phone="010-000 00 00",
            email=f"{name.split()[0].lower()}@{organisation.slug}.example",
            contact_about=about,
        )
    return contact


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


def seed_routines(banks, topics, owners, municipalities, partners):
    t = topics
    kalmar, sodertalje = municipalities.get("kalmar"), municipalities.get("sodertalje")
    lernia, bup = partners.get("Lernia"), partners.get("BUP Kalmar län")
    bup_contact = _contact(bup, "Maria Holm", "Kurator", "Remisser och akuta bedömningar.")
    lernia_contact = _contact(lernia, "Jonas Berg", "Studie- och yrkesvägledare", "Praktik.")

    mottagande_pdf = _document(
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
    )
    orosanmalan_docx = _document(
        "Mall orosanmälan.docx",
        make_docx(
            "Stöd för orosanmälan",
            [
                "Beskriv vad du har sett eller hört, när det hände och vem som var med.",
                "Skriv sakligt och utan egna tolkningar. Anmälan lämnas till socialtjänstens "
                "mottagningsgrupp samma dag. Vid akut fara: ring 112.",
            ],
            [["Fält", "Exempel"], ["Datum och tid", "Måndag kl. 14.30"]],
        ),
    )

    shared = banks["shared"]
    skolstart = _routine(
        shared,
        "skolstart-nyanlanda",
        "Skolstart för nyanlända ungdomar",
        owner=owners["ada"],
        reviewed_days_ago=40,
        topics=[t["Skola"], t["Språk"]],
        municipalities=[m for m in municipalities.values()],
        summary="Så förbereder boendet och socialtjänsten en ungdoms första skoldag.",
        purpose=_rich("Att ingen ungdom ska vänta på skolplats längre än en månad."),
        applies_to="Kontaktpersoner på HVB och stödboende, handläggare.",
        responsible_role="Samordnare för ensamkommande",
        steps=[
            _steps(
                "Före skolstart",
                ("Anmäl behov av skolplats", "Samma vecka som ungdomen kommer."),
                ("Boka kartläggningssamtal", "Skolan kartlägger tidigare skolgång."),
                ("Ordna tolk", ""),
                ("Följ upp efter en månad", "Stäm av närvaro och trivsel med mentorn."),
            ),
            _callout("tip", "Tips", "Be om ett skriftligt schema som ungdomen kan ta med hem."),
        ],
    )
    _routine(
        banks.get("kalmar", shared),
        "skolstart",
        "Skolstart i Kalmar",
        owner=owners["karin"],
        reviewed_days_ago=200,
        topics=[t["Skola"]],
        municipalities=[kalmar] if kalmar else [],
        local_version_of=skolstart,
        summary="Kalmars version av den gemensamma rutinen för skolstart.",
        responsible_role="Enhetschef HVB",
        steps=[
            _steps(
                "Före skolstart",
                ("Anmäl behov av skolplats", "Via mottagningsenheten för nyanlända."),
                ("Boka kartläggningssamtal", "Skolan kartlägger tidigare skolgång."),
                ("Ordna tolk via kommunens tolkförmedling", ""),
                ("Följ upp efter en månad", "Stäm av närvaro och trivsel med mentorn."),
            ),
        ],
    )
    _routine(
        banks.get("sodertalje", shared),
        "skolstart",
        "Skolstart i Södertälje",
        owner=owners["sara"],
        reviewed_days_ago=420,
        topics=[t["Skola"]],
        municipalities=[sodertalje] if sodertalje else [],
        local_version_of=skolstart,
        summary="Södertäljes version: skolstart via introduktionsenheten.",
        responsible_role="Samordnare socialtjänst",
        steps=[
            _steps(
                "Före skolstart",
                ("Anmäl behov av skolplats", "Till introduktionsenheten."),
                ("Boka kartläggningssamtal", "Skolan kartlägger tidigare skolgång."),
                ("Följ upp efter en månad", "Stäm av närvaro och trivsel med mentorn."),
                ("Informera god man", "Skicka schema och kontaktuppgifter."),
            ),
        ],
    )

    simple = [
        # bank, slug, title, owner, days since review, topics, municipality, summary, role
        (
            "kalmar",
            "mottagande-hvb",
            "Mottagande av ungdom på HVB",
            "karin",
            30,
            ["Boende"],
            "kalmar",
            "Första dygnet på boendet: vem gör vad.",
            "Kontaktperson HVB",
        ),
        (
            "kalmar",
            "halsoundersokning",
            "Hälsoundersökning inom två veckor",
            "karin",
            390,
            ["Hälsa"],
            "kalmar",
            "Boka och följ upp den första hälsoundersökningen.",
            "Sjuksköterska",
        ),
        (
            "kalmar",
            "remiss-bup",
            "Remiss till BUP",
            "karin",
            350,
            ["Hälsa"],
            "kalmar",
            "När och hur vi tar kontakt med barn- och ungdomspsykiatrin.",
            "Enhetschef HVB",
        ),
        (
            "kalmar",
            "orosanmalan",
            "Orosanmälan från boendet",
            "karin",
            100,
            ["Våld i nära relationer"],
            "kalmar",
            "Vad personalen gör vid oro för en ungdom.",
            "All personal",
        ),
        (
            "kalmar",
            "utslussning",
            "Utslussning till eget boende",
            "ada",
            500,
            ["Boende"],
            "kalmar",
            "Planering inför att en ungdom flyttar till egen lägenhet.",
            "Boendestödjare",
        ),
        (
            "sodertalje",
            "tolk",
            "Bokning av tolk",
            "sara",
            60,
            ["Språk"],
            "sodertalje",
            "Hur vi bokar tolk till samtal och möten.",
            "Handläggare",
        ),
        (
            "sodertalje",
            "fickpengar",
            "Fickpengar och ekonomi",
            "sara",
            340,
            ["Boende"],
            "sodertalje",
            "Utbetalning och redovisning av fickpengar.",
            "Enhetschef stödboende",
        ),
        (
            "sodertalje",
            "hedersrelaterat-vald",
            "Hedersrelaterat våld – första åtgärder",
            None,
            200,
            ["Våld i nära relationer"],
            "sodertalje",
            "Vad vi gör när en ungdom berättar om hot.",
            "Socialsekreterare",
        ),
        (
            "norrtalje",
            "feriejobb",
            "Feriejobb för ungdomar",
            "nils",
            20,
            ["Sysselsättning"],
            "norrtalje",
            "Ansökan och stöd kring sommarjobb.",
            "Arbetsmarknadshandläggare",
        ),
        (
            "osteraker",
            "folkbokforing",
            "Folkbokföring och id-handlingar",
            "ada",
            380,
            ["Etablering"],
            "osteraker",
            "Stöd vid folkbokföring och ansökan om id-kort.",
            "Handläggare",
        ),
        (
            "roslagen",
            "praktik-lernia",
            "Praktikplats via Lernia",
            "nils",
            90,
            ["Sysselsättning"],
            "norrtalje",
            "Från intresseanmälan till startad praktik.",
            "Arbetsmarknadshandläggare",
        ),
        (
            "roslagen",
            "studiebesok",
            "Studiebesök på arbetsplatser",
            "nils",
            370,
            ["Sysselsättning", "Etablering"],
            "osteraker",
            "Gemensamma studiebesök i Roslagen.",
            "Samordnare",
        ),
        (
            "shared",
            "god-man",
            "Samarbete med god man",
            "ada",
            10,
            ["Etablering"],
            None,
            "Vad god man ska få veta och när.",
            "Handläggare",
        ),
        (
            "shared",
            "tandvard",
            "Tandvård för ungdomar",
            "ada",
            330,
            ["Hälsa"],
            None,
            "Kallelser, akut tandvärk och avgifter.",
            "Kontaktperson",
        ),
    ]
    for bank_key, slug, title, owner_key, days, topic_names, muni_key, summary, role in simple:
        bank = banks.get(bank_key) or shared
        attachments = []
        steps = [
            _steps(
                "Arbetsgång",
                ("Ta reda på ungdomens behov", "Prata med ungdomen och kontaktpersonen."),
                ("Gör det som rutinen beskriver", "Dokumentera i journalen samma dag."),
                ("Följ upp", "Stäm av med ungdomen inom två veckor."),
            )
        ]
        partner_list = []
        if slug == "mottagande-hvb":
            attachments = [mottagande_pdf]
            steps.append(
                _checklist(
                    "Första dygnet", "Rundvisning", "Nycklar", "Larmnummer", "Allergier i journalen"
                )
            )
        if slug == "orosanmalan":
            attachments = [orosanmalan_docx]
            steps.insert(0, _callout("warning", "Vid akut fara", "Ring 112 först, anmäl sedan."))
        if slug == "remiss-bup" and bup_contact is not None:
            partner_list = [bup]
            steps.append(("partner_contact", {"contact": bup_contact, "note": "Frågor om remiss"}))
        if slug == "praktik-lernia" and lernia_contact is not None:
            partner_list = [lernia]
            steps.append(("partner_contact", {"contact": lernia_contact, "note": "Praktikfrågor"}))
            steps.append(
                (
                    "table",
                    {
                        "caption": "Vem gör vad inför praktik",
                        "columns": ["Moment", "Ansvarig", "När"],
                        "rows": [
                            ["Intresseanmälan", "Handläggare", "Vecka 1"],
                            ["Matchning", "Lernia", "Vecka 2–3"],
                            ["Uppföljning", "Handläggare och Lernia", "Efter fyra veckor"],
                        ],
                    },
                )
            )
        _routine(
            bank,
            slug,
            title,
            owner=owners.get(owner_key),
            reviewed_days_ago=days,
            topics=[t[name] for name in topic_names],
            municipalities=[municipalities[muni_key]] if muni_key in municipalities else [],
            partners=partner_list,
            attachments=attachments,
            summary=summary,
            responsible_role=role,
            applies_to="Medarbetare som arbetar med ensamkommande och unga i riskzon.",
            steps=steps,
        )


def seed_agreements(banks, topics, owners, municipalities, partners):
    today = clock.today()
    day = datetime.timedelta(days=1)
    rows = [
        # bank, slug, title, partner, municipality, start offset, end offset (days), topic
        (
            "kalmar",
            "overenskommelse-bup",
            "Överenskommelse med BUP om konsultation",
            "BUP Kalmar län",
            "kalmar",
            -400,
            60,
            "Hälsa",
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
        ),
    ]
    for bank_key, slug, title, partner_name, muni_key, start, end, topic_name in rows:
        bank = banks.get(bank_key) or banks["shared"]
        partner = partners.get(partner_name)
        municipality = municipalities.get(muni_key)
        signed = _document(
            f"{title} (signerad).pdf",
            make_pdf(
                title,
                [
                    "Parterna är överens om att samverka kring ungdomar som behöver stöd "
                    "från flera huvudmän.",
                    "Överenskommelsen följs upp två gånger per år på ett gemensamt möte.",
                ],
            ),
        )

        def setup(page, partner=partner, municipality=municipality, topic_name=topic_name):
            page.partner_organisations = [partner] if partner else []
            page.municipalities = [municipality] if municipality else list(municipalities.values())
            page.topics = [topics[topic_name]]
            contact = (
                ContactPerson.objects.filter(organisation=partner).first() if partner else None
            )
            page.contact_people = [contact] if contact else []
            page.commitments = [
                AgreementParty(
                    party=municipality.name if municipality else "Medlemskommunerna",
                    commitment=_rich("Utse en kontaktperson och kalla till uppföljning."),
                ),
                AgreementParty(
                    party=partner.name if partner else "Skolorna",
                    commitment=_rich("Ta emot ungdomar enligt överenskommelsen och återkoppla."),
                ),
            ]
            page.reports = [
                AgreementReport(
                    report="Lägesrapport",
                    from_party=partner.name if partner else "Skolorna",
                    to_party=municipality.name if municipality else "Samverkansgruppen",
                    frequency="Varje kvartal",
                )
            ]

        _child(
            bank,
            AgreementPage,
            slug,
            setup=setup,
            title=title,
            summary="Vem som gör vad, hur länge överenskommelsen gäller och vem du kontaktar.",
            valid_from=today + start * day,
            valid_until=today + end * day if end is not None else None,
            notice_period="tre månader",
            signed_document=signed,
            content_owner=owners["ada"] if bank_key == "shared" else owners.get("karin"),
            last_reviewed=today - 60 * day,
        )


def seed_guides(banks, topics, owners):
    today = clock.today()
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
    )
    samtal = _document(
        "Samtalsguide första mötet.pdf",
        make_pdf("Samtalsguide", ["Frågor att ställa vid första mötet med en ungdom."]),
    )
    guides = [
        ("individuell-framtidsplan", "Individuell framtidsplan", "tool", plan, "Etablering"),
        ("behov-och-ansvarsmodellen", "Behov och Ansvarsmodellen", "guide", bam, "Etablering"),
        ("samtalsguide", "Samtalsguide för första mötet", "guide", samtal, "Språk"),
    ]
    for slug, title, kind, document, topic_name in guides:

        def setup(page, document=document, topic_name=topic_name):
            page.attachments = [KnowledgeAttachment(document=document)]
            page.topics = [topics[topic_name]]

        _child(
            banks["shared"],
            GuidePage,
            slug,
            setup=setup,
            title=title,
            kind=kind,
            summary="Ladda ner mallen och läs hur den används.",
            content=[("paragraph", _rich("Läs igenom vägledningen innan du använder mallen."))],
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
