"""The admin's Kolada import (goals/kolada_views.py), registered from goals/wagtail_hooks.py."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem


@hooks.register("register_admin_urls")
def kolada_admin_urls():
    from goals.kolada_views import kolada_import_view

    return [path("mal/<int:page_id>/kolada/", kolada_import_view, name="goals_kolada_import")]


def _kolada_buttons(page, user):
    from goals import kolada
    from goals.entry import enterable_municipalities
    from goals.models import GoalPage
    from portal.access import access_for

    # Only goal pages pay for the checks.
    if page.specific_class is not GoalPage:
        return []
    goal = page if isinstance(page, GoalPage) else page.specific
    if kolada.goal_refusal(goal) or not kolada.kolada_indicators([goal]):
        return []
    if not enterable_municipalities(access_for(user), goal):
        return []
    return [
        PageMenuItem(
            _("Import from Kolada"),
            reverse("goals_kolada_import", args=[goal.pk]),
            icon_name="download",
            priority=72,
            page=page,
        )
    ]


@hooks.register("register_page_header_buttons")
def kolada_header_buttons(page, user, view_name=None, next_url=None):
    return _kolada_buttons(page, user)
