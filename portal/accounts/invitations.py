"""Invitations: who may invite into which group, the signed link, sending and accepting.

The token is `django.core.signing` over (invitation pk, nonce); the nonce lives in the
database, so a resend (new nonce) or an accept/revoke makes every older link useless.
"""

import hmac
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.access import access_for
from portal.accounts import audit
from portal.models import Invitation, Municipality

SALT = "portal.invitation"


@dataclass(frozen=True)
class Target:
    group: Group
    label: str


def invitation_targets(user):
    """The groups this user may invite into, labelled for people.

    Superusers: every municipality's members group and every partner organisation's group.
    Editors of a municipality: that municipality's members group.
    """
    from partners.models import PartnerOrganisation

    if not (user and user.is_authenticated and user.is_active):
        return []
    access = access_for(user)
    municipalities = Municipality.objects.filter(members_group__isnull=False)
    if not access.is_portal_admin:
        municipalities = municipalities.filter(pk__in=[m.pk for m in access.edited_municipalities])
    targets = [
        Target(m.members_group, _("%(name)s (municipality staff)") % {"name": m.name})
        for m in municipalities.select_related("members_group")
    ]
    if access.is_portal_admin:
        partners = PartnerOrganisation.objects.filter(group__isnull=False).select_related("group")
        targets += [
            Target(p.group, _("%(name)s (partner organisation)") % {"name": p.name})
            for p in partners
        ]
    return targets


def can_invite(user):
    return bool(invitation_targets(user))


def visible_invitations(user):
    """Superusers see every invitation, editors those into groups they may invite into."""
    qs = Invitation.objects.select_related("group", "invited_by")
    if access_for(user).is_portal_admin:
        return qs
    return qs.filter(group__in=[t.group for t in invitation_targets(user)])


def group_label(group):
    from partners.models import PartnerOrganisation

    municipality = Municipality.objects.filter(members_group=group).first()
    if municipality:
        return municipality.name
    partner = PartnerOrganisation.objects.filter(group=group).first()
    return partner.name if partner else group.name


# --- the link ----------------------------------------------------------------------------


def make_token(invitation):
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce}, salt=SALT)


def accept_url(request, invitation):
    path = reverse("invitation_accept", args=[make_token(invitation)])
    return request.build_absolute_uri(path) if request else path


class InvalidInvitation(Exception):
    """Why a link cannot be used; `reason` is one of the keys of REASONS."""

    REASONS = {
        "invalid": _(
            "This invitation link is not valid. Check that you copied the whole link from "
            "the e-mail, or ask the person who invited you for a new invitation."
        ),
        "expired": _(
            "This invitation has expired. Ask the person who invited you to send it again."
        ),
        "used": _(
            "This invitation has already been used. If it was you, log in with your e-mail "
            "address and password."
        ),
        "revoked": _("This invitation has been withdrawn."),
    }

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason

    @property
    def message(self):
        return self.REASONS[self.reason]


def invitation_from_token(token):
    """The pending invitation behind a token, or InvalidInvitation saying why not."""
    try:
        data = signing.loads(token, salt=SALT)
        pk, nonce = int(data["i"]), str(data["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise InvalidInvitation("invalid") from None
    invitation = Invitation.objects.select_related("group").filter(pk=pk).first()
    if invitation is None:
        raise InvalidInvitation("invalid")
    if invitation.accepted_at:
        raise InvalidInvitation("used")
    if invitation.revoked_at:
        raise InvalidInvitation("revoked")
    if not secrets_equal(invitation.nonce, nonce):
        # An older link of an invitation that was sent again.
        raise InvalidInvitation("invalid")
    if invitation.expires_at <= timezone.now():
        raise InvalidInvitation("expired")
    return invitation


def secrets_equal(a, b):
    return hmac.compare_digest(a.encode(), b.encode())


# --- actions -----------------------------------------------------------------------------


def existing_user(email):
    return get_user_model().objects.filter(email__iexact=email).first()


def send(invitation, request, *, resend=False):
    """(Re)send the e-mail through django-tasks. A resend renews the link and the expiry."""
    from portal.accounts.tasks import send_invitation_email
    from portal.models.accounts import _default_expiry, _new_nonce

    if resend:
        invitation.nonce = _new_nonce()
        invitation.expires_at = _default_expiry()
    invitation.sent_at = timezone.now()
    invitation.save()
    user = getattr(request, "user", None)
    send_invitation_email.enqueue(
        invitation_id=invitation.pk,
        url=accept_url(request, invitation),
        inviter=(user.get_full_name() or user.email) if user else "",
    )
    audit.log_invitation(invitation, "resent" if resend else "sent", user)


def create(email, group, request):
    invitation = Invitation.objects.create(
        email=email.strip().lower(), group=group, invited_by=request.user
    )
    send(invitation, request)
    return invitation


def revoke(invitation, user):
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit.log_invitation(invitation, "revoked", user)


@transaction.atomic
def accept(invitation, user):
    """Put the user in the invited group and close the invitation. Locks the row so two
    simultaneous clicks cannot both use it."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.accepted_at or locked.revoked_at or locked.nonce != invitation.nonce:
        raise InvalidInvitation("used")
    user.groups.add(locked.group)
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    audit.log_invitation(locked, "accepted", user)
    return locked


@transaction.atomic
def create_account(invitation, *, first_name, last_name, password):
    """A new account for the invited address, its e-mail already verified by the link."""
    from allauth.account.models import EmailAddress

    user_model = get_user_model()
    user = user_model(
        username=invitation.email,
        email=invitation.email,
        first_name=first_name,
        last_name=last_name,
    )
    user.set_password(password)
    user.save()
    EmailAddress.objects.create(user=user, email=invitation.email, verified=True, primary=True)
    accept(invitation, user)
    return user
