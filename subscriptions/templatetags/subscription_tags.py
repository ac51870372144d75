"""The bell's count and the Bevaka buttons, for base.html (no query once the cache is warm)."""

from django import template
from django.apps import apps
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal.access import access_for
from subscriptions.notifications import container_types
from subscriptions.state import follows_of, unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications_count(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    return unread_count(user) if user is not None else 0


def _parent(access, page):
    """(id, content type id, title) of the page's parent, cached for everyone."""
    path = page.path[: -Page.steplen]
    return access.cached_for_everyone(
        f"subscriptions:parent:{path}",
        lambda: (
            Page.objects.filter(path=path).values_list("pk", "content_type_id", "title").first()
            or (0, 0, "")
        ),
    )


def _topic(access, slug):
    from knowledge.models import Topic

    topics = access.cached_for_everyone("topics", lambda: list(Topic.objects.all()))
    return next((topic for topic in topics if topic.slug == slug), None)


def _button(field, pk, following, follow_label, unfollow_label):
    return {
        "field": field,
        "id": pk,
        "following": following,
        "label": unfollow_label if following else follow_label,
    }


@register.simple_tag(takes_context=True)
def follow_targets(context):
    """The Bevaka buttons for the page being shown to a logged-in reader."""
    request = context.get("request")
    page = context.get("page")
    user = getattr(request, "user", None)
    if (
        user is None
        or not user.is_authenticated
        or not isinstance(page, Page)
        or not page.pk
        or page.depth < 3
        or getattr(request, "is_preview", False)
    ):
        return []
    access = access_for(user)
    if not access.can_view_page(page):
        return []
    follows = follows_of(user)
    containers = container_types()
    buttons = []
    news_of = None
    if apps.is_installed("news"):
        from news.models import NewsIndexPage

        if isinstance(page, NewsIndexPage):
            parent_id, parent_type, _title = _parent(access, page)
            news_of = parent_id if parent_type in containers else None
    if news_of:
        buttons.append(
            _button(
                "news_of",
                news_of,
                news_of in follows["news_of"],
                _("Follow the news"),
                _("Stop following the news"),
            )
        )
    else:
        name = {"name": page.title}
        if page.content_type_id in containers:
            labels = (
                _("Follow everything in %(name)s") % name,
                _("Stop following everything in %(name)s") % name,
            )
        else:
            labels = _("Follow"), _("Stop following")
        buttons.append(_button("page", page.pk, page.pk in follows["page"], *labels))
    from knowledge.models import KnowledgeIndexPage

    slug = request.GET.get("topic")
    if slug and isinstance(page, KnowledgeIndexPage):
        topic = _topic(access, slug)
        if topic is not None:
            name = {"name": topic.name}
            buttons.append(
                _button(
                    "topic",
                    topic.pk,
                    topic.pk in follows["topic"],
                    _("Follow the topic %(name)s") % name,
                    _("Stop following the topic %(name)s") % name,
                )
            )
    return buttons
