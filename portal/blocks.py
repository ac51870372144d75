"""The StreamField blocks every page type reuses (one base StreamBlock, as in bakerydemo)."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import VideoChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=capfirst(_("image")))
    alt_text = blocks.CharBlock(
        label=capfirst(_("alternative text")),
        required=False,
        help_text=_("Describe the image for people who cannot see it. Leave empty if decorative."),
    )
    caption = blocks.CharBlock(label=capfirst(_("caption")), required=False)

    class Meta:
        icon = "image"
        label = capfirst(_("image"))
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=capfirst(_("quote")))
    attribution = blocks.CharBlock(label=capfirst(_("attribution")), required=False)

    class Meta:
        icon = "openquote"
        label = capfirst(_("quote"))
        template = "blocks/quote_block.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=capfirst(_("kind")),
        choices=[("info", _("Information")), ("warning", _("Warning")), ("tip", _("Tip"))],
        default="info",
    )
    heading = blocks.CharBlock(label=capfirst(_("heading")), required=False)
    text = blocks.RichTextBlock(
        label=capfirst(_("text")), features=["bold", "italic", "link", "ul", "ol"]
    )

    class Meta:
        icon = "warning"
        label = capfirst(_("callout"))
        template = "blocks/callout_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=capfirst(_("document")))
    label = blocks.CharBlock(
        label=capfirst(_("link text")),
        required=False,
        help_text=_("Defaults to the document title."),
    )

    class Meta:
        icon = "doc-full"
        label = capfirst(_("document"))
        template = "blocks/document_link_block.html"


class EmbedWithTranscriptBlock(blocks.StructBlock):
    embed = EmbedBlock(label=capfirst(_("embed URL")))
    title = blocks.CharBlock(label=capfirst(_("title")), help_text=_("Read out by screen readers."))
    transcript = blocks.TextBlock(
        label=capfirst(_("transcript or description")),
        required=False,
        help_text=_("A text alternative for people who cannot watch or hear the embed."),
    )

    class Meta:
        icon = "media"
        label = capfirst(_("embedded video or audio"))
        template = "blocks/embed_block.html"


class FilmBlock(blocks.StructBlock):
    """An uploaded film (news.Film): the native player with its captions track and the
    transcript below it, served through the access-checked media view."""

    film = VideoChooserBlock(label=capfirst(_("film")))
    heading = blocks.CharBlock(
        label=capfirst(_("heading")), required=False, help_text=_("Defaults to the film's title.")
    )

    class Meta:
        icon = "media"
        label = capfirst(_("film"))
        template = "blocks/film_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=capfirst(_("heading")),
        form_classname="title",
        icon="title",
        template="blocks/heading_block.html",
    )
    paragraph = blocks.RichTextBlock(label=capfirst(_("rich text")), icon="pilcrow")
    image = ImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    document = DocumentLinkBlock()
    film = FilmBlock()
    embed = EmbedWithTranscriptBlock()
