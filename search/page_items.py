"""How a portal page becomes a `SearchItem`: its title, the text of its search fields
(attachments' text included where the page type indexes it), where it lives (the
municipality whose section holds it, or the shared space) and its topics. Apps register
a `PageProvider` per page type with the kind it is shown as."""

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from search.items import SearchItem, searchable_text


def _places():
    """Sections and shared spaces by path: (municipality id or None, name)."""
    from portal.models import MunicipalitySectionPage, SharedSpacePage

    places = {}
    for section in MunicipalitySectionPage.objects.select_related("municipality").only(
        "path", "municipality__name"
    ):
        places[section.path] = (section.municipality_id, section.municipality.name)
    for space in SharedSpacePage.objects.only("path", "title"):
        places[space.path] = (None, space.title)
    return places


def place_of(page, places=None):
    places = _places() if places is None else places
    for depth in range(len(page.path), 0, -page.steplen):
        found = places.get(page.path[:depth])
        if found:
            return found
    return None, _("Shared")


class PageProvider:
    # Search fields left out of the entry's text (see knowledge's attachments).
    skip_fields = ()
    # The field that says what the page is about, weighed above the text.
    summary_fields = ("summary", "intro")

    def __init__(self, model, kind):
        self.model = model
        self.kind = kind

    def items(self):
        return self.model.objects.live()

    def item(self, page, places=None):
        if not page.live:
            return None
        municipality_id, place = place_of(page, places)
        topics = getattr(page, "topics", None)
        topic_ids = list(topics.values_list("pk", flat=True)) if topics is not None else []
        if getattr(page, "municipality_id", None):
            municipality_id = page.municipality_id
        news_date = getattr(page, "date", None) if self.kind == "news" else None
        published = page.last_published_at.date() if page.last_published_at else None
        used = next((f for f in self.summary_fields if getattr(page, f, "")), None)
        summary = strip_tags(str(getattr(page, used))).strip() if used else ""
        return SearchItem(
            obj=page,
            kind=self.kind,
            title=page.title,
            summary=summary,
            text=searchable_text(page, skip=("title", used, *self.skip_fields)),
            url=page.get_url() or page.url_path,
            page_id=page.pk,
            municipality_id=municipality_id,
            place=place,
            topic_ids=topic_ids,
            date=news_date or published,
            available_from=news_date,
        )
