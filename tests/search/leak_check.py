"""The search leak check over the demo content (called from tests/test_demo.py, which
seeds the demo once for every app's checks): for every kind of user of the access matrix
and every searchable item of the demo, searching the item's exact title, and a word of
its attachment's text, finds it exactly when the access module says the user may open it;
the facet counts add up to what was found."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from knowledge import clock
from knowledge.documents import pages_using
from portal.access import access_for
from search import words as sv
from search.engines.rows import DatabaseBackend
from search.indexing import all_items
from search.query import parse
from search.service import Filters, still_visible

DEMO_USERS = {
    "staff of A": "personal.kalmar@demo.samverkan.se",
    "staff of B": "personal.sodertalje@demo.samverkan.se",
    "editor of A": "redaktor.kalmar@demo.samverkan.se",
    "partner user": "partner.lernia@demo.samverkan.se",
    "superuser": "admin@demo.samverkan.se",
}


def _users():
    User = get_user_model()
    users = {"anonymous": AnonymousUser()}
    users.update({kind: User.objects.get(email=email) for kind, email in DEMO_USERS.items()})
    inactive = User.objects.get(email=DEMO_USERS["staff of A"])
    inactive.pk, inactive.username, inactive.email = None, "inaktiv", "inaktiv@demo.samverkan.se"
    inactive.is_active = False
    inactive.save()
    inactive.groups.set(users["staff of A"].groups.all())
    users["inactive user"] = User.objects.get(pk=inactive.pk)
    return users


def _key(obj):
    if isinstance(obj, Page):
        return ("page", obj.pk)
    return (ContentType.objects.get_for_model(obj).pk, obj.pk)


def _row_key(row):
    return (
        ("page", row["page_id"]) if row["page_id"] else (row["content_type_id"], row["object_id"])
    )


def _as_open(document, page):
    """Whether everyone who may open `page` may open `document` (a public collection, or
    the page's section's own): written out here, not asked of the code under test."""
    from wagtail.models import Collection, CollectionViewRestriction

    from knowledge.models import SectionCollection

    collection = Collection.objects.get(pk=document.collection_id)
    governing = CollectionViewRestriction.objects.filter(
        collection__in=collection.get_ancestors(inclusive=True)
    )
    if not governing.exists():
        return True
    section_collections = set(
        SectionCollection.objects.filter(page__in=page.get_ancestors(inclusive=True)).values_list(
            "collection_id", flat=True
        )
    )
    from portal.models import Municipality

    section_collections.update(
        Municipality.objects.filter(
            section_page__in=page.get_ancestors(inclusive=True)
        ).values_list("collection_id", flat=True)
    )
    return document.collection_id in section_collections


def _distinct_word(text):
    candidates = [w for w in sv.words(text) if len(w) >= 6 and not w.isdigit()]
    return max(candidates, key=len) if candidates else None


class _Searcher:
    """Searches as one user and notes every count that does not add up."""

    def __init__(self, kind, user, today, wrong):
        self.kind, self.access, self.today, self.wrong = kind, access_for(user), today, wrong
        self.backend = DatabaseBackend()
        self.searches = 0

    def found(self, text):
        self.searches += 1
        parsed, access, today = parse(text), self.access, self.today
        rows = self.backend.rows(access, parsed, Filters(), today, 0, 5000)
        facets = self.backend.facets(access, parsed, Filters(), today)
        count = self.backend.count(access, parsed, Filters(), today)
        if sum(facets["kind"].values()) != count or count != len(rows):
            self.wrong.append(f"{self.kind}: counts for {text!r}")
        if any(n > count for n in facets["municipality"].values()):
            self.wrong.append(f"{self.kind}: municipality facet for {text!r}")
        if still_visible(access, rows) != rows:
            self.wrong.append(f"{self.kind}: a hit the access module refuses for {text!r}")
        return {_row_key(row) for row in rows}


def check_search_leaks():
    """Returns the wrong answers (none when nothing leaks or goes missing), the number of
    searches made and of items checked."""
    today = clock.today()
    items = list(all_items())
    wrong, searches = [], 0
    for kind, user in _users().items():
        searcher = _Searcher(kind, user, today, wrong)
        access = searcher.access
        for item in items:
            may_open = access.can_view(item.obj) and (
                item.available_from is None or item.available_from <= today
            )
            if (_key(item.obj) in searcher.found(item.title)) is not may_open:
                wrong.append(f"{kind}: title {item.title!r} (may open: {may_open})")
            word = _distinct_word(item.text) if item.kind == "document" else None
            if word is None:
                continue
            keys = searcher.found(word)
            if (_key(item.obj) in keys) is not access.can_view(item.obj):
                wrong.append(f"{kind}: {item.obj} by its own word {word!r}")
            for page in pages_using(item.obj):
                # A page is found by its attachment's word only by those who may open
                # both; and by all who may open it when the document is no more private.
                found = _key(page) in keys
                both = access.can_view(page) and access.can_view(item.obj)
                if found and not both:
                    wrong.append(f"{kind}: {page} leaks its attachment's word {word!r}")
                if both and not found and _as_open(item.obj, page):
                    wrong.append(f"{kind}: {page} not found by its attachment's word {word!r}")
        searches += searcher.searches
    return wrong, searches, len(items)
