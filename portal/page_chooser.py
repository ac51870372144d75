"""The admin's page chooser, answering from the access module.

Wagtail's page chooser loads any parent by id, searches every page and shows each page's
latest draft title. These subclasses (mounted in portal/admin_urls.py ahead of Wagtail's)
let an editor browse and find only pages they may read, drafts only in their own subtree,
and never show other people's unpublished titles.
"""

from django.http import Http404
from django.urls import reverse
from wagtail.admin.views import chooser as page_chooser
from wagtail.models import Page

from portal.access import access_for
from portal.admin_choosers import clean_ids


def mask_admin_title(page, access):
    """Outside the user's own subtree, show a page as published: no draft title, no hint
    of unpublished changes."""
    if page is not None and not access.works_on_page(page):
        page.draft_title = page.title
        page.has_unpublished_changes = False
    return page


class _MaskedCellMixin:
    def get_cell_context_data(self, instance, parent_context):
        access = access_for(parent_context["request"].user)
        mask_admin_title(instance, access)
        context = super().get_cell_context_data(instance, parent_context)
        if isinstance(context.get("value"), Page):  # the parent-page column
            mask_admin_title(context["value"], access)
        return context


def _masked(columns):
    for column in columns:
        column.__class__ = type(
            f"Masked{type(column).__name__}", (_MaskedCellMixin, type(column)), {}
        )
    return columns


class BrowseView(page_chooser.BrowseView):
    @property
    def columns(self):
        return _masked(super().columns)

    def get(self, request, parent_page_id=None):
        access = access_for(request.user)
        if parent_page_id is not None:
            parent = Page.objects.filter(pk=parent_page_id).first()
            # The same 404 for a missing page and one the user may not choose.
            if parent is None or not access.can_choose_page(parent):
                raise Http404
        elif request.GET.get("page_type"):
            # Wagtail starts at the common ancestor of *every* page of the type, which
            # names other sections' pages; start from those the user may choose.
            try:
                classes = page_chooser.page_models_from_string(request.GET["page_type"])
            except (ValueError, LookupError) as error:
                raise Http404 from error
            choosable = access.choosable_pages(Page.objects.type(*classes))
            if choosable.exists():
                parent_page_id = choosable.first_common_ancestor().pk
            else:
                parent_page_id = Page.get_first_root_node().pk
        return super().get(request, parent_page_id)


class SearchView(page_chooser.SearchView):
    @property
    def columns(self):
        return _masked(super().columns)


class ChosenMultipleView(page_chooser.ChosenMultipleView):
    def get(self, request):
        access = access_for(request.user)
        ids = clean_ids(request.GET.getlist("id"))
        pages = access.choosable_pages(Page.objects.filter(pk__in=ids)).specific()
        result = []
        for page in pages:
            mask_admin_title(page, access)
            result.append(
                {
                    "id": page.pk,
                    "parentId": page.get_parent().pk,
                    "adminTitle": page.get_admin_display_title(),
                    "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,))
                    if access.works_on_page(page)
                    else None,
                    "url": page.url,
                }
            )
        return self.render_chosen_response(result)
