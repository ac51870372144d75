from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.signals import init_new_page
from wagtail.snippets.models import register_snippet

from knowledge import admin_views, dashboard
from knowledge.models import KnowledgeIndexPage, KnowledgePage, Topic
from knowledge.reviews import MARK_REVIEWED_ACTION, may_mark_reviewed
from portal.snippet_viewsets import AccessCheckedSnippetViewSet


@hooks.register("register_search_items")
def knowledge_search_items():
    from knowledge import search_items

    return search_items.providers()


@hooks.register("register_access_rules")
def knowledge_access_rules():
    # Topics name subject areas (Skola, Hälsa …): public, like the knowledge bank's filters.
    return {Topic: lambda access, queryset: queryset}


@hooks.register("register_provisioned_privacy")
def shared_bank_privacy(obj):
    """The shared bank (a page) and the collections of shared spaces and the shared bank."""
    from wagtail.models import Collection

    from knowledge.models import SectionCollection
    from knowledge.sections import (
        is_shared_knowledge_bank,
        sync_section_collection,
        sync_shared_knowledge_bank,
    )

    if isinstance(obj, KnowledgeIndexPage) and is_shared_knowledge_bank(obj):
        return lambda: sync_shared_knowledge_bank(obj)
    if isinstance(obj, Collection):
        link = SectionCollection.objects.filter(collection=obj).select_related("page").first()
        if link is not None:
            return lambda: sync_section_collection(link.page, obj)
    return None


class TopicViewSet(AccessCheckedSnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(TopicViewSet)


@hooks.register("register_admin_urls")
def knowledge_admin_urls():
    return [
        path(
            "kunskapsbanken/innehallshalsa/",
            admin_views.content_health,
            name="knowledge_content_health",
        ),
        path(
            "kunskapsbanken/granskad/<int:page_id>/",
            admin_views.mark_reviewed_view,
            name="knowledge_mark_reviewed",
        ),
    ]


class ContentHealthMenuItem(MenuItem):
    def is_shown(self, request):
        from portal.access import access_for

        access = access_for(request.user)
        return access.is_portal_admin or access.is_editor


@hooks.register("register_reports_menu_item")
def content_health_menu_item():
    return ContentHealthMenuItem(
        _("Content health"), reverse("knowledge_content_health"), icon_name="warning", order=50
    )


def _mark_reviewed_button(page, user):
    if not may_mark_reviewed(user, page):
        return []
    return [
        PageMenuItem(
            _("Mark as reviewed"),
            reverse("knowledge_mark_reviewed", args=[page.pk]),
            icon_name="tick",
            priority=60,
            page=page,
        )
    ]


@hooks.register("register_page_header_buttons")
def mark_reviewed_header_button(page, user, view_name=None, next_url=None):
    return _mark_reviewed_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def mark_reviewed_listing_button(page, user, next_url=None):
    return _mark_reviewed_button(page, user)


@hooks.register("register_log_actions")
def register_review_log_action(actions):
    actions.register_action(MARK_REVIEWED_ACTION, _("Mark as reviewed"), _("Marked as reviewed"))


@hooks.register("construct_home_page_context")
def add_knowledge_home_blocks(request, context):
    from knowledge.home import add_home_blocks

    add_home_blocks(request, context)


class MarkReviewedMenuItem(ActionMenuItem):
    """One click in the edit view's action menu: the button posts to the same view as the
    report's, which records the review on the live page and the latest draft alike."""

    name = "action-mark-reviewed"
    label = _("Mark as reviewed")
    icon_name = "tick"
    template_name = "knowledge/admin/mark_reviewed_action.html"

    def is_shown(self, context):
        if context["view"] != "edit" or context.get("locked_for_user"):
            return False
        return may_mark_reviewed(context["request"].user, context["page"])

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["action_url"] = reverse("knowledge_mark_reviewed", args=[parent_context["page"].pk])
        return context


@hooks.register("register_page_action_menu_item")
def mark_reviewed_action_menu_item():
    # After Publish (30): in the menu, never the form's default button.
    return MarkReviewedMenuItem(order=35)


@hooks.register("construct_homepage_panels")
def editor_dashboard_panels(request, panels):
    dashboard.construct_panels(request, panels)


@receiver(init_new_page)
def prefill_content_owner(sender, page, parent, **kwargs):
    """A new routine, agreement or guide is owned by the editor who starts it (they may
    choose someone else before saving)."""
    if isinstance(page, KnowledgePage) and page.content_owner_id is None and page.owner_id:
        page.content_owner = page.owner


# Wagtail's autosave saves an editor form in the background as soon as it holds unsaved
# changes. On a create form that creates the page as a draft before the editor has pressed
# anything; and a form shown again because it could not be created, saved or published is
# marked as changed at once, so autosave would save exactly what was just refused ("Saved"
# next to "The page could not be created", and a draft left behind). The script cancels
# autosave's own (cancellable) `save` event in those two cases, before its indicator hears
# of it; on the edit form of an existing page autosave works as Wagtail made it. The
# script: templates/knowledge/admin/autosave_rules.html.


@hooks.register("insert_editor_js")
def autosave_rules():
    return render_to_string("knowledge/admin/autosave_rules.html")


# --- read and acknowledge (knowledge/acknowledgements.py) -----------------------------
# Importing the module connects its page_published receiver (apps.py stays as it is).
from knowledge import acknowledgement_views, acknowledgements  # noqa: E402


@hooks.register("register_admin_urls")
def acknowledgement_admin_urls():
    return [
        path(
            "kunskapsbanken/lasbekraftelser/<int:page_id>/",
            acknowledgement_views.readers,
            name="knowledge_readers",
        )
    ]


@hooks.register("register_page_header_buttons")
def readers_header_button(page, user, view_name=None, next_url=None):
    from knowledge.reviews import is_knowledge_page

    if not is_knowledge_page(page) or not acknowledgements.confirm_group_ids(page):
        return []
    if not acknowledgement_views.may_see_readers(user, page):
        return []
    return [
        PageMenuItem(
            _("Who has read it"),
            reverse("knowledge_readers", args=[page.pk]),
            icon_name="user",
            priority=65,
            page=page,
        )
    ]


@hooks.register("before_serve_page")
def acknowledgement_call(page, request, serve_args, serve_kwargs):
    # Read by templates/knowledge/includes/acknowledge_call.html.
    if isinstance(page, KnowledgePage):
        request.kb_acknowledgement = acknowledgements.call_for(page, request.user)


@hooks.register("register_personal_data")
def acknowledgements_personal_data(user):
    from knowledge.models import Acknowledgement
    from portal.personal_data_rows import page_titles

    rows = list(Acknowledgement.objects.filter(user=user).values("page_id", "acknowledged_at"))
    titles = page_titles(user, [row["page_id"] for row in rows])
    return {
        "acknowledgements": (
            _("Pages you have confirmed reading"),
            [("page", _("Page")), ("acknowledged_at", _("Confirmed"))],
            [{"page": titles[r["page_id"]], "acknowledged_at": r["acknowledged_at"]} for r in rows],
        )
    }
