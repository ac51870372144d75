"""The start page's knowledge-bank blocks for a logged-in member: what they own that is
due for review or expiring, and what was recently updated in their municipalities."""

from django.db.models import F, Q

from knowledge import clock, lifecycle
from knowledge.listing import decorate, with_related
from portal import personal_cache
from portal.access import access_for

COUNT = 5


class ItemSummary:
    """A knowledge page as the start page lists it (plain data, so it can be cached)."""

    def __init__(self, page, request):
        self.title = page.title
        self.url = page.get_url(request)
        self.type_label = page.kb_type_label
        self.status = page.kb_status
        self.status_label = page.kb_status_label
        self.next_review = page.next_review


def owned_and_due(request, today):
    """The reader's own routines, agreements and guides due for review or expiring: kept
    for the user under the cache version (only a page's saving or the date changes it)."""
    from knowledge.models import KnowledgePage

    access = access_for(request.user)

    def compute():
        mine = access.visible_pages(KnowledgePage.objects.filter(content_owner=request.user))
        due = lifecycle.status_filter("soon", today) | lifecycle.status_filter("outdated", today)
        pages = with_related(mine.filter(due))
        pages = list(pages.order_by(F("next_review").asc(nulls_first=True), "pk")[:COUNT])
        return [ItemSummary(page, request) for page in decorate(pages, today)]

    return access.users_own(f"home-kb-owned:{request.get_host()}:{today}", compute)


def recent_in_my_municipalities(request, today):
    """Recently published pages that name the reader's municipalities or sit in their
    sections; the same for everyone with the same groups, so cached per reach."""
    from knowledge.models import KnowledgePage
    from portal.models import MunicipalitySectionPage

    access = access_for(request.user)
    municipality_ids = [m.pk for m in access.municipalities]
    if not municipality_ids:
        return []

    def compute():
        section_paths = MunicipalitySectionPage.objects.filter(
            municipality_id__in=municipality_ids
        ).values_list("path", flat=True)
        in_sections = Q()
        for path in section_paths:
            in_sections |= Q(path__startswith=path)
        mine = Q(municipalities__in=municipality_ids) | in_sections
        ids = (
            access.visible_pages(KnowledgePage.objects.filter(mine))
            .order_by("-last_published_at", "pk")
            .values_list("pk", flat=True)
            .distinct()[:COUNT]
        )
        pages = list(with_related(KnowledgePage.objects.filter(pk__in=list(ids))))
        pages.sort(key=lambda page: page.last_published_at, reverse=True)
        return [ItemSummary(page, request) for page in decorate(pages, today)]

    return access.cached_for_reach(f"home-kb-recent:{request.get_host()}:{today}", compute)


class ToReadItem:
    """A page asking the reader to read and confirm it (plain data)."""

    def __init__(self, page, request, today):
        self.title = page.title
        self.url = page.get_url(request)
        self.confirm_by = page.confirm_by
        self.is_overdue = bool(page.confirm_by and page.confirm_by < today)


def to_read(request, today):
    """Pages asking the reader to confirm that they have not (knowledge.acknowledgements);
    one query when cold, kept for the user until they confirm something (their stamp) or
    a page or privacy changes (the cache version)."""
    from knowledge.acknowledgements import to_read as pages_to_read

    def compute():
        pages = pages_to_read(request.user)
        return [ToReadItem(page, request, today) for page in pages[:COUNT]]

    return personal_cache.cached(request.user, f"kb-to-read:{request.get_host()}:{today}", compute)


def add_home_blocks(request, context):
    if not access_for(request.user).is_authenticated:
        return
    today = clock.today()
    context["kb_owned_due"] = owned_and_due(request, today)
    context["kb_recent"] = recent_in_my_municipalities(request, today)
    context["kb_to_read"] = to_read(request, today)
