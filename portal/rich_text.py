"""Rich-text links that follow the access rule.

A page one reader may see can link (in its rich text) to a page or document that reader may
not: Wagtail would render the restricted page's URL, or the document's id and file name.
These handlers replace Wagtail's `page` and `document` link types for the front end and
render a refused link as `<a>` with no `href` — the same as Wagtail renders a link to a
deleted page, so nobody learns whether the target exists. Wagtail's rewriter only lets a
handler replace the opening tag (it keeps the text and the closing `</a>`); an `<a>` without
`href` is not a link (not focusable, no link role), so the text stays and the link goes.

The reader comes from `portal.current_reader` (anonymous when rendering outside a request).
Look-ups are batched: everything the served page references is loaded with one query per
kind on the first link (from Wagtail's reference index), and every object found is kept for
the rest of the request. Images embedded in rich text follow the same rule. The admin's
editor converts links and images with its own handlers, which portal.rich_text_editor
checks the same way.

Registered from `PortalConfig.ready()`: Wagtail only imports `<app>/wagtail_hooks.py` by
itself.
"""

from django.utils.html import escape
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.models import Page, ReferenceIndex
from wagtail.rich_text.pages import PageLinkHandler

from portal.access import access_for
from portal.current_reader import current_reading

REFUSED = "<a>"


def _page_loader(ids):
    return Page.objects.filter(id__in=ids).defer_streamfields().specific()


def _document_loader(ids):
    # The collection's path is what the access check reads: fetch it in the same query.
    return get_document_model().objects.filter(id__in=ids).select_related("collection")


_KINDS = {
    "page": (lambda: Page, _page_loader),
    "document": (get_document_model, _document_loader),
}


def _prefetch_ids(reading):
    """Ids of every page and document the served page references, by kind (once)."""
    page, reading.page = reading.page, None
    if page is None:
        return {}
    wanted = {
        ReferenceIndex._get_base_content_type(get_model()).pk: kind
        for kind, (get_model, _loader) in _KINDS.items()
    }
    rows = ReferenceIndex.get_references_for_object(page).filter(
        to_content_type_id__in=list(wanted)
    )
    ids = {kind: set() for kind in _KINDS}
    for content_type_id, object_id in rows.values_list("to_content_type_id", "to_object_id"):
        ids[wanted[content_type_id]].add(object_id)
    return ids


def _lookup(kind, attrs_list):
    """The objects the links point at (None where missing), in order, batched and cached."""
    reading = current_reading()
    wanted = [str(attrs.get("id", "")) for attrs in attrs_list]
    prefetched = _prefetch_ids(reading)
    for other_kind, ids in prefetched.items():
        if other_kind != kind:
            _load(reading, other_kind, ids)
    _load(reading, kind, set(wanted) | prefetched.get(kind, set()))
    return [reading.found.get((kind, object_id)) for object_id in wanted]


def _load(reading, kind, ids):
    missing = {i for i in ids if i.isdigit() and (kind, i) not in reading.found}
    if not missing:
        return
    _model, loader = _KINDS[kind]
    for obj in loader(missing):
        reading.found[(kind, str(obj.pk))] = obj
    for object_id in missing:
        reading.found.setdefault((kind, object_id), None)


class _AccessCheckedLinks:
    """The link's target from the batch (`_lookup`), its href only if the reader may
    follow it (`Access.can_view` for pages and documents alike)."""

    kind = None

    @classmethod
    def get_many(cls, attrs_list):
        return _lookup(cls.kind, attrs_list)

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        access = access_for(current_reading().user)
        return [
            f'<a href="{escape(cls.url_of(target))}">' if access.can_view(target) else REFUSED
            for target in cls.get_many(attrs_list)
        ]


class AccessCheckedPageLinkHandler(_AccessCheckedLinks, PageLinkHandler):
    kind = "page"

    @staticmethod
    def url_of(page):
        return page.localized.url


class AccessCheckedDocumentLinkHandler(_AccessCheckedLinks, DocumentLinkHandler):
    kind = "document"

    @staticmethod
    def url_of(document):
        return document.url


class AccessCheckedImageEmbedHandler(ImageEmbedHandler):
    """An image embedded in rich text is shown only to readers who may see it; to others
    nothing at all (no rendition URL, which names the file, and no alt text)."""

    MISSING = '<img alt="">'  # what Wagtail renders for an image that does not exist

    @classmethod
    def get_many(cls, attrs_list):
        access = access_for(current_reading().user)
        return [
            image if image is not None and access.can_view_image(image) else None
            for image in super().get_many(attrs_list)
        ]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        tags = super().expand_db_attributes_many(attrs_list)
        return ["" if tag == cls.MISSING else tag for tag in tags]


# After Wagtail's own registrations (order 0), which these replace.
@hooks.register("register_rich_text_features", order=100)
def register_access_checked_links(features):
    features.register_link_type(AccessCheckedPageLinkHandler)
    features.register_link_type(AccessCheckedDocumentLinkHandler)
    features.register_embed_type(AccessCheckedImageEmbedHandler)


@hooks.register("before_serve_page", order=100)
def remember_served_page(page, request, serve_args, serve_kwargs):
    """Let the first rich-text link load everything this page links to at once."""
    current_reading().page = page
