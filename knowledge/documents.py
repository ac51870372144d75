"""Files used on pages: where they live and what text they hold.

When any page is published, the documents, images and films it uses (found by Wagtail's own
reference extraction: foreign keys, inline rows, StreamField chooser blocks and rich-text
links) move into its section's collection, so a file shown in a restricted section is served
only to those who may read the section. Only files in public collections move; files
already in a restricted collection are left where they are (`manage.py
check_file_collections` lists them when their readers differ from the page's).
"""

import logging

from portal.access import Access

logger = logging.getLogger(__name__)


def file_models():
    """Documents, images and films (wagtailmedia's media model, news.Film): every kind of
    file that lives in a collection and follows the page using it."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtailmedia import get_media_model

    return (get_document_model(), get_image_model(), get_media_model())


def files_used_by(page):
    """{model: set of ids} of the documents and images `page` uses, read from the page
    object itself (so a just-published revision counts, whatever the page type)."""
    from wagtail.models import ReferenceIndex

    by_content_type = {ReferenceIndex._get_base_content_type(m).pk: m for m in file_models()}
    used = {model: set() for model in file_models()}
    for (
        content_type_id,
        object_id,
        _model_path,
        _content_path,
    ) in ReferenceIndex._extract_references_from_object(page):
        model = by_content_type.get(content_type_id)
        if model is not None and str(object_id).isdigit():
            used[model].add(int(object_id))
    return used


def public_files(used):
    """The files in `used` that anyone at all may read (in no restricted collection)."""
    anyone = Access(None)
    files = []
    for model, ids in used.items():
        if ids:
            files.extend(anyone.visible(model.objects.filter(pk__in=ids)))
    return files


def move_files_into_section(page, used=None):
    """Move the public files `page` uses (or those of `used`, {model: ids}) into its
    section's collection; returns them."""
    from knowledge.sections import collection_for, section_of

    # Cheapest checks first: most pages use no files, or only files already restricted.
    files = public_files(files_used_by(page) if used is None else used)
    if not files:
        return []
    section = section_of(page)
    collection = collection_for(section)
    if collection is None:
        return []
    moved = []
    for obj in files:
        # A public file that pages outside this section use too stays public (the
        # check_file_collections command lists it): moving it would hide it from them.
        if obj.collection_id != collection.pk and not _used_outside(obj, section):
            obj.collection = collection
            # save(), not update(): the search index and post_save handlers see the move.
            obj.save(update_fields=["collection"])
            moved.append(obj)
    return moved


def _used_outside(obj, section):
    from wagtail.models import Page, ReferenceIndex

    page_type = ReferenceIndex._get_base_content_type(Page)
    # object_id is a text column: compare as integers in Python, not in SQL.
    page_ids = [
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        if object_id.isdigit()
    ]
    return Page.objects.filter(pk__in=page_ids).exclude(path__startswith=section.path).exists()


def on_page_published(sender, instance, **kwargs):
    moved = move_files_into_section(instance)
    if moved:
        logger.info(
            "Moved %d file(s) used on page %s into its section's collection",
            len(moved),
            instance.pk,
        )


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


def pages_using(document):
    """The knowledge pages that attach `document` (their search text includes its text)."""
    from knowledge.models import AgreementPage, KnowledgeAttachment, KnowledgePage

    page_ids = set(
        KnowledgeAttachment.objects.filter(document=document).values_list("page_id", flat=True)
    )
    page_ids.update(
        AgreementPage.objects.filter(signed_document=document).values_list("pk", flat=True)
    )
    if not page_ids:
        return []
    return list(KnowledgePage.objects.filter(pk__in=page_ids).specific())


def reindex_pages_using(document):
    from wagtail.search import index

    for page in pages_using(document):
        index.insert_or_update_object(page)


def on_document_saved(sender, instance, **kwargs):
    store_document_text(instance)
