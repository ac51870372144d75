"""Routines, agreements, guides and documents (with their extracted text) in the portal's
search (search/items.py). A document is found under its own URL when the reader may see
its collection, and through the pages that attach it when everyone who may open the page
may open the document too (`KnowledgePageProvider`)."""

from search.items import SearchItem
from search.page_items import PageProvider


class DocumentProvider:
    def items(self):
        from wagtail.documents import get_document_model

        return get_document_model().objects.select_related("extracted_text")

    def item(self, document):
        from portal.models import Municipality

        stored = getattr(document, "extracted_text", None)
        municipality = (
            Municipality.objects.filter(collection_id=document.collection_id)
            .values_list("pk", "name")
            .first()
        )
        return SearchItem(
            obj=document,
            kind="document",
            title=document.title,
            text=stored.text if stored is not None else "",
            url=document.url,
            collection_id=document.collection_id,
            municipality_id=municipality[0] if municipality else None,
            place=municipality[1] if municipality else "",
            date=document.created_at.date() if document.created_at else None,
        )


class KnowledgePageProvider(PageProvider):
    """Routines, agreements and guides, with the text of the documents they attach, but
    only of documents that everyone who may open the page may open too: documents in a
    collection without privacy, or in the collection of the page's own section (whose
    privacy is the section's). The text of a document kept in another, restricted
    collection is found under the document alone, by those who may open it."""

    skip_fields = ("attachment_text",)

    def item(self, page, places=None):
        item = super().item(page, places=places)
        if item is None:
            return None
        texts = [text for text in _shared_attachment_texts(page) if text]
        if texts:
            item.text = "\n".join([item.text, *texts])
        return item


def _section_collection_id(page):
    from knowledge.models import SectionCollection
    from knowledge.sections import section_of
    from portal.models import MunicipalitySectionPage

    section = section_of(page)
    if section is None:
        return None
    if isinstance(section, MunicipalitySectionPage):
        return section.municipality.collection_id if section.municipality_id else None
    return (
        SectionCollection.objects.filter(page=section).values_list("collection_id", flat=True)
    ).first()


def _shared_attachment_texts(page):
    from knowledge.models import DocumentText
    from portal.access import audience_of_collection

    documents = page.linked_documents()
    if not documents:
        return []
    own = _section_collection_id(page)
    shared = [
        d.pk
        for d in documents
        if d.collection_id == own or not audience_of_collection(d.collection_id)
    ]
    texts = DocumentText.objects.filter(document_id__in=shared).values_list("text", flat=True)
    return list(texts)


def providers():
    from wagtail.documents import get_document_model

    from knowledge.models import AgreementPage, GuidePage, RoutinePage

    return {
        RoutinePage: KnowledgePageProvider(RoutinePage, "routine"),
        AgreementPage: KnowledgePageProvider(AgreementPage, "agreement"),
        GuidePage: KnowledgePageProvider(GuidePage, "guide"),
        get_document_model(): DocumentProvider(),
    }


def connect():
    """A document's text arrives after its upload (knowledge/documents.py): index the
    document and the pages that attach it again."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.documents import get_document_model

    from knowledge.documents import pages_using
    from knowledge.models import DocumentText
    from search import indexing

    def text_saved(sender, instance, **kwargs):
        indexing.index_object(instance.document)
        for page in pages_using(instance.document):
            indexing.index_object(page)

    def document_saved(sender, instance, **kwargs):
        indexing.index_object(instance)

    def document_deleted(sender, instance, **kwargs):
        indexing.remove_object(instance)

    document = get_document_model()
    post_save.connect(text_saved, sender=DocumentText, dispatch_uid="search-doc-text", weak=False)
    post_save.connect(document_saved, sender=document, dispatch_uid="search-doc", weak=False)
    post_delete.connect(
        document_deleted, sender=document, dispatch_uid="search-doc-del", weak=False
    )
