"""Upload checks for films (wagtailmedia's form base, `WAGTAILMEDIA["MEDIA_FORM_BASE"]`),
as portal.uploads does for documents and images: the add, edit and chooser-upload forms
refuse a file of the wrong kind or size, and captions that are not WebVTT, with a form
error before anything is stored."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtailmedia.forms import BaseMediaForm
from wagtailmedia.settings import wagtailmedia_settings

from portal.upload_collections import SectionCollectionDefaultMixin

# WebVTT files start with this signature, optionally after a UTF-8 byte order mark.
WEBVTT_SIGNATURE = b"WEBVTT"
UTF8_BOM = b"\xef\xbb\xbf"
MAX_CAPTIONS_SIZE = 1024 * 1024


def _is_new_upload(f):
    return bool(f) and hasattr(f, "read") and not getattr(f, "_committed", False)


def _extension(name):
    return os.path.splitext(name)[1].lower().lstrip(".")


def _head(f, size):
    if hasattr(f, "seek"):
        f.seek(0)
    head = f.read(size)
    if hasattr(f, "seek"):
        f.seek(0)
    return head


def looks_like_webvtt(head):
    if head.startswith(UTF8_BOM):
        head = head[len(UTF8_BOM) :]
    if not head.startswith(WEBVTT_SIGNATURE):
        return False
    # The signature stands alone or is followed by a space, a tab or a line break.
    rest = head[len(WEBVTT_SIGNATURE) : len(WEBVTT_SIGNATURE) + 1]
    return rest in (b"", b" ", b"\t", b"\n", b"\r")


class FilmForm(SectionCollectionDefaultMixin, BaseMediaForm):
    def clean_file(self):
        f = self.cleaned_data.get("file")
        if not _is_new_upload(f):
            return f
        allowed = [e.lower() for e in wagtailmedia_settings.VIDEO_EXTENSIONS]
        extension = _extension(f.name)
        if extension not in allowed:
            raise ValidationError(
                _("Films of type “%(ext)s” cannot be uploaded. Allowed types: %(allowed)s.")
                % {"ext": extension or "?", "allowed": ", ".join(allowed)},
                code="extension",
            )
        limit = settings.PORTAL_FILM_MAX_UPLOAD_SIZE
        if f.size > limit:
            raise ValidationError(
                _("This film is %(size)s; films may be at most %(limit)s.")
                % {"size": filesizeformat(f.size), "limit": filesizeformat(limit)},
                code="too_large",
            )
        if f.size == 0:
            raise ValidationError(_("The file is empty."), code="empty")
        return f

    def clean_captions(self):
        f = self.cleaned_data.get("captions")
        if not _is_new_upload(f):
            return f
        if _extension(f.name) != "vtt" or f.size > MAX_CAPTIONS_SIZE:
            raise ValidationError(
                _("Captions must be a WebVTT file (.vtt) of at most %(limit)s.")
                % {"limit": filesizeformat(MAX_CAPTIONS_SIZE)},
                code="captions_type",
            )
        if not looks_like_webvtt(_head(f, 16)):
            raise ValidationError(
                _(
                    "This is not a WebVTT file: its first line must be “WEBVTT”. Save the "
                    "subtitles as WebVTT (.vtt) in your subtitle program and upload that file."
                ),
                code="not_webvtt",
            )
        return f
