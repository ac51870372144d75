"""Wagtail admin wiring for accounts and hardening; imported by portal/wagtail_hooks.py."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal import identity_numbers
from portal.accounts import admin_views, audit, invitations


@hooks.register("register_admin_urls")
def invitation_admin_urls():
    urls = [
        path("", admin_views.index, name="index"),
        path("ny/", admin_views.create, name="create"),
        path("<int:pk>/skicka-igen/", admin_views.resend, name="resend"),
        path("<int:pk>/aterkalla/", admin_views.revoke, name="revoke"),
    ]
    return [
        path("inbjudningar/", include((urls, "portal_invitations"))),
        path(
            "personnummer/tillat/",
            admin_views.identity_number_override,
            name="portal_identity_number_override",
        ),
    ]


class InvitationMenuItem(MenuItem):
    def is_shown(self, request):
        return invitations.can_invite(request.user)


@hooks.register("register_admin_menu_item")
def invitation_menu_item():
    return InvitationMenuItem(
        _("Invitations"), reverse("portal_invitations:index"), icon_name="mail", order=210
    )


@hooks.register("register_account_menu_item")
def portal_account_menu_item(request):
    # Wagtail's own password forms are off; send people to the portal's account pages.
    return {
        "url": reverse("my_account"),
        "label": _("My account"),
        "help_text": _("Password, two-factor authentication, sessions and your data."),
    }


@hooks.register("register_log_actions")
def register_portal_log_actions(actions):
    for action, label, message in audit.ACTIONS:
        actions.register_action(action, label, message)


hooks.register("before_bulk_action", identity_numbers.refuse_bulk_publish)
