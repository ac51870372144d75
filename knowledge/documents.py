"""Files attached to knowledge pages: where they live and what text they hold.

A page's files are moved into its section's collection when the page is saved, so a file of
a restricted routine is served only to those who may read the routine. Files already in a
restricted collection are left alone (the content-health report flags them if readers of
the page cannot open them).
"""

import logging

from portal.access import Access

logger = logging.getLogger(__name__)


def _is_public(obj):
    """Readable by anyone at all, i.e. in no restricted collection."""
    return Access(None).can_view_document(obj)


def move_files_into_section(page):
    from knowledge.sections import collection_for, section_of

    section = section_of(page)
    collection = collection_for(section)
    if collection is None:
        return []
    moved = []
    files = list(page.linked_documents()) + list(_linked_images(page))
    for obj in files:
        if obj.collection_id != collection.pk and _is_public(obj):
            obj.collection = collection
            obj.save(update_fields=["collection"])
            moved.append(obj)
    return moved


def _linked_images(page):
    from knowledge.models.pages import _stream_images

    images = list(_stream_images(page.body))
    for field in ("steps", "content"):
        images.extend(_stream_images(getattr(page, field, None)))
    return images


# --- text extraction -------------------------------------------------------------------

MAX_TEXT_CHARS = 200_000


def extract_text(file_obj, extension):
    """The plain text of a PDF or DOCX file ('' for other types or unreadable files)."""
    extension = (extension or "").lower().lstrip(".")
    try:
        file_obj.seek(0)
        if extension == "pdf":
            from pypdf import PdfReader

            reader = PdfReader(file_obj)
            text = "\n".join(page.extract_text() or "" for page in reader.pages)
        elif extension == "docx":
            import docx

            document = docx.Document(file_obj)
            parts = [paragraph.text for paragraph in document.paragraphs]
            for table in document.tables:
                for row in table.rows:
                    parts.append(" ".join(cell.text for cell in row.cells))
            text = "\n".join(parts)
        else:
            return ""
    except Exception as error:  # noqa: BLE001 - a broken upload must not break saving it
        logger.warning("Could not read text from an uploaded %s file: %s", extension, error)
        return ""
    return text[:MAX_TEXT_CHARS]


def store_document_text(document):
    """Extract (once per file) and store the text of `document`; reindex pages using it."""
    from knowledge.models import DocumentText

    if not document.file:
        return None
    stored = DocumentText.objects.filter(document=document).first()
    if stored is not None and stored.file_name == document.file.name:
        return stored
    with document.file.open("rb") as handle:
        text = extract_text(handle, document.file_extension)
    stored, _created = DocumentText.objects.update_or_create(
        document=document, defaults={"file_name": document.file.name, "text": text}
    )
    reindex_pages_using(document)
    return stored


def reindex_pages_using(document):
    from wagtail.search import index

    from knowledge.models import AgreementPage, KnowledgeAttachment, KnowledgePage

    page_ids = set(
        KnowledgeAttachment.objects.filter(document=document).values_list("page_id", flat=True)
    )
    page_ids.update(
        AgreementPage.objects.filter(signed_document=document).values_list("pk", flat=True)
    )
    for page in KnowledgePage.objects.filter(pk__in=page_ids).specific():
        index.insert_or_update_object(page)


def on_document_saved(sender, instance, **kwargs):
    store_document_text(instance)
