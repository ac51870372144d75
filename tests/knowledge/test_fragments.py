"""Pages keep their costly parts as fragments per reach (portal/fragments.py) and their
address as a cached route (portal/routing.py). A reader must still see exactly what they
may see, and every change at once: these are the ways that could go wrong."""

import datetime

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from portal import fragments
from tests.factories import PartnerOrganisationFactory, add_document
from tests.knowledge.factories import add_routine
from tests.partners.factories import ContactPersonFactory


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_knowledge_bank_list_is_kept_per_reach_and_never_handed_to_another(
    client, world, banks
):
    add_routine(banks["A"], title="Kalmars egen skolrutin")
    add_routine(banks["B"], title="Södertäljes egen skolrutin")
    seen = {}
    # Twice each, in turns: the second visit of each reader comes from the cache.
    for reader in ["staff of A", "staff of B", "staff of A", "staff of B"]:
        client.force_login(world.users[reader])
        seen.setdefault(reader, []).append(_html(client, banks["shared"].url))
    for reader, own, other in [
        ("staff of A", "Kalmars egen", "Södertäljes egen"),
        ("staff of B", "Södertäljes egen", "Kalmars egen"),
    ]:
        for html in seen[reader]:
            assert own in html and other not in html


def test_a_second_reader_with_the_same_reach_gets_the_list_without_its_queries(
    client, world, banks
):
    for n in range(5):
        add_routine(banks["A"], title=f"Rutin {n}")
    colleague = world.users["staff of A"]
    client.force_login(colleague)
    with CaptureQueriesContext(connection) as cold:
        _html(client, banks["A"].url)
    cold_count = len(cold)
    with CaptureQueriesContext(connection) as warm:
        html = _html(client, banks["A"].url)
    assert "Rutin 4" in html
    assert len(warm) < cold_count


def test_a_published_change_and_a_renamed_document_or_contact_show_at_once(client, world, banks):
    document = add_document(world.municipality_a.collection, "Blankett.pdf")
    contact = ContactPersonFactory(
        organisation=PartnerOrganisationFactory(name="BUP"), name="Åsa Ek"
    )
    routine = add_routine(
        banks["A"],
        title="Anmälan",
        summary="Första versionen.",
        steps=[("partner_contact", {"contact": contact, "note": ""})],
        body=[("document", {"document": document, "label": ""})],
    )
    client.force_login(world.users["staff of A"])
    html = _html(client, routine.url)
    assert "Första versionen." in html and "Blankett" in html and "Åsa Ek" in html

    routine.summary = "Andra versionen."
    routine.save_revision().publish()
    document.title = "Ny blankett"
    document.save()
    contact.name = "Åsa Ekström"
    contact.save()
    html = _html(client, routine.url)
    assert "Andra versionen." in html and "Första versionen." not in html
    assert "Ny blankett" in html
    assert "Åsa Ekström" in html


def test_an_unpublished_page_is_gone_even_after_its_address_was_kept(client, world, banks):
    routine = add_routine(banks["A"], title="Tillfällig rutin")
    client.force_login(world.users["staff of A"])
    assert client.get(routine.url).status_code == 200
    routine.unpublish()
    assert client.get(routine.url).status_code == 404


def test_contacts_on_a_routine_cost_the_same_however_many_it_names(client, world, banks):
    bup = PartnerOrganisationFactory(name="BUP")

    def routine_naming(n):
        contacts = [
            ContactPersonFactory(organisation=bup, name=f"Kontakt {n}-{i}") for i in range(n)
        ]
        steps = [("partner_contact", {"contact": c, "note": ""}) for c in contacts]
        return add_routine(banks["A"], title=f"Rutin med {n}", steps=steps)

    warm, one, six = routine_naming(1), routine_naming(1), routine_naming(6)
    client.force_login(world.users["staff of A"])
    _html(client, warm.url)  # the reach's visible contacts, worked out once
    counts = []
    for routine, last in ((one, "Kontakt 1-0"), (six, "Kontakt 6-5")):
        # Each page's first view renders its body: no query per contact or organisation.
        with CaptureQueriesContext(connection) as rendered:
            html = _html(client, routine.url)
        assert last in html
        counts.append(len(rendered))
    assert counts[0] == counts[1], counts


def test_previews_and_posts_are_rendered_afresh_and_never_kept(world):
    calls = []

    def render():
        calls.append(1)
        return f"render {len(calls)}"

    preview = RequestFactory().get("/")
    preview.user = world.users["staff of A"]
    preview.is_preview = True
    post = RequestFactory().post("/")
    post.user = world.users["staff of A"]
    for request in (preview, preview, post, post):
        fragments.cached_html(request, "routine", [1], render)
    assert len(calls) == 4
    reader = RequestFactory().get("/")
    reader.user = world.users["staff of A"]
    assert fragments.cached_html(reader, "routine", [1], render) == "render 5"
    assert fragments.cached_html(reader, "routine", [1], render) == "render 5"


def test_marking_a_page_reviewed_shows_at_once(client, world, banks):
    from knowledge.reviews import mark_reviewed

    routine = add_routine(banks["A"], title="Gammal rutin", last_reviewed=datetime.date(2020, 1, 1))
    client.force_login(world.users["staff of A"])
    assert "review-overdue" in _html(client, routine.url)
    mark_reviewed(routine, world.users["staff of A"])
    assert "review-overdue" not in _html(client, routine.url)


def test_what_a_visitor_adds_to_the_address_never_reaches_shared_links(client, world, banks):
    for n in range(21):  # two pages: the pagination links carry the filter on
        add_routine(banks["A"], title=f"Rutin {n:02}")
    client.force_login(world.users["staff of A"])
    polluted = _html(client, banks["A"].url + "?type=routine&spam=reklam")
    clean = _html(client, banks["A"].url + "?type=routine")
    for html in (polluted, clean):
        listing = html[html.index('<section aria-labelledby="all-heading">') :]
        listing = listing[: listing.index("</section>")]
        assert "type=routine&amp;sida=2" in listing
        assert "spam" not in listing
