"""The knowledge-bank index: filters, pagination and the start-page lists.

Every list is built from one queryset that the access module filtered, with related rows
fetched in bulk, so a page of results costs the same number of queries however many
routines, agreements and guides exist.
"""

import datetime

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import F, Q, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from knowledge import clock, lifecycle
from portal import fragments
from portal.access import access_for

PAGE_SIZE = 20
TYPE_CHOICES = [
    ("routine", _("Routines")),
    ("agreement", _("Agreements")),
    ("guide", _("Guides and tools")),
]


def _type_models():
    from knowledge.models import AgreementPage, GuidePage, RoutinePage

    return {"routine": RoutinePage, "agreement": AgreementPage, "guide": GuidePage}


class KnowledgeFilterForm(forms.Form):
    # Words in the title or summary (the header's search box points here until the
    # portal-wide search exists).
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, topics=(), municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["topic"].choices = everything + [(t.slug, t.name) for t in topics]
        self.fields["type"].choices = everything + TYPE_CHOICES
        self.fields["municipality"].choices = everything + [
            (m.slug, m.name) for m in municipalities
        ]
        self.fields["status"].choices = everything + lifecycle.FILTER_CHOICES


def knowledge_pages_for(index_page, user):
    """Live knowledge pages this index shows that `user` may read."""
    from knowledge.models import KnowledgePage
    from knowledge.sections import is_shared_knowledge_bank

    queryset = KnowledgePage.objects.all()
    if not is_shared_knowledge_bank(index_page):
        # A section's bank holds its own pages; the shared one gathers all the user may read.
        queryset = queryset.descendant_of(index_page)
    return access_for(user).visible_pages(queryset)


def filter_pages(queryset, data, today):
    for word in (data.get("q") or "").split()[:10]:
        queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    if data.get("topic"):
        queryset = queryset.filter(topics__slug=data["topic"])
    if data.get("municipality"):
        queryset = queryset.filter(municipalities__slug=data["municipality"])
    if data.get("type"):
        model = _type_models().get(data["type"])
        queryset = queryset.filter(content_type=ContentType.objects.get_for_model(model))
    if data.get("status"):
        condition = lifecycle.status_filter(data["status"], today)
        if condition is not None:
            queryset = queryset.filter(condition)
    return queryset


def with_related(queryset):
    return queryset.select_related("content_owner", "agreementpage", "guidepage", "content_type")


def prefetch_lists(*lists):
    """Topics and municipalities for every list on the page in one query each."""
    pages = [page for pages in lists for page in pages]
    prefetch_related_objects(pages, "topics", "municipalities")


def item_status(page, today):
    """The status of a generic KnowledgePage row (agreements read their joined row)."""
    agreement = getattr(page, "agreementpage", None) if _is_agreement(page) else None
    if agreement is not None:
        return lifecycle.agreement_status(agreement.valid_from, agreement.valid_until, today)
    return lifecycle.review_status(page.next_review, today)


def _is_agreement(page):
    from knowledge.models import AgreementPage

    return page.content_type_id == ContentType.objects.get_for_model(AgreementPage).pk


def type_label(page):
    guide = getattr(page, "guidepage", None)  # joined by with_related
    if guide is not None:
        # The same name as on the guide's own page: "Vägledning" or "Verktyg eller mall".
        return guide.get_kind_display()
    labels = {
        ContentType.objects.get_for_model(model).pk: model._meta.verbose_name
        for model in _type_models().values()
    }
    return labels.get(page.content_type_id, "")


def decorate(pages, today):
    for page in pages:
        page.kb_status = item_status(page, today)
        page.kb_status_label = lifecycle.STATUS_LABELS[page.kb_status]
        page.kb_type_label = type_label(page)
    return pages


class CountedPaginator(Paginator):
    """A paginator told its count (kept in the cache) instead of counting again."""

    def __init__(self, *args, count, **kwargs):
        super().__init__(*args, **kwargs)
        self.known_count = count

    @property
    def count(self):
        return self.known_count


def _start_list_ids(visible, today):
    """Ids of the start page's two short lists: recently updated and soon due."""
    review_horizon = today + datetime.timedelta(days=60)
    end_horizon = today + datetime.timedelta(days=lifecycle.AGREEMENT_EXPIRING_DAYS)
    due = visible.filter(
        Q(next_review__lte=review_horizon, agreementpage__isnull=True)
        | Q(agreementpage__valid_until__lte=end_horizon)
    ).order_by(F("next_review").asc(nulls_first=True), "pk")
    recent = visible.order_by("-last_published_at", "pk")
    return (
        list(recent.values_list("pk", flat=True)[:5]),
        list(due.values_list("pk", flat=True)[:5]),
    )


def _in_order(found, ids):
    # A page unpublished since the ids were cached retired the cache; skip it anyway.
    return [found[pk] for pk in ids if pk in found]


def index_context(index_page, request, today=None):
    """The index's context. The list (and the start lists) is built only when the
    template renders it: a reader whose reach has it cached as a fragment
    (`{% reach_cache %}`, keyed by `kb_fragment`) costs no list query at all."""
    from knowledge.models import Topic
    from portal.models import Municipality

    today = today or clock.today()
    access = access_for(request.user)
    # The filter's choices: the same for everyone, changed rarely (both bump the version).
    topics = access.cached_for_everyone("topics", lambda: list(Topic.objects.all()))
    municipalities = access.cached_for_everyone(
        "municipalities", lambda: list(Municipality.objects.all())
    )
    form = KnowledgeFilterForm(request.GET or None, topics=topics, municipalities=municipalities)
    valid = not form.is_bound or form.is_valid()
    data = form.cleaned_data if form.is_bound and valid else {}
    cleaned = data if valid else None
    is_filtered = bool(data and any(data.values()))
    return {
        **fragments.lazily(
            lambda: _lists(index_page, request, access, data, is_filtered, today),
            "results",
            "recently_updated",
            "soon_due",
        ),
        "filter_form": form,
        "filter_query": fragments.filter_query(request, cleaned),
        "is_filtered": is_filtered,
        "topics": topics,
        "today": today,
        "kb_fragment": fragments.list_key(request, cleaned, today),
    }


def _lists(index_page, request, access, data, is_filtered, today):
    visible = knowledge_pages_for(index_page, request.user)
    filtered = filter_pages(visible, data, today).order_by("title", "pk")
    # Counting every visible page grows with the bank; the count changes only when pages
    # or privacy do (both retire the cache), so it is kept per set of groups and filter.
    reach = f"kb:{index_page.pk}:{today}:{sorted(data.items())}"
    count = access.cached_for_reach(f"{reach}:count", filtered.count)
    paginator = CountedPaginator(with_related(filtered), PAGE_SIZE, count=count)
    results = paginator.get_page(request.GET.get("sida") or 1)
    results.object_list = decorate(list(results.object_list), today)
    lists = {"results": results, "recently_updated": [], "soon_due": []}
    if not is_filtered and results.number == 1:
        recent_ids, due_ids = access.cached_for_reach(
            f"{reach}:start-lists", lambda: _start_list_ids(visible, today)
        )
        found = {
            page.pk: page for page in with_related(visible.filter(pk__in=recent_ids + due_ids))
        }
        lists["recently_updated"] = decorate(_in_order(found, recent_ids), today)
        lists["soon_due"] = decorate(_in_order(found, due_ids), today)
    prefetch_lists(results.object_list, lists["recently_updated"], lists["soon_due"])
    return lists
