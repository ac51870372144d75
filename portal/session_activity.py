"""allauth's session list, kept up to date without a database write on every page view.

allauth's `UserSessionsMiddleware` updates the session's row (last seen, address, browser)
on each request: four queries and a write per page view. Here it does so at most once per
session every `PORTAL_SESSION_ACTIVITY_SECONDS` (a cache key per session marks the last
write), so "last seen" in the session list is at most that much behind.
"""

import hashlib

from allauth.usersessions.internal import usersessionkit
from django.conf import settings
from django.core.cache import cache


def _recently_tracked(session_key):
    key = "portal:session-seen:" + hashlib.sha256(session_key.encode()).hexdigest()[:32]
    # add() is atomic: only the first request in the window writes.
    return not cache.add(key, 1, settings.PORTAL_SESSION_ACTIVITY_SECONDS)


class ThrottledUserSessionsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if (
            user is not None
            and user.is_authenticated
            and session is not None
            and session.session_key
            and not _recently_tracked(session.session_key)
        ):
            usersessionkit.track_activity(request, user=user, session=session)
        return self.get_response(request)
