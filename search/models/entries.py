"""The database backend's index: one row per searchable thing (page, document, partner
organisation, contact person), written from the `SearchItem` its app describes
(search/items.py). Access is never stored here: a search joins these rows to what
`portal.access` says the reader may see, so a change of privacy or group takes effect at
once. PostgreSQL adds a tsvector of the terms and trigram indexes, SQLite an FTS5 table
over the terms (search/migrations/0002, 0005)."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    ROUTINE = "routine", _("Routine")
    AGREEMENT = "agreement", _("Agreement")
    GUIDE = "guide", _("Guide")
    NEWS = "news", _("News")
    PAGE = "page", _("Page")
    DOCUMENT = "document", _("Document")
    ORGANISATION = "organisation", _("Partner organisation")
    CONTACT = "contact", _("Contact person")


class SearchEntry(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    # Pages are trimmed by their path (portal.access.visible_pages), documents by their
    # collection; other kinds by their app's access rule over object_id.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(max_length=400)
    text = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    # What each part is found by (search/terms.py): normal forms in order, then the parts
    # of compounds. The engines index these, not the text, so that all match alike.
    title_terms = models.TextField(blank=True, default="")
    summary_terms = models.TextField(blank=True, default="")
    body_terms = models.TextField(blank=True, default="")
    municipality = models.ForeignKey(
        "portal.Municipality", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    place = models.CharField(max_length=200, blank=True, help_text="Where it lives, shown.")
    topics = models.ManyToManyField("knowledge.Topic", blank=True, related_name="+")
    date = models.DateField(null=True, blank=True)
    # Not shown before this day (news posts dated ahead).
    available_from = models.DateField(null=True, blank=True)
    # PostgreSQL only: the terms of the title (weight A), summary (B) and text (C).
    search_vector = SearchVectorField(null=True, blank=True)
    # PostgreSQL only: the title's terms alone, for autocomplete.
    title_vector = SearchVectorField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="search_entry_once")
        ]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return self.title


class SearchWord(models.Model):
    """Words of indexed titles and texts, for "did you mean": a suggestion is only offered
    after a search with it found something the reader may see."""

    word = models.CharField(max_length=60, unique=True)

    def __str__(self):
        return self.word
