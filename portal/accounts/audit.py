"""Security events in Wagtail's audit log (Reports → Site history, filterable by action).

Every entry hangs on an object: the user concerned for account events (the site, for a
failed log in with an address no account has), the page or document for refused access,
the invitation's invitee account when there is one.
"""

import logging

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

logger = logging.getLogger("portal.audit")
EMAIL_MAX = 254  # what was typed in the e-mail field, kept no longer than an address can be

ACTIONS = [
    ("portal.login", _("Logged in"), _("Logged in")),
    ("portal.login_failed", _("Failed log in"), _("Failed log in")),
    ("portal.lockout", _("Locked out"), _("Locked out after too many failed log ins")),
    ("portal.invitation.sent", _("Invitation sent"), _("Invitation sent")),
    ("portal.invitation.resent", _("Invitation resent"), _("Invitation sent again")),
    ("portal.invitation.accepted", _("Invitation accepted"), _("Invitation accepted")),
    ("portal.invitation.revoked", _("Invitation revoked"), _("Invitation revoked")),
    ("portal.groups_changed", _("Group membership changed"), _("Group membership changed")),
    ("portal.access_refused", _("Access refused"), _("Access to restricted content refused")),
    (
        "portal.identity_number_override",
        _("Personal identity number allowed"),
        _("Publishing allowed despite a personal identity number"),
    ),
]


def _safe_log(**kwargs):
    # The audit trail must never break the request it describes.
    try:
        return log(**kwargs)
    except Exception:  # pragma: no cover - defensive
        logger.exception("Could not write audit entry %s", kwargs.get("action"))
        return None


def log_user_event(action, user, *, by=None, data=None):
    return _safe_log(instance=user, action=action, user=by or user, data=data or {})


def log_group_change(user, group, change):
    # No `user=`: Wagtail fills in whoever is acting in the admin (its log context).
    _safe_log(
        instance=user,
        action="portal.groups_changed",
        data={"change": change, "group": group.name, "user": user.email},
    )


def client_ip(request):
    if request is None:
        return ""
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except Exception:  # pragma: no cover - e.g. a malformed proxy header
        return request.META.get("REMOTE_ADDR", "")


def log_failed_login(email, *, locked_out=False, request=None):
    action = "portal.lockout" if locked_out else "portal.login_failed"
    ip = client_ip(request)
    user = get_user_model().objects.filter(email__iexact=email or "").first()
    logger.warning("%s for %s from %s", action, email, ip)
    data = {"email": (email or "")[:EMAIL_MAX], "ip": ip}
    if user is not None:
        _safe_log(instance=user, action=action, user=None, data=data)
        return
    # No account has this address (a typo, or someone guessing). Wagtail's log needs an
    # object and we create no user for it: the entry hangs on the site that was asked,
    # labelled with the address so Site history shows what was tried.
    site = _site(request)
    if site is not None:
        data["unknown_account"] = True
        _safe_log(instance=site, action=action, user=None, title=data["email"], data=data)


def _site(request):
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    return site or Site.objects.filter(is_default_site=True).first()


def log_invitation(invitation, event, by):
    _safe_log(
        instance=invitation,
        action=f"portal.invitation.{event}",
        user=by if getattr(by, "is_authenticated", False) else None,
        data={"email": invitation.email, "group": invitation.group.name},
    )


def log_access_refused(request, obj):
    user = request.user if request.user.is_authenticated else None
    _safe_log(
        instance=obj,
        action="portal.access_refused",
        user=user,
        data={"path": request.path[:500]},
    )


def log_identity_number_override(override, obj):
    _safe_log(
        instance=obj if obj is not None else override,
        action="portal.identity_number_override",
        user=override.created_by,
        data={"number_end": override.number[-4:], "reason": override.reason},
    )
