"""Editors and admins must have two-step verification before they reach the Wagtail admin.

"Editor" means: superuser, member of any municipality's editors group, or anyone who may
enter the Wagtail admin (`wagtailadmin.access_admin`). Others may switch it on by choice.

Setting it up is one flow: the address the person was on their way to is kept in the
session (from the admin address they were turned away from, or a `next` given to the MFA
pages), and the last step, the recovery codes, offers a button onward to it.
"""

import time

from allauth.account.adapter import get_adapter
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"
CONTINUE_SESSION_KEY = "portal_mfa_continue_to"
CONTINUE_FOR = 3600  # seconds


def requires_mfa(user):
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser or user.has_perm("wagtailadmin.access_admin"):
        return True
    from portal.access import access_for

    return access_for(user).is_editor


def _remember_destination(request, url):
    # Only addresses on this site (allauth's own check, as for the login's `next`).
    if url and url.startswith("/") and get_adapter().is_safe_url(url):
        request.session[CONTINUE_SESSION_KEY] = {"url": url, "at": time.time()}


class ContinueLink:
    """Where the button after the set-up leads, and what it says."""

    def __init__(self, url):
        self.url = url
        if url.startswith(ADMIN_PREFIX):
            self.label = _("Continue to the editing tools")
        elif url == "/":
            self.label = _("Continue to the start page")
        else:
            self.label = _("Continue to the page you were going to")


def continue_link(request):
    """Onward from the set-up: where the person was going, else the editing tools for
    editors and the start page for everyone else."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return None
    remembered = request.session.get(CONTINUE_SESSION_KEY)
    url = None
    # Only for the set-up at hand: an hour later the destination is stale.
    if isinstance(remembered, dict) and time.time() - remembered.get("at", 0) < CONTINUE_FOR:
        url = remembered.get("url")
    if not url:
        url = ADMIN_PREFIX if requires_mfa(user) else "/"
    return ContinueLink(url)


class RequireMFAForAdminMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.PORTAL_REQUIRE_MFA_FOR_EDITORS
            and request.path.startswith(ADMIN_PREFIX)
            and not request.path.startswith(ADMIN_PREFIX + "login/")
            and requires_mfa(user)
            and not is_mfa_enabled(user)
        ):
            messages.warning(
                request,
                _(
                    "Editors must use two-factor authentication. Set up an authenticator app "
                    "or a security key before you continue to the editing tools."
                ),
            )
            if request.method == "GET":
                _remember_destination(request, request.get_full_path())
            return redirect("mfa_index")
        if (
            user is not None
            and user.is_authenticated
            and "next" in request.GET
            and request.path.startswith(reverse("mfa_index"))
        ):
            _remember_destination(request, request.GET["next"])
        return self.get_response(request)
