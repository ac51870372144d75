from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.access import access_for
from portal.accounts import wagtail_hooks as _accounts_hooks  # noqa: F401 (registers hooks)
from portal.models import Municipality
from portal.views import refuse


# order=-10 runs before Wagtail's own check, which would send a logged-in user to the login page.
@hooks.register("before_serve_page", order=-10)
def enforce_page_access(page, request, serve_args, serve_kwargs):
    if not access_for(request.user).can_view_page(page):
        return refuse(request, page)
    return None


@hooks.register("before_serve_document", order=-10)
def enforce_document_access(document, request):
    if not access_for(request.user).can_view_document(document):
        return refuse(request, document)
    return None


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser(pages, request):
    # Editors link only to pages they may read, so no other section's titles show up.
    return access_for(request.user).visible_pages(pages, include_drafts=True)


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "home"
    menu_label = _("Municipalities")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "code", "slug"]
    search_fields = ["name"]


register_snippet(MunicipalityViewSet)
