"""StreamField blocks for partner data, used by other apps' pages."""

from django.db.models import prefetch_related_objects

from partners.choosers import contact_person_chooser_viewset

# Stores the contact's id, as the earlier select-list block did, so saved pages keep working.
_ChooserBlock = contact_person_chooser_viewset.get_block_class(
    name="ContactPersonChooserBlock", module_path="partners.blocks"
)


class ContactPersonChooserBlock(_ChooserBlock):
    def bulk_to_python(self, values):
        """The contacts of a stream in one query (Wagtail's), and their organisations,
        which every partner-contact block names, in one more rather than one each."""
        contacts = super().bulk_to_python(values)
        prefetch_related_objects([c for c in contacts if c is not None], "organisation")
        return contacts
