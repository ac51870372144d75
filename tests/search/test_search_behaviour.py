"""What a reader notices about the portal's search: Swedish words, abbreviations, typos,
å/ä/ö, compounds, and that privacy changes take effect at once (database backend)."""

from wagtail.models import PageViewRestriction

from knowledge.models import DocumentText
from portal.access import forget_access
from search.models import SearchEntry, Synonym, ZeroResultSearch
from search.service import Filters, search, suggestions
from tests.factories import add_document
from tests.knowledge.factories import add_index, add_routine, topic
from tests.partners.factories import ContactPersonFactory, add_directory
from tests.shared import shared


def titles(user, text, **filters):
    return [hit.title for hit in find(user, text, Filters(**filters)).hits]


def find(user, text, filters=None):
    # As in a new request: the user's access answers are not kept from the last search.
    forget_access(user)
    return search(user, text, filters)


@shared
def bank(world):
    """The shared bank with a few routines, and A's own bank."""
    shared = add_index(None, title="Kunskapsbanken", slug="kb")
    add_routine(shared, title="Rutin vid skolfrånvaro", summary="När en elev är borta.")
    add_routine(
        shared,
        title="Samverkansöverenskommelse om praktik",
        summary="Hur praktikplatser ordnas för unga.",
    )
    add_routine(shared, title="Boende för ensamkommande barn", summary="Om boendeformer.")
    add_routine(shared, title="Får vi dela uppgifter?", summary="Sekretess mellan myndigheter.")
    add_routine(shared, title="Resa med far eller mor", summary="Vårdnadshavare på resa.")
    own = add_index(world.content["A's section"], title="Kalmars bank", slug="kb-a")
    add_routine(own, title="Kalmars rutin för inskrivning", summary="Inskrivning på HVB.")
    return shared, own


def test_words_abbreviations_letters_and_compounds(bank, world):
    staff = world.users["staff of A"]
    # Abbreviations staff type find what is written out, and the other way round.
    assert "Boende för ensamkommande barn" in titles(staff, "EKB")
    assert "Kalmars rutin för inskrivning" in titles(staff, "hem för vård eller boende")
    # å, ä and ö are letters of their own.
    assert titles(staff, "får") == ["Får vi dela uppgifter?"]
    assert titles(staff, "far") == ["Resa med far eller mor"]
    # A part of a compound finds the compound.
    assert titles(staff, "överenskommelse") == ["Samverkansöverenskommelse om praktik"]
    # Words in quotation marks are found together and in that order.
    assert titles(staff, '"boende för ensamkommande"') == ["Boende för ensamkommande barn"]
    assert titles(staff, '"ensamkommande boende"') == []
    # An editor adds a synonym and it works on the next search.
    Synonym.objects.create(words="praktikplats, arbetsträning")
    assert titles(staff, "arbetsträning") == ["Samverkansöverenskommelse om praktik"]


def test_one_typo_is_forgiven_with_a_suggestion(bank, world):
    staff = world.users["staff of A"]
    results = find(staff, "skolfranvaro")
    assert results.corrected_to == "skolfrånvaro"
    assert [hit.title for hit in results.hits] == ["Rutin vid skolfrånvaro"]
    assert find(staff, "rutn").corrected_to == "rutin"
    # A word that is in no one's content is not "corrected" into something else.
    nothing = find(staff, "zxqvw")
    assert nothing.total == 0 and not nothing.corrected_to
    # Counted for the editors' report, once per week and words, with no user.
    find(world.users["staff of B"], "ZXQVW")
    assert list(ZeroResultSearch.objects.values_list("query", "count")) == [("zxqvw", 2)]
    # Digits that could identify a person are not kept.
    find(staff, "19121212-1212")
    assert ZeroResultSearch.objects.count() == 1


def test_a_typo_is_never_corrected_into_a_word_the_reader_may_not_see(bank, world):
    staff_b = world.users["staff of B"]
    # "inskrivning" is only in A's section; B's staff get no suggestion that names it.
    results = find(staff_b, "inskrivnig")
    assert results.total == 0 and results.corrected_to == ""


def test_swedish_stemming_on_every_engine(bank, world):
    staff = world.users["staff of A"]
    assert "Rutin vid skolfrånvaro" in titles(staff, "rutiner")
    assert titles(staff, "överenskommelserna") == ["Samverkansöverenskommelse om praktik"]


def test_results_facets_and_snippets(bank, world):
    staff = world.users["staff of A"]
    results = find(staff, "rutin")
    # The world's "Rutin för inskrivning" page and "Kalmar-rutin.pdf", and two routines.
    assert results.total == len(results.hits) == 4
    assert results.facets["kind"] == {"routine": 2, "page": 1, "document": 1}
    kalmar = world.municipality_a.pk
    assert results.facets["municipality"] == {kalmar: 3}
    assert sorted(titles(staff, "rutin", municipality=kalmar, kinds=["routine"])) == [
        "Kalmars rutin för inskrivning"
    ]
    narrowed = find(staff, "rutin", Filters(kinds=["routine"]))
    assert narrowed.total == 2
    # The type facet still offers the other types, with their counts.
    assert narrowed.facets["kind"] == results.facets["kind"]
    hit = find(staff, "elev").hits[0]
    assert "<mark>elev</mark>" in hit.snippet
    assert hit.kind_label and hit.url.startswith("/")


def test_snippets_are_escaped_before_marking(world):
    add_directory()
    ContactPersonFactory(
        organisation=world.partner, name="Per Ek", contact_about="Om <script>x()</script> i rutiner"
    )
    hit = find(world.users["staff of A"], "Per Ek rutiner").hits[0]
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet and "<mark>rutiner</mark>" in hit.snippet


def test_privacy_changes_take_effect_at_once(bank, world):
    shared, own = bank
    staff_a, staff_b = world.users["staff of A"], world.users["staff of B"]
    routine = shared.get_children().get(title="Rutin vid skolfrånvaro").specific
    assert titles(staff_b, "skolfrånvaro") == ["Rutin vid skolfrånvaro"]

    # Restricting the page hides it from B at once, from every count.
    restriction = PageViewRestriction.objects.create(
        page=routine, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([world.municipality_a.members_group])
    assert find(staff_b, "skolfrånvaro").total == 0
    assert titles(staff_a, "skolfrånvaro") == ["Rutin vid skolfrånvaro"]

    # A user removed from the group loses it on the next search.
    staff_a.groups.remove(world.municipality_a.members_group)
    assert find(staff_a, "skolfrånvaro").total == 0

    # Moving a page into A's section: B no longer finds it, the URL follows.
    restriction.delete()
    routine.move(own, pos="last-child")
    forget_access(staff_b)
    assert find(staff_b, "skolfrånvaro").total == 0
    editor = world.users["editor of A"]
    assert find(editor, "skolfrånvaro").hits[0].url.startswith(own.url)

    # Unpublished: gone for everyone.
    routine.refresh_from_db()
    routine.unpublish()
    assert find(world.users["superuser"], "skolfrånvaro").total == 0


def test_documents_and_contacts(world):
    directory = add_directory()
    document = add_document(world.municipality_a.collection, "Checklista.pdf")
    DocumentText.objects.update_or_create(
        document=document,
        defaults={"file_name": document.file.name, "text": "Nyckelbricka lämnas i receptionen."},
    )
    index = add_index(world.content["A's section"], slug="kb-a")
    add_routine(index, title="Mottagning", attachments=[document])
    staff_a, staff_b = world.users["staff of A"], world.users["staff of B"]
    # The attachment's text finds both the document and the routine that attaches it.
    assert sorted(titles(staff_a, "nyckelbricka")) == ["Checklista.pdf", "Mottagning"]
    assert titles(staff_b, "nyckelbricka") == []

    contact = ContactPersonFactory(
        organisation=world.partner, name="Sara Lind", contact_about="Praktik för unga"
    )
    found = find(staff_b, "Sara Lind").hits
    assert [(h.title, h.kind) for h in found] == [("Sara Lind", "contact")]
    assert found[0].url == f"{directory.url}lernia/#kontakt-{contact.pk}"
    assert titles(None, "Sara Lind") == []  # visitors never see contacts
    contact.has_left = True
    contact.save()
    assert titles(staff_b, "Sara Lind") == []


def test_autocomplete_is_trimmed(bank, world):
    found = [s["title"] for s in suggestions(world.users["staff of A"], "inskriv")]
    assert sorted(found) == ["Kalmars rutin för inskrivning", "Rutin för inskrivning"]
    assert suggestions(world.users["staff of B"], "inskriv") == []
    assert suggestions(None, "") == []


def test_odd_input_never_fails(bank, world):
    staff = world.users["staff of A"]
    for text in ['"', "*", "rutin*", "AND OR NOT", "(", "\x00", "%", "ö" * 1200, "a " * 600]:
        results = find(staff, text)
        assert results.total >= 0
    assert not find(staff, "   ").searched
    assert SearchEntry.objects.exists()


def test_a_word_in_the_title_comes_first_and_topics_are_counted(bank, world):
    shared, _own = bank
    night = topic("Nattjour")
    add_routine(
        shared,
        title="Nattjour",
        summary="Jouren nås från varje boende och familjehem.",
        topics=[night],
    )
    staff = world.users["staff of A"]
    results = find(staff, "boende")
    found = [hit.title for hit in results.hits]
    assert found[0] == "Boende för ensamkommande barn" and "Nattjour" in found
    # Only the routine with a topic is counted under it; the one without is not a topic.
    assert results.facets["topic"] == {night.pk: 1}
    assert suggestions(staff, "boe")[0]["title"] == "Boende för ensamkommande barn"


def test_autocomplete_suggests_titles_from_their_first_letters(bank, world):
    staff = world.users["staff of A"]
    # Titles only: "Hur praktikplatser ordnas" is the routine's text, not its title.
    assert [s["title"] for s in suggestions(staff, "prakt")] == [
        "Samverkansöverenskommelse om praktik"
    ]
    # A start that is a stop word on its own still finds the titles it begins.
    assert [s["title"] for s in suggestions(staff, "bo")] == ["Boende för ensamkommande barn"]
    assert [s["title"] for s in suggestions(staff, "får")] == ["Får vi dela uppgifter?"]


def test_a_page_never_shows_the_text_of_a_document_its_readers_may_not_open(world):
    """A routine in the shared bank attaching a file kept in A's collection: B's staff
    may read the routine, not the file, and find neither by the file's words."""
    secret = add_document(world.municipality_a.collection, "Larm.pdf")
    DocumentText.objects.update_or_create(
        document=secret, defaults={"file_name": secret.file.name, "text": "Koden är Zebrakvist."}
    )
    shared = add_index(None, slug="kb-delad")
    add_routine(shared, title="Gemensam rutin", attachments=[secret])
    assert titles(world.users["staff of B"], "zebrakvist") == []
    assert find(world.users["staff of B"], "zebrakvist").facets == {}
    assert titles(world.users["staff of A"], "zebrakvist") == ["Larm.pdf"]
    # A file of the routine's own section is found through the routine as well.
    own = add_document(world.municipality_a.collection, "Egen.pdf")
    DocumentText.objects.update_or_create(
        document=own, defaults={"file_name": own.file.name, "text": "Nyckeln hänger i skåpet."}
    )
    kalmar_bank = add_index(world.content["A's section"], slug="kb-egen")
    add_routine(kalmar_bank, title="Kalmars nyckelrutin", attachments=[own])
    assert sorted(titles(world.users["staff of A"], "skåpet")) == [
        "Egen.pdf",
        "Kalmars nyckelrutin",
    ]


def test_a_document_moved_in_bulk_is_trimmed_by_where_it_is_now(client, world):
    document = add_document(world.content["public document"].collection, "Flyttad.pdf")
    DocumentText.objects.update_or_create(
        document=document, defaults={"file_name": document.file.name, "text": "Glasmosaik."}
    )
    assert find(world.users["staff of B"], "glasmosaik").total == 1
    # The admin's bulk "add to collection" updates rows without saving each document.
    type(document).objects.filter(pk=document.pk).update(collection=world.municipality_a.collection)
    moved = find(world.users["staff of B"], "glasmosaik")
    assert moved.total == 0 and moved.facets == {} and moved.corrected_to == ""


def test_adding_a_contact_to_an_organisation_indexes_it(world):
    from partners.models import ContactPerson

    add_directory()
    organisation = world.partner
    organisation.contacts.add(ContactPerson(name="Ny Kontaktperson", title="Studievägledare"))
    organisation.save()
    assert titles(world.users["staff of A"], "studievägledare") == ["Ny Kontaktperson"]
