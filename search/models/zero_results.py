from django.db import models
from django.utils.translation import gettext_lazy as _


class ZeroResultSearch(models.Model):
    """A search that found nothing, counted per week. No user, no time of day: only the
    words (normalised) and how often."""

    week = models.DateField(_("week starting"))
    query = models.CharField(_("search"), max_length=100)
    count = models.PositiveIntegerField(_("times"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["week", "query"], name="zero_result_once_a_week")
        ]
        ordering = ["-week", "-count"]
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")

    def __str__(self):
        return self.query
