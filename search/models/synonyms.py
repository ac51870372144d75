from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Synonym(index.Indexed, models.Model):
    """Words staff use for the same thing ("EKB" and "ensamkommande barn"): a search for
    one also finds the others. Edited by portal administrators as a snippet."""

    words = models.CharField(
        _("words"),
        max_length=400,
        unique=True,
        help_text=_('Comma-separated, e.g. "EKB, ensamkommande barn".'),
    )
    panels = [FieldPanel("words")]
    search_fields = [
        index.SearchField("words"),
        index.AutocompleteField("words"),
        index.FilterField("id"),
    ]

    class Meta:
        ordering = ["words"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return self.words

    def terms(self):
        return [term.strip() for term in self.words.split(",") if term.strip()]
