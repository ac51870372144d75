"""News content for the feed and sitemap tests: one post of every kind a visitor must
never find in a feed or the sitemap, beside the public ones."""

import datetime

from django.utils import timezone
from wagtail.models import PageViewRestriction

from knowledge.models import Topic
from news.models import NewsIndexPage, NewsPostPage
from tests.factories import add_page


def _post(index, title, slug, **fields):
    fields.setdefault("date", timezone.localdate() - datetime.timedelta(days=1))
    fields.setdefault("intro", f"<p>Ingress till <b>{title}</b> &amp; mer.</p>")
    return add_page(index, model=NewsPostPage, title=title, slug=slug, **fields)


def _draft(index, title, slug):
    post = NewsPostPage(title=title, slug=slug, live=False, date=timezone.localdate())
    index.add_child(instance=post)
    post.save_revision()
    return post


def _scheduled(index, title, slug):
    """Scheduled publishing as an editor does it: "go live at" tomorrow, then publish
    (Wagtail keeps the page unpublished and the revision waiting for `publish_scheduled`)."""
    post = NewsPostPage(title=title, slug=slug, live=False, date=timezone.localdate())
    index.add_child(instance=post)
    post.go_live_at = timezone.now() + datetime.timedelta(days=1)
    post.save_revision().publish()
    post.refresh_from_db()
    return post


def make_news(world):
    """Posts by kind, and the indexes: the public one at /nyheter/, one in A's section and
    one in B's section."""
    kalmar = world.municipality_a
    public_index = add_page(None, model=NewsIndexPage, title="Nyheter", slug="nyheter")
    index_a = add_page(
        world.content["A's section"], model=NewsIndexPage, title="Nyheter Kalmar", slug="nyheter"
    )
    index_b = add_page(
        world.content["B's section"],
        model=NewsIndexPage,
        title="Nyheter Södertälje",
        slug="nyheter",
    )
    topic = Topic.objects.create(name="Skola", slug="skola")

    public = _post(public_index, "Öppen nyhet", "oppen-nyhet", author_name="Anna Andersson")
    public.topics.add(topic)
    public.tags.add("sommarlov")
    public.save_revision().publish()
    public.refresh_from_db()

    members_only = _post(public_index, "Bara för inloggade", "inloggade")
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )
    restricted = _post(public_index, "Bara för Kalmar", "bara-kalmar")
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(kalmar.members_group)

    posts = {
        "public": public,
        "older public": _post(
            public_index,
            "Äldre öppen nyhet",
            "aldre",
            date=timezone.localdate() - datetime.timedelta(days=40),
        ),
        "members only": members_only,
        "restricted to A": restricted,
        "draft": _draft(public_index, "Utkast", "utkast"),
        "scheduled": _scheduled(public_index, "Schemalagd", "schemalagd"),
        "future date": _post(
            public_index,
            "Framtida datum",
            "framtida",
            date=timezone.localdate() + datetime.timedelta(days=3),
        ),
        "in A's section": _post(index_a, "Kalmars interna nyhet", "kalmar-intern"),
        "in B's section": _post(index_b, "Södertäljes interna nyhet", "sodertalje-intern"),
    }
    indexes = {"public": public_index, "A": index_a, "B": index_b}
    return indexes, posts


NEVER_PUBLIC = (
    "members only",
    "restricted to A",
    "draft",
    "scheduled",
    "future date",
    "in A's section",
    "in B's section",
)
