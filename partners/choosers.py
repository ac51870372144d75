"""A chooser for contact people (inline rows of a partner organisation) that lists only the
people the editing user may see: never someone limited to another municipality, never
someone who has left."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet

from portal.admin_choosers import access_checked_views


class ContactPersonChooserViewSet(access_checked_views(ChooserViewSet)):
    model = "partners.ContactPerson"
    icon = "user"
    choose_one_text = _("Choose a contact person")
    choose_another_text = _("Choose another contact person")
    edit_item_text = _("Edit the organisation")
    form_fields = None  # people are added on their organisation, not from the chooser


contact_person_chooser_viewset = ContactPersonChooserViewSet("contact_person_chooser")
