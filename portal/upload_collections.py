"""Where an upload lands by default: the uploader's own municipality's collection.

Wagtail hides the collection field when a user may add to one collection only (a
municipality editor: provisioning grants add on their collection alone), so their uploads
land there. Someone who may add to several collections, Root among them, would otherwise get
Root preselected: public, until a page using the file is published.
"""

from portal.access import access_for


class SectionCollectionDefaultMixin:
    """For Wagtail's document and image forms (single add and chooser upload)."""

    def __init__(self, *args, **kwargs):
        user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        field = self.fields.get("collection")
        if field is None or self.is_bound or self.instance.pk or user is None:
            return
        allowed = {collection.pk for collection in self.collections}
        for municipality in access_for(user).municipalities:
            if municipality.collection_id in allowed:
                self.initial["collection"] = municipality.collection_id
                return
