"""StreamField blocks for partner data, used by other apps' pages."""

from partners.choosers import contact_person_chooser_viewset

# Stores the contact's id, as the earlier select-list block did, so saved pages keep working.
ContactPersonChooserBlock = contact_person_chooser_viewset.get_block_class(
    name="ContactPersonChooserBlock", module_path="partners.blocks"
)
