"""RSS and Atom feeds of the news, and each member's personal feed.

A feed reader cannot log in, and a feed address is shared, pasted and cached, so a news
index's feed is *anonymous by nature*: it holds only the posts a visitor may read, whoever
asks for it. An index that visitors may not read has no public feed at all (404 for the
members who reach it; visitors were already asked to log in by the page access check).

Members instead get a personal Atom feed of every news index they may read, at a secret
address (`/nyheter-flode/<token>/`): only a SHA-256 hash of the token is stored
(`news.models.FeedToken`), the address is shown once when it is made, and making a new one
retires the old. Every decision about who may see a post goes through `portal.access`.
"""

import datetime
import hashlib
import secrets

from django.contrib.auth.models import AnonymousUser
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _
from wagtail.models import Site
from wagtail.rich_text import get_text_for_indexing

from news.listing import latest_for, newest_first, visible_posts
from news.models import FeedToken, NewsIndexPage, NewsPostPage, NewsPostTag
from portal.access import access_for

SITE_NAME = "Samverkansportalen"
INDEX_FEED_SIZE = 20
PERSONAL_FEED_SIZE = 50
FEED_CLASSES = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}


def public_access():
    """What a visitor may read. A fresh anonymous user per call: its `Access` caches the
    privacy records of the current cache version only."""
    return access_for(AnonymousUser())


def is_public_post(page):
    """True when a visitor may read this post now (what feeds, the sitemap and Open Graph
    tags may show)."""
    return (
        isinstance(page, NewsPostPage)
        and page.live
        and page.date <= timezone.localdate()
        and public_access().can_view_page(page)
    )


def is_public_index(page):
    return isinstance(page, NewsIndexPage) and public_access().can_view_page(page)


def plain_text(rich_text):
    return get_text_for_indexing(rich_text or "")


def absolute_url(request, page):
    return request.build_absolute_uri(page.get_url(request))


def _with_bylines_and_topics(posts):
    """The author (for the byline) and topics of a list of posts: one query each."""
    prefetch_related_objects(posts, "author", "topics")
    return posts


def _tag_names(posts):
    """Tag names per post id, in one query."""
    names = {}
    rows = NewsPostTag.objects.filter(content_object__in=[post.pk for post in posts])
    for post_id, name in rows.order_by("tag__name").values_list("content_object_id", "tag__name"):
        names.setdefault(post_id, []).append(name)
    return names


def _published_datetime(post):
    moment = datetime.datetime.combine(post.date, datetime.time.min)
    return timezone.make_aware(moment)


def _add_items(feed, request, posts, labels=None):
    tags = _tag_names(posts)
    for post in posts:
        label = labels.get(post.pk) if labels else None
        categories = [topic.name for topic in post.topics.all()] + tags.get(post.pk, [])
        if label:
            categories.insert(0, label)
        link = absolute_url(request, post)
        feed.add_item(
            title=f"[{label}] {post.title}" if label else post.title,
            link=link,
            unique_id=link,
            description=plain_text(post.intro),
            pubdate=_published_datetime(post),
            updateddate=post.last_published_at,
            author_name=post.byline or None,
            categories=categories,
        )


def _feed_response(feed, kind):
    content_type = "application/rss+xml" if kind == "rss" else "application/atom+xml"
    response = HttpResponse(content_type=f"{content_type}; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def index_feed(index_page, request, kind):
    """The RSS 2.0 or Atom 1.0 feed of one news index: its newest public posts."""
    feed_class = FEED_CLASSES.get(kind)
    if feed_class is None or not is_public_index(index_page):
        # A restricted index has no public feed. Visitors never get here (the page access
        # check asks them to log in); a member who may read the index gets a plain 404:
        # their posts are in their personal feed, never in a shareable address.
        raise Http404
    # The same list a visitor sees on the index (news/listing.py), newest first.
    posts = newest_first(visible_posts(AnonymousUser(), within=index_page))
    posts = list(posts.select_related("author").prefetch_related("topics")[:INDEX_FEED_SIZE])
    index_url = absolute_url(request, index_page)
    feed = feed_class(
        title=f"{index_page.title} – {SITE_NAME}",
        link=index_url,
        description=plain_text(index_page.intro) or index_page.title,
        language="sv",
        feed_url=index_url + index_page.reverse_subpage(f"news_{kind}"),
    )
    _add_items(feed, request, posts)
    return _feed_response(feed, kind)


# --- the personal feed ---------------------------------------------------------------------


def hash_token(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token(user):
    """Make (or replace) the user's secret feed token and return it; only its hash is
    kept, so this is the only moment it can be shown."""
    token = secrets.token_urlsafe(32)
    FeedToken.objects.update_or_create(user=user, defaults={"token_hash": hash_token(token)})
    return token


def user_for_token(token):
    """The active user whose feed this token opens, or None."""
    if not token or len(token) > 100:
        return None
    feed_token = FeedToken.objects.select_related("user").filter(token_hash=hash_token(token))
    feed_token = feed_token.first()
    if feed_token is None or not feed_token.user.is_active:
        return None
    return feed_token.user


def _where_from(posts):
    """Each post's origin, as on the start page: its section or shared space
    (`news.listing.latest_for` sets `post.source`), or "All municipalities"."""
    return {
        post.pk: post.source.title if post.source else _("All municipalities") for post in posts
    }


def personal_feed(request, token):
    """Atom feed of the posts of every news index the token's owner may read now."""
    user = user_for_token(token)
    if user is None:
        raise Http404
    posts = _with_bylines_and_topics(latest_for(user, PERSONAL_FEED_SIZE))
    site = Site.find_for_request(request)
    home = site.root_page if site is not None else None
    home_url = request.build_absolute_uri(home.get_url(request) if home else "/")
    feed = feedgenerator.Atom1Feed(
        title=f"{_('Your news')} – {SITE_NAME}",
        link=home_url,
        description=_("News from every part of the portal that you may read."),
        language="sv",
        feed_url=request.build_absolute_uri(),
    )
    _add_items(feed, request, posts, labels=_where_from(posts))
    response = _feed_response(feed, "atom")
    # Personal: neither a shared cache nor a search engine may keep it.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
