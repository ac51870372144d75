"""Blocks for routine steps and guides, on top of the portal's BaseStreamBlock."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks

from partners.blocks import ContactPersonChooserBlock
from portal.blocks import BaseStreamBlock

# Earlier migrations name knowledge.blocks.ContactPersonChooserBlock.
__all__ = ["ContactPersonChooserBlock"]


class NumberedStepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=capfirst(_("heading")), required=False)
    steps = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("title", blocks.CharBlock(label=capfirst(_("step")))),
                (
                    "text",
                    blocks.RichTextBlock(
                        label=capfirst(_("description")),
                        required=False,
                        features=["bold", "italic", "link", "document-link", "ul"],
                    ),
                ),
            ],
            label=capfirst(_("step")),
        ),
        label=capfirst(_("steps")),
    )

    class Meta:
        icon = "list-ol"
        label = capfirst(_("numbered steps"))
        template = "blocks/knowledge/numbered_steps_block.html"


class ChecklistBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=capfirst(_("heading")), required=False)
    items = blocks.ListBlock(
        blocks.CharBlock(label=capfirst(_("item"))), label=capfirst(_("items"))
    )

    class Meta:
        icon = "tasks"
        label = capfirst(_("checklist"))
        template = "blocks/knowledge/checklist_block.html"


class TableBlock(blocks.StructBlock):
    """A plain data table with a caption and column headers (rendered with <th scope>)."""

    caption = blocks.CharBlock(
        label=capfirst(pgettext_lazy("table", "caption")), help_text=_("Says what the table shows.")
    )
    columns = blocks.ListBlock(
        blocks.CharBlock(label=capfirst(_("column heading"))), label=capfirst(_("columns"))
    )
    rows = blocks.ListBlock(
        blocks.ListBlock(
            blocks.CharBlock(label=capfirst(_("cell")), required=False), label=capfirst(_("row"))
        ),
        label=capfirst(_("rows")),
        help_text=_("The first cell of each row is read as the row's heading."),
    )

    class Meta:
        icon = "table"
        label = capfirst(_("table"))
        template = "blocks/knowledge/table_block.html"


class PartnerContactBlock(blocks.StructBlock):
    contact = ContactPersonChooserBlock(label=capfirst(_("contact person")))
    note = blocks.CharBlock(
        label=capfirst(_("when to contact")),
        required=False,
        help_text=_("E.g. 'for new placements'."),
    )

    class Meta:
        icon = "user"
        label = capfirst(_("partner contact"))
        template = "blocks/knowledge/partner_contact_block.html"


class StepsStreamBlock(BaseStreamBlock):
    """Routine steps and guide content: everything in the base block plus steps, checklists,
    tables and partner contacts."""

    numbered_steps = NumberedStepsBlock()
    checklist = ChecklistBlock()
    table = TableBlock()
    partner_contact = PartnerContactBlock()
