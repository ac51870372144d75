"""Change notes, read confirmations and the reminder state of knowledge pages."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PageChange(models.Model):
    """What the editor said about one revision, and whether readers must confirm again."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="portal_change"
    )
    note = models.CharField(_("what has changed"), max_length=300, blank=True)
    significant = models.BooleanField(_("significant change"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("page change")

    def __str__(self):
        return self.note or str(self.revision_id)


class Acknowledgement(models.Model):
    """A reader confirmed having read one version of a page."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    page = models.ForeignKey(
        "knowledge.KnowledgePage", on_delete=models.CASCADE, related_name="acknowledgements"
    )
    # RESTRICT: Wagtail's purge_revisions must not take the confirmations with an old
    # revision (knowledge's own purge_revisions skips those); deleting the page still may.
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.RESTRICT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "page", "revision"], name="one_acknowledgement_per_version"
            )
        ]
        verbose_name = _("read confirmation")
        verbose_name_plural = _("read confirmations")

    def __str__(self):
        return f"{self.user_id} {self.page_id} {self.revision_id}"


class AcknowledgementReminderState(models.Model):
    """When readers of a page were last reminded; kept outside the page so it is not
    revisioned (a publish must not roll it back)."""

    page = models.OneToOneField(
        "knowledge.KnowledgePage", on_delete=models.CASCADE, related_name="reminder_state"
    )
    last_reminded_at = models.DateTimeField(null=True, blank=True)
    # The due date (and version) the automatic reminder was sent for: sent once each.
    overdue_sent_for_date = models.DateField(null=True, blank=True)
    overdue_sent_for_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.RESTRICT, related_name="+"
    )

    class Meta:
        verbose_name = _("read confirmation reminder")

    def __str__(self):
        return f"{self.page_id} {self.last_reminded_at}"
