"""Per-user answers read on every page (the bell's count, what the user follows), kept in
Django's cache so that the header and the Bevaka button cost no query once warm.

The keys and the per-user stamp are portal.personal_cache's: `touch()` retires them
whenever the user's notifications or subscriptions change."""

from django.db.models import Q

from portal.access import access_for
from portal.personal_cache import cached, touch

__all__ = ["follows_of", "touch", "unread_count", "visible_notifications", "visible_target_q"]


def _cached(user, name, compute):
    return cached(user, f"subscriptions:{name}", compute)


def visible_notifications(access):
    """The user's notifications of pages they may read now (live, outside denied subtrees)."""
    from subscriptions.models import Notification

    return Notification.objects.filter(user_id=access.user.pk, page__live=True).filter(
        access.visible_page_paths("page__path")
    )


def visible_target_q(access):
    """Subscriptions whose page or section the user may still read (topics are public)."""
    condition = Q()
    for field in ("page", "news_of"):
        condition &= Q(**{f"{field}__isnull": True}) | (
            Q(**{f"{field}__live": True}) & access.visible_page_paths(f"{field}__path")
        )
    return condition


def unread_count(user):
    if not getattr(user, "is_authenticated", False):
        return 0
    access = access_for(user)
    return _cached(
        user, "unread", lambda: visible_notifications(access).filter(read_at=None).count()
    )


def follows_of(user):
    """{"page": ids, "topic": ids, "news_of": ids} the user follows; one query when cold."""
    from subscriptions.models import Subscription

    def compute():
        found = {"page": set(), "topic": set(), "news_of": set()}
        rows = Subscription.objects.filter(user_id=user.pk).values_list(
            "page_id", "topic_id", "news_of_id"
        )
        for page_id, topic_id, news_of_id in rows:
            for field, value in (("page", page_id), ("topic", topic_id), ("news_of", news_of_id)):
                if value is not None:
                    found[field].add(value)
        return found

    return _cached(user, "follows", compute)
