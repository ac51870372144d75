"""The goals app on the start page (goals/home.py) and on the admin dashboard: the panel
"Values to report" lists what an editor's municipalities have not entered (goals/reminders.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from portal.access import access_for

LINES = 10


class ValuesDuePanel(Component):
    name = "goals-values-due"
    heading = _("Values to report")
    order = 150
    template_name = "wagtailadmin/home/goals_due.html"

    def render_html(self, parent_context=None):
        if not access_for(parent_context["request"].user).is_editor:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        from goals.models import GoalPage
        from goals.reminders import due_lines, missing_values
        from knowledge import clock

        request = parent_context["request"]
        access = access_for(request.user)
        today = clock.today()
        missing = missing_values(
            today,
            goals=access.visible_pages(GoalPage.objects.live()),
            municipality_ids=[m.pk for m in access.edited_municipalities],
        )
        lines, total = due_lines(missing, today, limit=LINES)
        return {
            "panel_id": self.name,
            "heading": self.heading,
            "lines": lines,
            "more": total - len(lines),
            "today": today,
            "request": request,
        }


@hooks.register("construct_home_page_context")
def add_goals_home_block(request, context):
    from goals.home import add_home_blocks

    add_home_blocks(request, context)


@hooks.register("construct_homepage_panels")
def goals_dashboard_panel(request, panels):
    panels.append(ValuesDuePanel())
