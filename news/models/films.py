"""Uploaded films: wagtailmedia's media model with a captions track and a transcript.

The file, its captions and its thumbnail live in a collection like documents and images,
so the access module decides who may fetch them (news/film_serving.py), whatever the
media folder's URL says.
"""

import os

from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtailmedia.models import AbstractMedia


class Film(AbstractMedia):
    captions = models.FileField(
        _("captions (WebVTT)"),
        upload_to="media_captions",
        blank=True,
        validators=[FileExtensionValidator(["vtt"])],
        help_text=_("Subtitles in WebVTT format (.vtt). Required before a film is published."),
    )
    captions_language = models.CharField(
        _("captions language"),
        max_length=10,
        default="sv",
        choices=[("sv", _("Swedish")), ("en", _("English"))],
    )
    transcript = models.TextField(
        _("transcript"),
        blank=True,
        help_text=_("Everything that is said and shown, for people who cannot watch or hear."),
    )

    admin_form_fields = AbstractMedia.admin_form_fields + (
        "captions",
        "captions_language",
        "transcript",
    )
    search_fields = AbstractMedia.search_fields + [
        index.SearchField("transcript"),
        index.FilterField("id"),
    ]

    class Meta(AbstractMedia.Meta):
        verbose_name = _("film")
        verbose_name_plural = _("films")

    @property
    def captions_filename(self):
        return os.path.basename(self.captions.name) if self.captions else ""
