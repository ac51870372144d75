"""Admin wiring for entering goals' figures; imported by goals/wagtail_hooks.py."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from goals import entry_views


@hooks.register("register_admin_urls")
def goals_entry_admin_urls():
    return [
        path("mal/", entry_views.goal_list_view, name="goals_list"),
        path("mal/<int:page_id>/varden/", entry_views.values_view, name="goals_values"),
        path("mal/<int:page_id>/import/", entry_views.import_view, name="goals_import"),
        path(
            "mal/<int:page_id>/import/mall.csv",
            entry_views.import_template_view,
            name="goals_import_template",
        ),
    ]


class GoalsMenuItem(MenuItem):
    def is_shown(self, request):
        from portal.access import access_for

        access = access_for(request.user)
        return access.is_portal_admin or access.is_editor


@hooks.register("register_admin_menu_item")
def goals_menu_item():
    return GoalsMenuItem(
        _("Goals and follow-up"), reverse("goals_list"), icon_name="table", order=205
    )


def _entry_buttons(page, user):
    from goals.entry import rights_for
    from goals.models import GoalPage

    # Only goal pages; the check itself costs a few queries, so no other page pays it.
    if page.specific_class is not GoalPage:
        return []
    goal = page if isinstance(page, GoalPage) else page.specific
    if not rights_for(user, goal).any:
        return []
    return [
        PageMenuItem(
            _("Enter values"),
            reverse("goals_values", args=[goal.pk]),
            icon_name="table",
            priority=70,
            page=page,
        ),
        PageMenuItem(
            _("Import values (CSV)"),
            reverse("goals_import", args=[goal.pk]),
            icon_name="upload",
            priority=71,
            page=page,
        ),
    ]


@hooks.register("register_page_header_buttons")
def goal_entry_header_buttons(page, user, view_name=None, next_url=None):
    return _entry_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def goal_entry_listing_buttons(page, user, next_url=None):
    return _entry_buttons(page, user)
