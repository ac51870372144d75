"""Text in attached PDF and Word files is extracted at upload and found by search."""

import io

from wagtail.models import Collection

from knowledge.documents import extract_text
from knowledge.files import make_docx, make_pdf
from knowledge.models import DocumentText, KnowledgePage, RoutinePage
from tests.factories import add_document
from tests.knowledge.factories import add_routine


def test_text_is_read_from_pdf_and_docx():
    pdf = make_pdf("Överlämning", ["Kontakta skolsköterskan före skolstart."])
    docx = make_docx("Mall", ["Framtidsplanen följs upp var sjätte månad."], [["Mål", "Ansvar"]])
    assert "Kontakta skolsköterskan före skolstart." in extract_text(io.BytesIO(pdf), "pdf")
    text = extract_text(io.BytesIO(docx), "docx")
    assert "Framtidsplanen följs upp var sjätte månad." in text and "Mål Ansvar" in text


def test_unreadable_or_other_files_give_no_text():
    assert extract_text(io.BytesIO(b"%PDF-1.4 trasig"), "pdf") == ""
    assert extract_text(io.BytesIO(b"a,b"), "csv") == ""


def test_text_is_stored_when_a_document_is_uploaded(db):
    document = add_document(
        Collection.get_first_root_node(), "Rutin.pdf", content=make_pdf("R", ["Lånecykel"])
    )
    assert "Lånecykel" in DocumentText.objects.get(document=document).text


def test_search_finds_a_routine_by_words_only_its_attachment_holds(world, banks):
    pdf = make_pdf("Bilaga", ["Tolkförmedlingen Kalmarsund bokas via växeln."])
    attachment = add_document(Collection.get_first_root_node(), "Tolk.pdf", content=pdf)
    routine = add_routine(banks["A"], title="Tolk vid samtal", attachments=[attachment])
    add_routine(banks["A"], title="Annan rutin")

    assert "Tolkförmedlingen" not in routine.summary + routine.title
    found = list(RoutinePage.objects.live().search("Tolkförmedlingen"))
    assert [page.pk for page in found] == [routine.pk]
    found = list(KnowledgePage.objects.live().specific().search("Kalmarsund"))
    assert [page.pk for page in found] == [routine.pk]


def test_replacing_the_file_updates_the_searchable_text(world, banks):
    attachment = add_document(
        Collection.get_first_root_node(), "Plan.docx", content=make_docx("P", ["Gammal text"])
    )
    routine = add_routine(banks["A"], title="Plan", attachments=[attachment])
    from django.core.files.base import ContentFile

    attachment.file.save("Plan2.docx", ContentFile(make_docx("P", ["Nyckelordet Ekorrhjul"])))
    assert [p.pk for p in RoutinePage.objects.search("Ekorrhjul")] == [routine.pk]
