"""A page one reader may see can name things that reader may not: contacts limited to
another municipality, people who have left, documents in another section's collection,
organisations limited elsewhere. Pages show only what the access module allows."""

import datetime

from tests.factories import PartnerOrganisationFactory, add_document
from tests.knowledge.factories import add_agreement, add_routine
from tests.partners.factories import ContactPersonFactory, organisation


def _main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_routine_hides_contacts_documents_and_partners_the_reader_may_not_see(client, world, banks):
    kalmar, sodertalje = world.municipality_a, world.municipality_b
    bup = PartnerOrganisationFactory(name="BUP Kalmar län")
    only_b = organisation("Södertäljes skola", limited_to=[sodertalje])
    open_contact = ContactPersonFactory(organisation=bup, name="Åsa Öppen")
    b_contact = ContactPersonFactory(organisation=bup, name="Bengt Bara-B", limited_to=[sodertalje])
    left = ContactPersonFactory(organisation=bup, name="Lars Slutat", has_left=True)
    b_document = add_document(sodertalje.collection, "Sodertaljes-hemliga-plan.pdf")
    a_document = add_document(kalmar.collection, "Kalmars-plan.pdf")
    routine = add_routine(
        banks["A"],
        title="Skolstart",
        partner_organisations=[bup, only_b],
        steps=[
            ("partner_contact", {"contact": open_contact, "note": ""}),
            ("partner_contact", {"contact": b_contact, "note": ""}),
            ("partner_contact", {"contact": left, "note": ""}),
        ],
        body=[
            ("document", {"document": a_document, "label": ""}),
            ("document", {"document": b_document, "label": ""}),
        ],
    )
    client.force_login(world.users["staff of A"])
    main = _main(client.get(routine.url))
    assert "Åsa Öppen" in main
    assert "Bengt Bara-B" not in main
    assert "Lars Slutat" not in main
    assert "Kalmars-plan" in main
    assert "Sodertaljes-hemliga-plan" not in main
    assert "BUP Kalmar län" in main
    assert "Södertäljes skola" not in main


def test_agreement_hides_contacts_and_signed_document_the_reader_may_not_see(client, world, banks):
    sodertalje = world.municipality_b
    bup = PartnerOrganisationFactory(name="BUP Kalmar län")
    b_contact = ContactPersonFactory(organisation=bup, name="Bengt Bara-B", limited_to=[sodertalje])
    visible = ContactPersonFactory(organisation=bup, name="Åsa Öppen")
    agreement = add_agreement(
        banks["A"],
        datetime.date(2026, 1, 1),
        datetime.date(2027, 6, 30),
        title="Överenskommelse med BUP",
        partner_organisations=[bup],
        contact_people=[b_contact, visible],
        signed_document=add_document(sodertalje.collection, "B-signerad.pdf"),
    )
    client.force_login(world.users["staff of A"])
    main = _main(client.get(agreement.url))
    assert "Åsa Öppen" in main
    assert "Bengt Bara-B" not in main
    assert "B-signerad" not in main
