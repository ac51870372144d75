"""The admin's rich-text editor names only what the editor may choose.

Draftail receives, for each link and image in a text, the target's URL, file name or
rendition. An editor may open a page whose text links to something they may not see (a
portal administrator put it there). They get that link or image as Wagtail shows one whose
target was deleted: its id kept, so that saving the text keeps it, and nothing else.
"Who may choose it" is `Access.admin_choices`, the answer the choosers give.

Registered from `PortalConfig.ready()`, after Wagtail's own rules (hook order 100).
"""

from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import PageLinkElementHandler
from wagtail.documents import get_document_model
from wagtail.documents.rich_text.contentstate import DocumentLinkElementHandler
from wagtail.images import get_image_model
from wagtail.images.rich_text.contentstate import ImageElementHandler
from wagtail.models import Page

from portal.admin_choosers import may_choose
from portal.current_reader import current_reader


def _may_choose(model, object_id):
    return str(object_id).isdigit() and may_choose(current_reader(), model, int(object_id))


class AccessCheckedPageLink(PageLinkElementHandler):
    def get_attribute_data(self, attrs):
        if _may_choose(Page, attrs.get("id")):
            return super().get_attribute_data(attrs)
        object_id = attrs.get("id")
        return {"id": int(object_id) if str(object_id).isdigit() else None, "url": None}


class AccessCheckedDocumentLink(DocumentLinkElementHandler):
    def get_attribute_data(self, attrs):
        if _may_choose(get_document_model(), attrs.get("id")):
            return super().get_attribute_data(attrs)
        object_id = attrs.get("id")
        return {"id": int(object_id)} if str(object_id).isdigit() else {}


class AccessCheckedImage(ImageElementHandler):
    def create_entity(self, name, attrs, state, contentstate):
        entity = super().create_entity(name, attrs, state, contentstate)
        if not _may_choose(get_image_model(), attrs.get("id")):
            entity.data["src"] = ""
        return entity


def _replaced(rule, handlers):
    """A copy of Wagtail's conversion rule with some database-format handlers replaced."""
    rule = dict(rule)
    rule["from_database_format"] = {**rule["from_database_format"], **handlers}
    return rule


@hooks.register("register_rich_text_features", order=100)
def register_access_checked_editor_rules(features):
    replacements = {
        "link": {'a[linktype="page"]': AccessCheckedPageLink("LINK")},
        "document-link": {'a[linktype="document"]': AccessCheckedDocumentLink("DOCUMENT")},
        "image": {'embed[embedtype="image"]': AccessCheckedImage()},
    }
    # Read the registry's dict directly: get_converter_rule() would scan the hooks again.
    rules = features.converter_rules_by_converter.get("contentstate", {})
    for feature, handlers in replacements.items():
        rule = rules.get(feature)
        if rule is not None:
            features.register_converter_rule("contentstate", feature, _replaced(rule, handlers))
