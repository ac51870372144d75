"""Blocks for routine steps and guides, on top of the portal's BaseStreamBlock."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks

from partners.blocks import ContactPersonChooserBlock
from portal.blocks import BaseStreamBlock

# Earlier migrations name knowledge.blocks.ContactPersonChooserBlock.
__all__ = ["ContactPersonChooserBlock"]


class NumberedStepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)
    steps = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("title", blocks.CharBlock(label=_("step"))),
                (
                    "text",
                    blocks.RichTextBlock(
                        label=_("description"),
                        required=False,
                        features=["bold", "italic", "link", "document-link", "ul"],
                    ),
                ),
            ],
            label=_("step"),
        ),
        label=_("steps"),
    )

    class Meta:
        icon = "list-ol"
        label = _("numbered steps")
        template = "blocks/knowledge/numbered_steps_block.html"


class ChecklistBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)
    items = blocks.ListBlock(blocks.CharBlock(label=_("item")), label=_("items"))

    class Meta:
        icon = "tasks"
        label = _("checklist")
        template = "blocks/knowledge/checklist_block.html"


class TableBlock(blocks.StructBlock):
    """A plain data table with a caption and column headers (rendered with <th scope>)."""

    caption = blocks.CharBlock(
        label=pgettext_lazy("table", "caption"), help_text=_("Says what the table shows.")
    )
    columns = blocks.ListBlock(blocks.CharBlock(label=_("column heading")), label=_("columns"))
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(label=_("cell"), required=False), label=_("row")),
        label=_("rows"),
        help_text=_("The first cell of each row is read as the row's heading."),
    )

    class Meta:
        icon = "table"
        label = _("table")
        template = "blocks/knowledge/table_block.html"


class PartnerContactBlock(blocks.StructBlock):
    contact = ContactPersonChooserBlock(label=_("contact person"))
    note = blocks.CharBlock(
        label=_("when to contact"), required=False, help_text=_("E.g. 'for new placements'.")
    )

    class Meta:
        icon = "user"
        label = _("partner contact")
        template = "blocks/knowledge/partner_contact_block.html"


class StepsStreamBlock(BaseStreamBlock):
    """Routine steps and guide content: everything in the base block plus steps, checklists,
    tables and partner contacts."""

    numbered_steps = NumberedStepsBlock()
    checklist = ChecklistBlock()
    table = TableBlock()
    partner_contact = PartnerContactBlock()
