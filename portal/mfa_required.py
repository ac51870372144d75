"""Editors and admins must have two-factor authentication before they reach the Wagtail admin.

"Editor" means: superuser, member of any municipality's editors group, or anyone who may
enter the Wagtail admin (`wagtailadmin.access_admin`). Others may switch MFA on by choice.
"""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"


def requires_mfa(user):
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser or user.has_perm("wagtailadmin.access_admin"):
        return True
    from portal.access import access_for

    return access_for(user).is_editor


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
            return redirect("mfa_index")
        return self.get_response(request)
