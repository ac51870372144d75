from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from portal.access import access_for
from portal.accounts import wagtail_hooks as _accounts_hooks  # noqa: F401 (registers hooks)
from portal.admin_history import replace_recent_edits_panel
from portal.models import Municipality, MunicipalitySectionPage, SharedSpacePage
from portal.snippet_viewsets import AccessCheckedDeleteBulkAction, AccessCheckedSnippetViewSet
from portal.views import refuse


@hooks.register("before_serve_page", order=-10)
def enforce_page_access(page, request, serve_args, serve_kwargs):
    if not access_for(request.user).can_view_page(page):
        return refuse(request, page)
    return None


def _without_wagtails_second_privacy_check():
    """Wagtail checks page privacy again on every page view (`check_view_restrictions`,
    two queries) with a rule of its own that knows nothing of portal administrators and
    sends logged-in users to the login page. The check above is the one rule; responses to
    logged-in users are never cached (portal.cache_headers). Importing Wagtail's hooks
    module here registers its hooks now, so there is something to take out."""
    from wagtail import wagtail_hooks as core_hooks

    serve_hooks = hooks._hooks.get("on_serve_page", [])
    serve_hooks[:] = [
        (fn, order) for fn, order in serve_hooks if fn is not core_hooks.check_view_restrictions
    ]


_without_wagtails_second_privacy_check()


@hooks.register("before_serve_document", order=-10)
def enforce_document_access(document, request):
    if not access_for(request.user).can_view_document(document):
        return refuse(request, document)
    return None


# --- the admin asks the same module --------------------------------------------------------


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser(pages, request):
    # Pages the editor may read, drafts only in their own subtree.
    return access_for(request.user).choosable_pages(pages)


@hooks.register("construct_document_chooser_queryset")
def limit_document_chooser(documents, request):
    return access_for(request.user).visible_documents(documents)


@hooks.register("construct_image_chooser_queryset")
def limit_image_chooser(images, request):
    return access_for(request.user).visible_images(images)


# Reports that name pages of the whole tree are for portal administrators only.
SITE_WIDE_REPORTS = ("page-types-usage",)


@hooks.register("construct_reports_menu")
def hide_site_wide_reports(request, menu_items):
    if not access_for(request.user).is_portal_admin:
        menu_items[:] = [item for item in menu_items if item.name not in SITE_WIDE_REPORTS]


# The dashboard's recent edits name only pages the user may still reach (site history: the
# report's view in portal/admin_urls.py).
hooks.register("construct_homepage_panels", replace_recent_edits_panel)


@hooks.register("register_provisioned_privacy")
def provisioned_section_privacy(obj):
    """Sections and shared spaces (pages), and municipalities' collections."""
    from wagtail.models import Collection

    from portal.provisioning import provision_municipality, sync_shared_space_restriction

    if isinstance(obj, MunicipalitySectionPage) and obj.municipality_id:
        return lambda: provision_municipality(obj.municipality)
    if isinstance(obj, SharedSpacePage):
        return lambda: sync_shared_space_restriction(obj)
    if isinstance(obj, Collection):
        municipality = Municipality.objects.filter(collection=obj).first()
        if municipality is not None:
            return lambda: provision_municipality(municipality)
    return None


class MunicipalityViewSet(AccessCheckedSnippetViewSet):
    model = Municipality
    icon = "home"
    menu_label = _("Municipalities")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "code", "slug"]
    search_fields = ["name"]


register_snippet(MunicipalityViewSet)

# After Wagtail's own snippet bulk delete (order 0), so it replaces that for the models of
# access-checked viewsets.
hooks.register("register_bulk_action", AccessCheckedDeleteBulkAction, order=10)


@hooks.register("construct_home_page_context")
def add_shared_spaces(request, context):
    """The member's shared spaces, as plain (title, url) data cached per reach."""
    from portal.access import access_for
    from portal.context_processors import MenuItem
    from portal.models import SharedSpacePage

    access = access_for(request.user)
    if not access.is_authenticated:
        return

    def compute():
        spaces = SharedSpacePage.objects.filter(pk__in=list(access.visible_shared_space_ids))
        return [MenuItem(page, request) for page in spaces.order_by("title")]

    context["home_shared_spaces"] = access.cached_for_reach(
        f"home-spaces:{request.get_host()}", compute
    )
