"""django-allauth adapter: accounts are created by admins or invitations, never by sign-up."""

from allauth.account.adapter import DefaultAccountAdapter


class PortalAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False
