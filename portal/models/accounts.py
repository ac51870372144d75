"""Invitations into a group, and recorded overrides of the personal-identity-number check."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def _new_nonce():
    return secrets.token_urlsafe(16)


def _default_expiry():
    return timezone.now() + timedelta(days=settings.PORTAL_INVITATION_DAYS)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """One e-mail address invited into one group (a municipality's or a partner's).

    The link carries a signed (pk, nonce) pair; resending makes a new nonce, so older links
    stop working. Accepting or revoking is final.
    """

    PENDING, ACCEPTED, REVOKED, EXPIRED = "pending", "accepted", "revoked", "expired"
    STATUS_LABELS = {
        PENDING: _("Pending"),
        ACCEPTED: _("Accepted"),
        REVOKED: _("Revoked"),
        EXPIRED: _("Expired"),
    }

    email = models.EmailField(_("e-mail address"))
    group = models.ForeignKey(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="+"
    )
    nonce = models.CharField(max_length=64, default=_new_nonce, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), default=_default_expiry)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.group.name}"

    @property
    def status(self):
        if self.accepted_at:
            return self.ACCEPTED
        if self.revoked_at:
            return self.REVOKED
        if self.expires_at <= timezone.now():
            return self.EXPIRED
        return self.PENDING

    @property
    def status_label(self):
        return self.STATUS_LABELS[self.status]

    @property
    def is_pending(self):
        return self.status == self.PENDING


class IdentityNumberOverride(models.Model):
    """An admin's recorded decision that one number may be published in one object.

    `object_id` empty means "any object of this type" (needed for objects not yet saved).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255, blank=True)
    number = models.CharField(_("number"), max_length=12, help_text=_("Digits only."))
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("personal identity number override")
        verbose_name_plural = _("personal identity number overrides")

    def __str__(self):
        return f"{self.content_type} {self.object_id}: {self.number}"
