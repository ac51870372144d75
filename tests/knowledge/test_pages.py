"""How routines, agreements, guides and the bank look to a reader."""

import datetime

from wagtail.models import Collection

from partners.models import ContactPerson
from tests.factories import add_document
from tests.knowledge.factories import add_agreement, add_guide, add_routine, topic

D = datetime.date


def _main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_routine_renders_every_kind_of_step(client, world, banks, fixed_today):
    contact = ContactPerson.objects.create(
        organisation=world.partner,
        name="Lisa Lind",
        title="Studievägledare",
        phone="070-123 45 67",
        email="lisa@lernia.example",
    )
    doc = add_document(Collection.get_first_root_node(), "Blankett.pdf")
    routine = add_routine(
        banks["A"],
        owner=world.users["editor of A"],
        title="Inskrivning på HVB",
        purpose="<p>Att varje ungdom får ett tryggt mottagande.</p>",
        applies_to="All personal på HVB-hemmen.",
        responsible_role="Enhetschef HVB",
        topics=[topic("Boende")],
        municipalities=[world.municipality_a],
        partner_organisations=[world.partner],
        steps=[
            (
                "numbered_steps",
                {
                    "heading": "Första dagen",
                    "steps": [
                        {"title": "Ta emot ungdomen", "text": "<p>Visa rummet.</p>"},
                        {"title": "Ring god man", "text": ""},
                    ],
                },
            ),
            ("checklist", {"heading": "Checklista", "items": ["Nycklar", "Wifi-kod"]}),
            (
                "callout",
                {"kind": "warning", "heading": "Viktigt", "text": "<p>Anmäl inom 24 timmar.</p>"},
            ),
            (
                "table",
                {
                    "caption": "Vem gör vad",
                    "columns": ["Uppgift", "Ansvar"],
                    "rows": [["Journal", "Kontaktperson"]],
                },
            ),
            ("document", {"document": doc, "label": "Inskrivningsblankett"}),
            ("partner_contact", {"contact": contact, "note": "Vid skolfrågor"}),
        ],
    )
    client.force_login(world.users["staff of A"])
    html = _main(client.get(routine.url))
    assert html.count("<h1") == 1
    assert "Enhetschef HVB" in html and "All personal på HVB-hemmen." in html
    assert '<ol class="steps">' in html and "Ta emot ungdomen" in html
    assert "☐</span> Nycklar" in html
    assert "Anmäl inom 24 timmar." in html
    assert "<caption>Vem gör vad</caption>" in html and '<th scope="col">Uppgift</th>' in html
    assert '<th scope="row">Journal</th>' in html
    assert f'href="{doc.url}"' in html and "Inskrivningsblankett" in html
    assert "Lisa Lind" in html and "Studievägledare" in html and "Lernia" in html
    assert 'href="tel:070-1234567"' in html
    assert "Boende" in html and "Kalmar kommun" in html
    # Breadcrumbs show where the page lives.
    crumbs = html[html.index('class="breadcrumbs"') : html.index("</nav>")]
    assert "Kalmar kommun" in crumbs and "Kalmars kunskapsbank" in crumbs


def test_agreement_renders_parties_commitments_reports_contacts(client, world, banks, fixed_today):
    from knowledge.models import AgreementParty, AgreementReport

    contact = ContactPerson.objects.create(organisation=world.partner, name="Omar Said")
    signed = add_document(Collection.get_first_root_node(), "Signerad.pdf")
    agreement = add_agreement(
        banks["space"],
        D(2026, 1, 1),
        D(2027, 12, 31),
        title="Överenskommelse med Lernia",
        notice_period="tre månader",
        municipalities=[world.municipality_a],
        partner_organisations=[world.partner],
        contact_people=[contact],
        signed_document=signed,
    )
    agreement.commitments = [AgreementParty(party="Lernia", commitment="<p>Erbjuda praktik.</p>")]
    agreement.reports = [
        AgreementReport(
            report="Närvarorapport",
            from_party="Lernia",
            to_party="Kalmar kommun",
            frequency="varje månad",
        )
    ]
    agreement.save_revision().publish()
    client.force_login(world.users["partner user"])
    html = _main(client.get(agreement.url))
    assert "<strong>Gäller</strong>" in html and "2026-01-01 – 2027-12-31" in html
    assert "Uppsägningstid: tre månader" in html
    assert "Erbjuda praktik." in html and '<th scope="row">Närvarorapport</th>' in html
    assert "Omar Said" in html and f'href="{signed.url}"' in html
    assert list(world.partner.agreements.all()) == [agreement]


def test_guide_lists_its_downloads(client, world, banks, fixed_today):
    doc = add_document(Collection.get_first_root_node(), "Framtidsplan.docx", content=b"PK")
    guide = add_guide(
        banks["shared"],
        title="Individuell framtidsplan",
        kind="tool",
        attachments=[doc],
        last_reviewed=D(2026, 2, 1),
    )
    client.force_login(world.users["staff of B"])
    html = _main(client.get(guide.url))
    assert "Verktyg eller mall" in html
    assert '<h2 id="attachments-heading">Nedladdningar</h2>' in html
    assert "Framtidsplan.docx" in html and "(DOCX)" in html


def test_print_stylesheet_hides_navigation_and_keeps_review_line_and_url(client, world, banks):
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/print.css")).read()
    assert ".site-header" in css and ".main-nav" in css
    assert ".print-url" in css and ".review-line" in css
    routine = add_routine(banks["A"], owner=world.users["editor of A"])
    client.force_login(world.users["staff of A"])
    html = _main(client.get(routine.url))
    assert f'<p class="print-url">http://testserver{routine.url}</p>' in html


def test_shared_bank_is_for_municipality_staff_only(client, world, banks):
    routine = add_routine(banks["shared"], title="Gemensam rutin")
    for user, status in [("staff of A", 200), ("staff of B", 200), ("partner user", 404)]:
        client.force_login(world.users[user])
        assert client.get(routine.url).status_code == status
    client.logout()
    assert client.get(routine.url).status_code == 302
