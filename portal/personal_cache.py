"""Per-user answers read on many pages (the bell's count, what one follows, what one has
to read and confirm), kept in Django's cache so that they cost no query once warm.

Keys carry the portal's cache version (publishing and privacy changes retire them) and a
per-user stamp that `touch()` replaces whenever the app's own rows of that user change
(a notification, a subscription, a confirmation)."""

import uuid

from django.core.cache import cache
from django.db import connection, transaction

from portal import cache_version

STAMP_KEY = "portal:user-stamp:{}"
STAMP_TIMEOUT = 60 * 60 * 24 * 30


def _stamp(user_id):
    return cache.get(STAMP_KEY.format(user_id)) or "0"


def touch(user_ids):
    """Retire the cached answers of these users, now and again on commit."""
    ids = set(user_ids)
    if not ids:
        return

    def renew():
        cache.set_many({STAMP_KEY.format(i): uuid.uuid4().hex for i in ids}, STAMP_TIMEOUT)

    renew()
    if connection.in_atomic_block:
        transaction.on_commit(renew)


def cached(user, name, compute):
    """`compute()` for this user, until their stamp or the cache version changes."""
    key = f"personal:{name}:{user.pk}:{_stamp(user.pk)}"
    return cache_version.cached(cache_version.current(), key, compute)
