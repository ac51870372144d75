"""One version key for everything the portal caches about who may see what.

The restriction table, each user's memberships and the navigation are read on every
request and change rarely. They live in Django's cache (Redis when `REDIS_URL` is set)
under the current *version*: a random token that every change of a privacy record, a
page's publication, move or deletion, a collection, a group membership, a municipality or
a partner organisation replaces. Every worker reads the token once per request, so a change
is seen on the next request everywhere, and stale entries simply expire.

The token is replaced at once and again when the transaction commits: a worker that read
the old rows between the two stores them under a token that the commit retires. Nothing is
stored while the current request is inside a transaction of its own (its rows may still be
rolled back); it computes the answer and keeps it for itself.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

VERSION_KEY = "portal:cache-version"
# Long enough to matter, short enough that a missed bump (a raw SQL change) heals itself.
TIMEOUT = 60 * 60


def current():
    """The version token, created when the cache has none."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY) or version
    return version


def _new_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def bump(**kwargs):
    """Retire everything cached so far (a signal receiver, hence **kwargs)."""
    _new_version()
    if connection.in_atomic_block:
        transaction.on_commit(_new_version)


def in_own_transaction():
    # The test runner's outer transaction does not count: its rows are what the test sees.
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def _key(version, name):
    # Hashed: names hold filter values and host names; keys stay short and safe anywhere.
    # The release too: a deploy's new templates and models must not read the old one's
    # cached HTML and pages (settings.PORTAL_RELEASE, e.g. the commit).
    digest = hashlib.sha256(f"{settings.PORTAL_RELEASE}:{name}".encode()).hexdigest()[:32]
    return f"portal:{version}:{digest}"


def get(version, name):
    """What `put` stored under `name` for this version, or None."""
    return cache.get(_key(version, name))


def put(version, name, value):
    # Nothing from inside a transaction of the request's own: it may still be rolled back.
    if not in_own_transaction():
        cache.set(_key(version, name), value, TIMEOUT)


def cached(version, name, compute):
    """`compute()` stored under `name` for this version (names say whose answer it is)."""
    value = get(version, name)
    if value is None:
        value = compute()
        put(version, name, value)
    return value


def bump_on_change(*models):
    """Apps name their own models whose rows cached answers are made of (e.g. partner
    organisations, which decide memberships)."""
    from django.db.models.signals import post_delete, post_save

    for model in models:
        uid = f"portal-version-{model._meta.label}"
        post_save.connect(bump, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(bump, sender=model, dispatch_uid=f"{uid}-delete")


def bump_on_m2m_change(*relations):
    """The same for many-to-many tables (e.g. who a privacy record or a contact is for)."""
    from django.db.models.signals import m2m_changed

    for relation in relations:
        m2m_changed.connect(bump, sender=relation, dispatch_uid=f"portal-version-m2m-{relation}")


def connect():
    """Bump on every change that can alter an answer cached under the version."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db.models.signals import post_delete, post_save
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        GroupCollectionPermission,
        GroupPagePermission,
        PageViewRestriction,
        Site,
    )
    from wagtail.signals import post_page_move

    from portal.models import Municipality

    bump_on_change(
        # Pages name documents and images (titles, file types) in cached fragments.
        get_document_model(),
        get_image_model(),
        PageViewRestriction,
        CollectionViewRestriction,
        Collection,
        Group,
        GroupPagePermission,
        GroupCollectionPermission,
        Site,
        Municipality,
    )
    bump_on_m2m_change(
        PageViewRestriction.groups.through,
        CollectionViewRestriction.groups.through,
        get_user_model().groups.through,
        get_user_model().user_permissions.through,
        Group.permissions.through,
    )
    # Pages: any subclass, so no sender. Publishing and unpublishing save the page, so
    # this covers them; a move rewrites paths with queries of its own, hence its signal.
    post_save.connect(_page_saved, dispatch_uid="portal-version-page-save")
    post_delete.connect(_page_saved, dispatch_uid="portal-version-page-delete")
    post_page_move.connect(bump, dispatch_uid="portal-version-page-move")
    # Names of people (a routine's owner, a post's author) appear on cached pages; a login
    # only writes last_login, which changes nothing shown.
    post_save.connect(_user_saved, sender=get_user_model(), dispatch_uid="portal-version-user")


def _user_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= {"last_login", "password"}:
        return
    bump()


def _page_saved(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump()
