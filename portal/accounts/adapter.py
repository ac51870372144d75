"""django-allauth adapter: accounts are created by admins or invitations, never by sign-up.

It also feeds the audit log with failed log ins and lock-outs, which allauth decides here,
and lets a fresh log in count as the reauthentication that setting up MFA asks for.
"""

import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from django.core.exceptions import ValidationError

from portal.accounts import audit


def logged_in_recently(request):
    """True when this session's user gave their password (or second factor) at log in
    less than ACCOUNT_REAUTHENTICATION_TIMEOUT seconds ago.

    allauth counts only explicit reauthentications, so an editor who has just logged in
    and is sent on to set up MFA would be asked for the password again at once. The
    records are kept per session and per user by allauth; an old session does not pass.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    methods = account_settings.REAUTHENTICATION_METHODS
    times = [
        record["at"]
        for record in get_authentication_records(request, user)
        if record.get("method") in methods and isinstance(record.get("at"), (int, float))
    ]
    return bool(times) and time.time() - max(times) < account_settings.REAUTHENTICATION_TIMEOUT


class PortalAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def is_reauthentication_required(self, *, app, **kwargs):
        # Still required for every sensitive action once the log in is older than the
        # timeout; allauth's own "recently reauthenticated" check follows this one.
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        return not logged_in_recently(self.request)

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            audit.log_failed_login(credentials.get("email"), locked_out=True, request=request)
            raise

    def authentication_failed(self, request, **credentials):
        super().authentication_failed(request, **credentials)
        audit.log_failed_login(credentials.get("email"), request=request)
