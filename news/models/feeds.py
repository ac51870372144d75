from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FeedToken(models.Model):
    """The secret in a member's personal news feed address (a feed reader cannot log in).

    Only a hash is stored; regenerating replaces it and the old address stops working.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="news_feed_token"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("personal feed address")
        verbose_name_plural = _("personal feed addresses")

    def __str__(self):
        return str(self.user)
