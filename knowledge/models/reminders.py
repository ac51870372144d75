from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewReminder(models.Model):
    """One sent digest: at most one per owner and period, however often the command runs."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_reminders"
    )
    period = models.CharField(max_length=20, help_text="E.g. 2026-11 (month) or 2026-W48 (week).")
    sent_at = models.DateTimeField(auto_now_add=True)
    item_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "period"], name="one_reminder_per_period")
        ]
        verbose_name = _("review reminder")

    def __str__(self):
        return f"{self.owner} {self.period}"
