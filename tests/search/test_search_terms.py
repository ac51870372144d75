"""What staff type and now find (issue 22): compounds in the query, inflections both
ways, parts only at part boundaries, contact details, fewer words when nothing has all,
two typos, English and everyday synonyms, and snippets that mark only what was searched
for. Both database engines answer alike (one set of index terms, search/terms.py)."""

from partners.models import Liaison
from portal.access import forget_access
from search import terms
from search.service import search
from tests.knowledge.factories import add_index, add_routine
from tests.partners.factories import ContactPersonFactory, add_directory, organisation
from tests.shared import shared


def find(user, text):
    forget_access(user)
    return search(user, text)


def titles(user, text):
    return [hit.title for hit in find(user, text).hits]


@shared
def content(world):
    """A shared bank with routines written as staff write them, and a directory."""
    bank = add_index(None, title="Kunskapsbanken", slug="kb")
    add_routine(
        bank,
        title="Närvaro i skolan",
        summary="Vad vi gör när en elev har hög frånvaro i skolan.",
    )
    add_routine(bank, title="Bokning av tolk", summary="Så beställer du tolk till ett möte.")
    add_routine(
        bank,
        title="Tolkningar av lagen",
        summary="Hur kommunerna läser nya bestämmelser.",
    )
    add_routine(
        bank,
        title="Placering i familjehem",
        summary="När ett familjehem tar emot en ungdom.",
    )
    add_routine(bank, title="Orosanmälan", summary="Hur personalen gör en orosanmälan.")
    add_routine(bank, title="Gode män", summary="Stöd till de gode männen under hösten.")
    add_routine(
        bank,
        title="Eftervård efter placering",
        summary="Stödet efter att placeringen har upphört.",
    )
    add_routine(bank, title="Sommarjobb", summary="Jobb under sommarlovet för unga.")
    add_directory()
    lernia = organisation("Lernia Kalmar", organisation_number="556677-8899")
    ContactPersonFactory(
        organisation=lernia,
        name="Maria Lindqvist",
        title="Studie- och yrkesvägledare",
        phone="070-174 06 12",
        email="maria.lindqvist@lernia.se",
    )
    ContactPersonFactory(organisation=lernia, name="Kristin Ek", title="Handledare")
    Liaison.objects.create(organisation=lernia, name="Peter Alm", title="Samordnare")
    return bank


def test_a_compound_in_the_query_finds_its_parts_in_the_text(content, world):
    staff = world.users["staff of A"]
    assert titles(staff, "skolfrånvaro") == ["Närvaro i skolan"]
    assert titles(staff, "tolkbokning") == ["Bokning av tolk"]
    assert titles(staff, "familjehemsplacering") == ["Placering i familjehem"]


def test_singular_finds_plural_and_back(content, world):
    staff = world.users["staff of A"]
    assert titles(staff, "orosanmälningar") == ["Orosanmälan"]
    assert titles(staff, "familjehemmen") == ["Placering i familjehem"]
    assert "Gode män" in titles(staff, "god man")
    assert titles(staff, "tolkar")[0] == "Bokning av tolk"


def test_a_part_is_matched_only_as_a_part(content, world):
    staff = world.users["staff of A"]
    # "tolk" is not the start of "tolkningar", nor "kris" of "Kristin".
    assert titles(staff, "tolk") == ["Bokning av tolk"]
    assert "Kristin Ek" not in titles(staff, "kris")


def test_contact_details_find_the_person_and_the_organisation(content, world):
    staff = world.users["staff of A"]
    for written in ("0701740612", "070-174 06 12", "+46 70 174 06 12", "070 174 06 12"):
        assert titles(staff, written) == ["Maria Lindqvist"], written
    assert titles(staff, "maria.lindqvist@lernia.se")[0] == "Maria Lindqvist"
    assert titles(staff, "yrkesvägledare") == ["Maria Lindqvist"]
    # Our liaison is shown on the organisation's page: it finds the organisation.
    assert titles(staff, "Peter Alm") == ["Lernia Kalmar"]
    assert titles(staff, "5566778899") == ["Lernia Kalmar"]
    assert titles(None, "0701740612") == []  # visitors never see contacts


def test_when_nothing_has_every_word_the_best_of_fewer_words_are_shown(content, world):
    staff = world.users["staff of A"]
    results = find(staff, "eftervård zxqvwy")
    assert [hit.title for hit in results.hits] == ["Eftervård efter placering"]
    assert results.found_by == "eftervård"
    response_all = find(staff, "eftervård placering")
    assert response_all.found_by == ""


def test_two_typos_in_a_word_and_typos_in_two_words_are_corrected(content, world):
    staff = world.users["staff of A"]
    results = find(staff, "orosanmälnn")
    assert results.corrected_to == "orosanmälan"
    both = find(staff, "familjhem placerng")
    assert both.corrected_to == "familjehem placering"
    assert [hit.title for hit in both.hits][0] == "Placering i familjehem"


def test_english_and_everyday_words_find_the_swedish_ones(content, world):
    staff = world.users["staff of A"]
    assert titles(staff, "interpreter") == ["Bokning av tolk"]
    assert titles(staff, "feriejobb") == ["Sommarjobb"]
    assert titles(staff, "foster home")[0] == "Placering i familjehem"


def test_snippets_mark_what_was_searched_for_and_not_stop_words(content, world):
    staff = world.users["staff of A"]
    hit = find(staff, "frånvaro och skolan").hits[0]
    assert "<mark>frånvaro</mark>" in hit.snippet and "<mark>skolan</mark>" in hit.snippet
    assert "<mark>och</mark>" not in hit.snippet
    # A compound asked for marks its parts where they are written apart.
    assert "<mark>frånvaro</mark>" in find(staff, "skolfrånvaro").hits[0].snippet


def test_the_terms_meet_across_forms():
    assert terms.norm("samverka") == terms.norm("samverkan") == terms.norm("samverkans")
    assert terms.norm("praktikplats") == terms.norm("praktikplatser")
    assert terms.norm("skolan") == terms.norm("skola")
    assert terms.split("samverkansöverenskommelse") == ("samverkan", "överenskommelse")
    assert terms.split("tolkningar") == ()
    assert terms.join_numbers("ring 070-174 06 12") == "ring 0701740612"
    # A date or a short number stays as it is written.
    assert terms.join_numbers("kl 12 30") == "kl 12 30"
