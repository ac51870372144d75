"""News listings: the index with its filters, month archive and tag pages, the post's
related and latest posts, and the start page's "latest for you".

Every list starts from `Access.visible_pages`, so a count, an archive month or a tag never
reveals a post the reader may not open, and each costs a fixed number of queries.
"""

import datetime

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth, ExtractYear
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from knowledge.clock import today  # the portal's one clock, which tests can pin
from portal import fragments
from portal.access import access_for

PAGE_SIZE = 10
LATEST_COUNT = 5
RELATED_COUNT = 3


def visible_posts(user, within=None, on=None):
    """Live posts `user` may read, dated today or earlier (a post dated tomorrow waits),
    under `within` (a news index or any page) when given."""
    from news.models import NewsPostPage

    queryset = NewsPostPage.objects.all()
    if within is not None:
        queryset = queryset.descendant_of(within)
    queryset = access_for(user).visible_pages(queryset)
    return queryset.filter(date__lte=on or today())


def newest_first(queryset):
    return queryset.select_related("main_image", "municipality").order_by("-date", "-pk")


def prefetch_labels(posts):
    """Topics and tags of every listed post in one query each."""
    from django.db.models import prefetch_related_objects

    prefetch_related_objects(posts, "topics", "tags")
    return posts


class NewsFilterForm(forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)

    def __init__(self, *args, topics=(), municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["topic"].choices = everything + [(t.slug, t.name) for t in topics]
        self.fields["municipality"].choices = everything + [
            (m.slug, m.name) for m in municipalities
        ]


def archive_months(posts):
    """[(year, [(month as date, count), …]), …] newest first, in one query."""
    rows = (
        posts.order_by()
        .annotate(year=ExtractYear("date"), month=ExtractMonth("date"))
        .values("year", "month")
        .annotate(count=Count("pk"))
        .order_by("-year", "-month")
    )
    years = {}
    for row in rows:
        month = datetime.date(row["year"], row["month"], 1)
        years.setdefault(row["year"], []).append((month, row["count"]))
    return list(years.items())


def tags_in_use(posts):
    """The tags of the posts the reader may see, with how many posts carry each."""
    return list(
        Tag.objects.filter(news_newsposttag_items__content_object__in=posts.order_by().values("pk"))
        .annotate(count=Count("news_newsposttag_items"))
        .order_by("name")
    )


def _month_bounds(year, month):
    if not (1 <= month <= 12 and 1900 <= year <= 9999):
        raise Http404
    start = datetime.date(year, month, 1)
    end = datetime.date(year + month // 12, month % 12 + 1, 1)
    return start, end


def index_view(index_page, request, year=None, month=None, tag=None):
    """The news index, optionally one month of it or one tag, with the filter form."""
    from knowledge.models import Topic
    from portal.models import Municipality

    access = access_for(request.user)
    posts = visible_posts(request.user, within=index_page)
    topics = access.cached_for_everyone("topics", lambda: list(Topic.objects.all()))
    municipalities = access.cached_for_everyone(
        "municipalities", lambda: list(Municipality.objects.all())
    )
    form = NewsFilterForm(request.GET or None, topics=topics, municipalities=municipalities)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}

    filtered = posts
    month_start = None
    if year is not None:
        month_start, month_end = _month_bounds(year, month)
        filtered = filtered.filter(date__gte=month_start, date__lt=month_end)
    current_tag = None
    if tag is not None:
        current_tag = Tag.objects.filter(slug=tag).first()
        if current_tag is None:
            raise Http404
        filtered = filtered.filter(tags=current_tag)
    if data.get("topic"):
        filtered = filtered.filter(topics__slug=data["topic"])
    if data.get("municipality"):
        filtered = filtered.filter(municipality__slug=data["municipality"])

    def lists():
        paginator = Paginator(newest_first(filtered), PAGE_SIZE)
        results = paginator.get_page(request.GET.get("sida") or 1)
        results.object_list = prefetch_labels(list(results.object_list))
        return {"results": results, "archive": archive_months(posts), "tags": tags_in_use(posts)}

    cleaned = data if not form.is_bound or not form.errors else None
    return index_page.render(
        request,
        context_overrides={
            **fragments.lazily(lists, "results", "archive", "tags"),
            "filter_form": form,
            "filter_query": fragments.filter_query(request, cleaned),
            "is_filtered": bool(data and any(data.values())),
            "month": month_start,
            # Posts dated today appear today: the day is part of the fragment's key.
            "news_fragment": fragments.list_key(request, cleaned, today(), month_start, tag),
            "current_tag": current_tag,
        },
    )


def post_context(post, request):
    """Related posts (sharing a topic or a tag) and the latest posts of the same index."""
    from news.models import NewsIndexPage

    def lists():
        index_page = NewsIndexPage.objects.filter(path=post.path[: -post.steplen]).first()
        siblings = visible_posts(request.user, within=index_page).exclude(pk=post.pk)
        topics = list(post.topics.all())
        tags = list(post.tags.all())
        related = []
        if topics or tags:
            shared = siblings.filter(Q(topics__in=[t.pk for t in topics]) | Q(tags__in=tags))
            related = list(newest_first(shared.distinct())[:RELATED_COUNT])
        return {
            "news_index": index_page,
            "post_topics": topics,
            "post_tags": tags,
            "related_posts": related,
            "latest_posts": list(newest_first(siblings)[:LATEST_COUNT]),
        }

    return {
        **fragments.lazily(
            lists, "news_index", "post_topics", "post_tags", "related_posts", "latest_posts"
        ),
        "news_fragment": str(today()),
    }


def latest_for(user, count=LATEST_COUNT):
    """The newest posts `user` may read anywhere, each labelled with where it comes from
    (`post.source`: the section or shared space, or None for the portal-wide news)."""
    from wagtail.models import Page

    from portal.models import MunicipalitySectionPage, SharedSpacePage

    posts = list(newest_first(visible_posts(user))[:count])
    # Sections and shared spaces sit right under the home page: one query for their titles.
    heads = {post.path[: Page.steplen * 3] for post in posts}
    containers = {
        page.path: page
        for page in Page.objects.filter(path__in=heads)
        .type(MunicipalitySectionPage, SharedSpacePage)
        .only("path", "title", "url_path")
    }
    for post in posts:
        post.source = containers.get(post.path[: Page.steplen * 3])
    return posts
