"""Notifications made when a page is published, for each subscriber who may read it."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published

from portal.access import access_for


def container_types():
    """Content type ids of the pages whose subscription covers everything under them."""
    from portal.models import MunicipalitySectionPage, SharedSpacePage

    types = ContentType.objects.get_for_models(MunicipalitySectionPage, SharedSpacePage)
    return {ct.pk for ct in types.values()}


def _ancestor_paths(page):
    step = Page.steplen
    return [page.path[:end] for end in range(step, len(page.path), step)]


def matching(page):
    """The condition on Subscription for the subscriptions this publication concerns."""
    ancestors = _ancestor_paths(page)
    condition = Q(page_id=page.pk) | Q(
        page__path__in=ancestors, page__content_type_id__in=container_types()
    )
    from knowledge.models import KnowledgePage

    if isinstance(page, KnowledgePage):
        condition |= Q(topic__pages=page.pk)
    if apps.is_installed("news"):
        from news.models import NewsPostPage

        if isinstance(page, NewsPostPage):
            condition |= Q(news_of__path__in=ancestors)
    return condition


def readers_among(user_ids, page):
    """The active users among `user_ids` who may read `page`, in three queries whatever
    their number: the users, their groups (primed into each `Access` instead of one
    query per user) and the restriction records (cached)."""
    User = get_user_model()
    users = list(User.objects.filter(pk__in=user_ids, is_active=True))
    groups = {user.pk: {} for user in users}
    through = User.groups.through
    for user_id, group_id, name in through.objects.filter(user_id__in=groups).values_list(
        "user_id", "group_id", "group__name"
    ):
        groups[user_id][group_id] = name
    readers = []
    for user in users:
        access = access_for(user)
        access.__dict__.setdefault("_groups", groups[user.pk])  # the cached_property's slot
        if access.can_view_page(page):
            readers.append(user)
    return readers


def notify(page, revision=None):
    """Make the notifications for one publication; return the users notified."""
    from subscriptions.models import Notification, Preference, Subscription
    from subscriptions.state import touch

    editor_id = getattr(revision, "user_id", None)
    subscribers = (
        Subscription.objects.filter(matching(page))
        .exclude(user_id=editor_id)
        .values_list("user_id", flat=True)
        .distinct()
    )
    user_ids = set(subscribers)
    if not user_ids:
        return []
    readers = readers_among(user_ids, page)
    if not readers:
        return []
    first = (
        page.first_published_at is not None and page.first_published_at == page.last_published_at
    )
    kind = Notification.NEW if first else Notification.CHANGED
    Notification.objects.bulk_create(
        [Notification(user=user, page_id=page.pk, revision=revision, kind=kind) for user in readers]
    )
    reader_ids = [user.pk for user in readers]
    touch(reader_ids)
    immediate = list(
        Preference.objects.filter(
            user_id__in=reader_ids, frequency=Preference.IMMEDIATELY
        ).values_list("user_id", flat=True)
    )
    if immediate:
        transaction.on_commit(lambda: _send_now(immediate))
    return readers


def _send_now(user_ids):
    from subscriptions.models import Preference
    from subscriptions.tasks import send_digest_task

    for user_id in user_ids:
        send_digest_task.enqueue(user_id, Preference.IMMEDIATELY, "")


@receiver(page_published, dispatch_uid="subscriptions-notify")
def on_page_published(sender, instance, revision=None, **kwargs):
    notify(instance, revision)
