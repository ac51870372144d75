"""The start page's goals block for a logged-in reader: the newest goals they may see,
each indicator with the collaboration's latest figure (masked as on the goal page), its
status and whether the target is met. Fixed queries for any number of goals."""

from dataclasses import dataclass, field

from django.utils.translation import get_language

from goals.figures import figures_for
from portal.access import access_for

COUNT = 6


@dataclass
class IndicatorLine:
    name: str
    period_label: str
    text: str
    status: str
    status_label: str
    target_met: bool | None


@dataclass
class GoalSummary:
    title: str
    url: str
    indicators: list = field(default_factory=list)


def _line(figures):
    total = figures.total
    shown = total.latest_cell if total else None
    return IndicatorLine(
        name=figures.indicator.name,
        period_label=figures.latest_label,
        text=shown.text if shown else "",
        status=total.status if total else "",
        status_label=str(total.status_label) if total else "",
        target_met=total.target_met if total else None,
    )


def goals_overview(request):
    """The same for everyone with the same reach until a goal, a target or a value is
    saved (each bumps the cache version, goals/apps.py): kept per reach and language."""
    access = access_for(request.user)
    return access.cached_for_reach(
        f"home-goals:{request.get_host()}:{get_language()}", lambda: _overview(request, access)
    )


def _overview(request, access):
    from goals.models import GoalPage

    newest = access.visible_pages(GoalPage.objects.live()).order_by("-first_published_at", "-pk")
    goals = list(newest[:COUNT])
    if not goals:
        return []
    figures = figures_for(goals, access)
    return [
        GoalSummary(
            title=goal.title,
            url=goal.get_url(request),
            indicators=[_line(f) for f in figures[goal.pk]],
        )
        for goal in goals
    ]


def add_home_blocks(request, context):
    if not access_for(request.user).is_authenticated:
        return
    context["goals_overview"] = goals_overview(request)
