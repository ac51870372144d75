"""django-allauth adapter: accounts are created by admins or invitations, never by sign-up.

It also feeds the audit log with failed log ins and lock-outs, which allauth decides here,
and lets a fresh log in count as the reauthentication that first setting up MFA asks for.
"""

import datetime
import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from django.core.exceptions import ValidationError

from portal.accounts import audit


def recent_login_time(request):
    """When this session's user gave their password (or second factor) at log in, if less
    than ACCOUNT_REAUTHENTICATION_TIMEOUT seconds ago; else None.

    allauth counts only explicit reauthentications, so an editor who has just logged in
    and is sent on to set up MFA would be asked for the password again at once. The
    records are kept per session and per user by allauth; an old session does not pass.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    methods = account_settings.REAUTHENTICATION_METHODS
    times = [
        record["at"]
        for record in get_authentication_records(request, user)
        if record.get("method") in methods and isinstance(record.get("at"), (int, float))
    ]
    if times and time.time() - max(times) < account_settings.REAUTHENTICATION_TIMEOUT:
        return max(times)
    return None


def only_new_factors(user, since):
    """True when the user had no second factor when they logged in: every authenticator
    (the app, its recovery codes) was added after `since`, in this very session."""
    from allauth.mfa.models import Authenticator

    return not Authenticator.objects.filter(
        user=user, created_at__lte=datetime.datetime.fromtimestamp(since, tz=datetime.UTC)
    ).exists()


class PortalAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def is_reauthentication_required(self, *, app, **kwargs):
        # Still required for every sensitive action once the log in is older than the
        # timeout; allauth's own "recently reauthenticated" check follows this one.
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        # The shortcut is for the first set-up only (the app, then its recovery codes):
        # a second factor that existed at log in is not switched off or replaced without
        # the password, however fresh the log in (an unlocked computer is not enough).
        since = recent_login_time(self.request)
        return since is None or not only_new_factors(self.request.user, since)

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            audit.log_failed_login(credentials.get("email"), locked_out=True, request=request)
            raise

    def authentication_failed(self, request, **credentials):
        super().authentication_failed(request, **credentials)
        audit.log_failed_login(credentials.get("email"), request=request)
