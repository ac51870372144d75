"""django-allauth adapter: accounts are created by admins or invitations, never by sign-up.

It also feeds the audit log with failed log ins and lock-outs, which allauth decides here.
"""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError

from portal.accounts import audit


class PortalAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            audit.log_failed_login(credentials.get("email"), locked_out=True, request=request)
            raise

    def authentication_failed(self, request, **credentials):
        super().authentication_failed(request, **credentials)
        audit.log_failed_login(credentials.get("email"), request=request)
