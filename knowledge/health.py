"""The content-health report: what in the knowledge bank needs an editor's attention."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from knowledge import lifecycle
from portal.access import access_for

OVERDUE = "overdue"
NOT_REVIEWED = "not_reviewed"
EXPIRING = "expiring"
EXPIRED = "expired"
NO_OWNER = "no_owner"
BROKEN_LINK = "broken_link"

PROBLEM_LABELS = {
    OVERDUE: _("Review overdue"),
    NOT_REVIEWED: _("Never reviewed"),
    EXPIRING: _("Agreement expires within 90 days"),
    EXPIRED: _("Agreement has expired"),
    NO_OWNER: _("No owner"),
    BROKEN_LINK: _("Broken document link"),
}


@dataclass
class Problem:
    page: object
    kind: str
    detail: str = ""
    date: object = None

    @property
    def label(self):
        return PROBLEM_LABELS[self.kind]


def pages_in_scope(user, municipality=None):
    """Knowledge pages this user answers for: all for superusers, an editor's own
    municipality's (its section, or naming it) otherwise; optionally one municipality."""
    from knowledge.models import KnowledgePage

    access = access_for(user)
    queryset = access.visible_pages(KnowledgePage.objects.all())
    if not access.is_portal_admin:
        queryset = queryset.filter(_municipality_q(access.edited_municipalities))
    if municipality is not None:
        queryset = queryset.filter(_municipality_q([municipality]))
    return queryset.distinct()


def _municipality_q(municipalities):
    condition = Q(pk__in=[])
    for municipality in municipalities:
        condition |= Q(municipalities=municipality)
        if municipality.section_page_id:
            condition |= Q(path__startswith=municipality.section_page.path)
    return condition


def broken_document_links(page, access=None):
    """Descriptions of links on `page` to documents that are gone or whose file is missing.
    A document the report's reader may not see is described without its title or
    collection (`access`: the reader's; None names everything, e.g. for a command)."""
    from wagtail.documents import get_document_model

    Document = get_document_model()
    problems = []
    wanted = {}
    for attachment in page.attachments.all():
        if attachment.document_id is None:
            problems.append(str(_("An attachment's document has been deleted.")))
        else:
            wanted[attachment.document_id] = attachment.label
    for field in ("body", "steps", "content"):
        stream = getattr(page, field, None)
        for block in getattr(stream, "raw_data", None) or []:
            if block.get("type") == "document":
                document_id = (block.get("value") or {}).get("document")
                if document_id is None:
                    problems.append(str(_("A document block has no document.")))
                else:
                    wanted[document_id] = (block.get("value") or {}).get("label")
    signed = getattr(page, "signed_document_id", None)
    if signed:
        wanted[signed] = ""
    found = Document.objects.select_related("collection").in_bulk(list(wanted))
    section_collection = _section_collection(page)
    for document_id in wanted:
        document = found.get(document_id)
        if document is None:
            problems.append(str(_("Links to a document that no longer exists.")))
        elif access is not None and not access.can_view_document(document):
            problems.append(
                str(
                    _(
                        "Links to a document in another section's collection, which you and "
                        "some readers of this page cannot open."
                    )
                )
            )
        elif not document.file or not document.file.storage.exists(document.file.name):
            problems.append(
                str(_("The file of “%(title)s” is missing.")) % {"title": document.title}
            )
        elif not _readable_by_section(document, section_collection):
            problems.append(
                str(
                    _(
                        "“%(title)s” is in the collection “%(collection)s”, which some "
                        "readers of this page cannot open."
                    )
                )
                % {"title": document.title, "collection": document.collection.name}
            )
    return problems


def _section_collection(page):
    from knowledge.sections import collection_for, section_of

    return collection_for(section_of(page))


def _readable_by_section(document, section_collection):
    """Public files, and files in the page's own section collection, reach every reader."""
    from portal.access import Access

    if Access(None).can_view_document(document):
        return True
    if section_collection is None:
        return False
    return document.collection.path.startswith(section_collection.path)


def health_report(user, today, municipality=None, kinds=None):
    """Problems sorted by how urgent they are (oldest dates first)."""
    from knowledge.models import AgreementPage

    access = access_for(user)
    pages = list(pages_in_scope(user, municipality).order_by("title").specific())
    problems = []
    for page in pages:
        if isinstance(page, AgreementPage):
            status = page.agreement_status(today)
            if status == lifecycle.EXPIRED:
                problems.append(Problem(page, EXPIRED, date=page.valid_until))
            elif status == lifecycle.EXPIRING:
                problems.append(Problem(page, EXPIRING, date=page.valid_until))
        else:
            status = page.review_status(today)
            if status == lifecycle.OVERDUE:
                problems.append(Problem(page, OVERDUE, date=page.next_review))
            elif status == lifecycle.NOT_REVIEWED:
                problems.append(Problem(page, NOT_REVIEWED))
        if page.content_owner_id is None:
            problems.append(Problem(page, NO_OWNER))
        for detail in broken_document_links(page, access):
            problems.append(Problem(page, BROKEN_LINK, detail=detail))
    if kinds:
        problems = [p for p in problems if p.kind in kinds]
    order = list(PROBLEM_LABELS)
    problems.sort(
        key=lambda p: (order.index(p.kind), p.date is None, p.date or today, p.page.title)
    )
    return problems
