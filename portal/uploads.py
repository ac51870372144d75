"""Upload checks for every Wagtail image and document form (single, multiple, chooser).

Settings point Wagtail's form bases here (WAGTAILIMAGES_IMAGE_FORM_BASE,
WAGTAILDOCS_DOCUMENT_FORM_BASE). Errors are raised on the `file` field, so Wagtail rejects
the upload before anything is written to storage.
"""

import os
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from portal.upload_collections import SectionCollectionDefaultMixin


def configure_pillow():
    """Pillow's decompression-bomb guard at our pixel limit, and as an error, not a warning."""
    Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    warnings.simplefilter("error", Image.DecompressionBombWarning)


BOMB_MESSAGE = _("The image has too many pixels to be processed safely.")
CORRUPT_MESSAGE = _(
    "The image file is damaged or incomplete and cannot be read. Save it again "
    "from your image program and upload the new file."
)


def _rewind(f):
    if hasattr(f, "seek"):
        f.seek(0)


class PortalImageField(WagtailImageField):
    """Wagtail's image field, but a file Pillow cannot decode is a form error, not a 500."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ValidationError(BOMB_MESSAGE, code="bomb") from None
        except Exception:  # noqa: BLE001 - any decoder failure means a damaged file
            raise ValidationError(CORRUPT_MESSAGE, code="corrupt") from None


class PortalImageForm(SectionCollectionDefaultMixin, BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail builds the field in its own formfield callback; swap in our subclass so
        # its label, help text and limits stay exactly Wagtail's.
        field = self.fields.get("file")
        if field is not None and type(field) is WagtailImageField:
            field.__class__ = PortalImageField

    def clean_file(self):
        f = self.cleaned_data.get("file")
        if not f or not hasattr(f, "read") or getattr(f, "_committed", False):
            return f  # unchanged file on edit
        # Wagtail checked extension, format, bytes and pixels from the header; now decode
        # the whole picture so truncated or corrupt files and bombs are caught here.
        _rewind(f)
        try:
            with Image.open(f) as img:
                img.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ValidationError(
                _("The image has too many pixels to be processed safely."), code="bomb"
            ) from None
        except Exception:
            raise ValidationError(
                _(
                    "The image file is damaged or incomplete and cannot be read. Save it again "
                    "from your image program and upload the new file."
                ),
                code="corrupt",
            ) from None
        finally:
            _rewind(f)
        return f


# Cheap signature checks: the first bytes of each allowed document type.
ZIP = (b"PK\x03\x04",)
OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "doc": OLE,
    "xls": OLE,
}
TEXT_TYPES = {"txt", "csv"}


def _looks_like_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut off at the end of the sample is fine.
        if error.start < len(head) - 3:
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return True


class PortalDocumentForm(SectionCollectionDefaultMixin, BaseDocumentForm):
    def clean_file(self):
        f = self.cleaned_data.get("file")
        if not f or not hasattr(f, "read") or getattr(f, "_committed", False):
            return f
        limit = settings.PORTAL_DOCUMENT_MAX_UPLOAD_SIZE
        if f.size > limit:
            raise ValidationError(
                _("This file is %(size)s; documents may be at most %(limit)s.")
                % {"size": filesizeformat(f.size), "limit": filesizeformat(limit)},
                code="too_large",
            )
        extension = os.path.splitext(f.name)[1].lower().lstrip(".")
        allowed = [e.lower() for e in settings.WAGTAILDOCS_EXTENSIONS]
        if extension not in allowed:
            raise ValidationError(
                _("Files of type “%(ext)s” cannot be uploaded. Allowed types: %(allowed)s.")
                % {"ext": extension or "?", "allowed": ", ".join(allowed)},
                code="extension",
            )
        if f.size == 0:
            raise ValidationError(_("The file is empty."), code="empty")
        _rewind(f)
        head = f.read(2048)
        _rewind(f)
        if extension in SIGNATURES:
            matches = head.startswith(SIGNATURES[extension])
        elif extension in TEXT_TYPES:
            matches = _looks_like_text(head)
        else:
            matches = True
        if not matches:
            raise ValidationError(
                _(
                    "The file's content does not match its name (.%(ext)s). Check that you "
                    "chose the right file."
                )
                % {"ext": extension},
                code="mismatch",
            )
        return f
