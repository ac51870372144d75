"""What a user follows, how often they want to hear, what changed for them, and the
lock that makes a digest go out once per period."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Subscription(models.Model):
    """One followed target: a page (a section or shared space: everything under it), a
    topic (knowledge pages with it) or the news of a section or shared space."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.ForeignKey(
        "knowledge.Topic",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    news_of = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="subscription_one_target",
                condition=(
                    Q(page__isnull=False, topic__isnull=True, news_of__isnull=True)
                    | Q(page__isnull=True, topic__isnull=False, news_of__isnull=True)
                    | Q(page__isnull=True, topic__isnull=True, news_of__isnull=False)
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "page"], condition=Q(page__isnull=False), name="sub_unique_page"
            ),
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=Q(topic__isnull=False),
                name="sub_unique_topic",
            ),
            models.UniqueConstraint(
                fields=["user", "news_of"],
                condition=Q(news_of__isnull=False),
                name="sub_unique_news",
            ),
        ]

    def __str__(self):
        target = self.page or self.topic or self.news_of
        return f"{self.user_id} → {target}"


class Preference(models.Model):
    IMMEDIATELY = "immediately"
    DAILY = "daily"
    WEEKLY = "weekly"
    NEVER = "never"
    FREQUENCIES = [
        (IMMEDIATELY, _("Immediately")),
        (DAILY, _("Daily")),
        (WEEKLY, _("Weekly")),
        (NEVER, _("Never")),
    ]
    DEFAULT = WEEKLY

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscription_preference"
    )
    frequency = models.CharField(
        _("how often"), max_length=20, choices=FREQUENCIES, default=DEFAULT
    )

    class Meta:
        verbose_name = _("subscription preference")
        verbose_name_plural = _("subscription preferences")

    def __str__(self):
        return f"{self.user_id}: {self.frequency}"


class Notification(models.Model):
    NEW = "new"
    CHANGED = "changed"
    KINDS = [(NEW, _("New")), (CHANGED, _("Changed"))]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=KINDS, default=CHANGED)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    mailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notif_user_unread"),
            models.Index(fields=["user", "mailed_at"], name="notif_user_unmailed"),
        ]

    def __str__(self):
        return f"{self.user_id}: {self.kind} {self.page_id}"


class DigestSent(models.Model):
    """The lock: one digest per user and period (2026-12-03, 2026-W49, or a batch)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period_key = models.CharField(max_length=40)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")
        constraints = [
            models.UniqueConstraint(fields=["user", "period_key"], name="digest_once_per_period")
        ]

    def __str__(self):
        return f"{self.user_id}: {self.period_key}"
